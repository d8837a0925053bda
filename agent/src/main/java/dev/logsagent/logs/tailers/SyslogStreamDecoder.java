package dev.logsagent.logs.tailers;

import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.syslog.SyslogFramer;

import java.util.ArrayList;
import java.util.List;

/**
 * Syslog over one TCP connection: RFC 6587 framing (octet counting or newlines, detected per connection) by a
 * {@link SyslogFramer} bounded by {@code max_message_size_bytes}, each frame parsed into a message.
 *
 * <p>The framer's callback cannot block, so the messages of one chunk are built first and handed to the sink
 * after it: at most one read buffer's worth plus one frame is held.
 */
final class SyslogStreamDecoder implements SocketDecoder {
    private final SyslogFramer framer;
    private final SyslogMessageBuilder builder;
    private final MessageSink out;
    private final List<Message> ready = new ArrayList<>();

    SyslogStreamDecoder(int maxMessageSize, SyslogMessageBuilder builder, MessageSink out) {
        this.framer = new SyslogFramer(maxMessageSize);
        this.builder = builder;
        this.out = out;
    }

    @Override
    public void decode(byte[] buf, int off, int len) throws InterruptedException {
        framer.feed(buf, off, len, (b, o, l, cut) -> builder.build(b, o, l, cut, ready));
        handOn();
    }

    @Override
    public void flushIfIdle() {
        // A syslog frame is complete or still arriving: nothing waits for a timeout.
    }

    @Override
    public void finish() throws InterruptedException {
        framer.finish((b, o, l, cut) -> builder.build(b, o, l, cut, ready));
        handOn();
    }

    private void handOn() throws InterruptedException {
        builder.publishCounts();
        for (int i = 0; i < ready.size(); i++) {
            out.accept(ready.get(i));
        }
        ready.clear();
    }
}
