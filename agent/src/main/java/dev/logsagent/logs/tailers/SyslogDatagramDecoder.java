package dev.logsagent.logs.tailers;

import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.MessageSink;

import java.util.ArrayList;
import java.util.List;

/** Syslog over UDP: each datagram is one message (RFC 5426), trailing newlines left out. */
final class SyslogDatagramDecoder implements SocketDecoder {
    private final SyslogMessageBuilder builder;
    private final MessageSink out;
    private final List<Message> ready = new ArrayList<>(1);

    SyslogDatagramDecoder(SyslogMessageBuilder builder, MessageSink out) {
        this.builder = builder;
        this.out = out;
    }

    @Override
    public void decode(byte[] buf, int off, int len) throws InterruptedException {
        int end = off + len;
        while (end > off && (buf[end - 1] == '\n' || buf[end - 1] == '\r')) {
            end--;
        }
        if (end == off) {
            return;
        }
        builder.build(buf, off, end - off, false, ready);
        builder.publishCounts();
        for (int i = 0; i < ready.size(); i++) {
            out.accept(ready.get(i));
        }
        ready.clear();
    }

    @Override
    public void flushIfIdle() {
        // Every datagram is complete: nothing waits.
    }

    @Override
    public void finish() {
        // Nothing is held between datagrams.
    }
}
