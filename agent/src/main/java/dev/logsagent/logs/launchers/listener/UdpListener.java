package dev.logsagent.logs.launchers.listener;

import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.tailers.UdpTailer;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/** The datagram socket of one {@code udp} source, read by one {@link UdpTailer} into one pipeline. */
final class UdpListener implements SocketListener {
    /** Asked of the kernel so bursts wait there rather than being dropped; it caps the size at rmem_max. */
    private static final int RECEIVE_BUFFER_SIZE = 4 << 20;

    private final LogSource source;
    private final ListenerSettings settings;
    private final ListenerContext context;
    private DatagramSocket socket;
    private UdpTailer tailer;

    UdpListener(LogSource source, ListenerSettings settings, ListenerContext context) {
        this.source = source;
        this.settings = settings;
        this.context = context;
    }

    @Override
    public void start() throws IOException {
        DatagramSocket s = new DatagramSocket(null);
        try {
            s.setReceiveBufferSize(RECEIVE_BUFFER_SIZE);
            s.bind(new InetSocketAddress(settings.bindHost(), settings.port()));
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        socket = s;
        MessageSink sink = context.sinks().get();
        // A socket cannot be read again: an empty identifier keeps it out of the registry.
        InputIdentity input = new InputIdentity("", "end");
        tailer = new UdpTailer(s, source, settings.frameSize(), peer -> context.decoders().forDatagrams(source,
                settings.syslog(), input, context.peerTags().of(peer), sink));
        tailer.start();
    }

    @Override
    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void stop() {
        if (tailer != null) {
            tailer.stop();
        }
    }

    @Override
    public void awaitStopped(long deadlineNanos) throws InterruptedException {
        if (tailer != null) {
            tailer.awaitStopped(deadlineNanos);
        }
    }
}
