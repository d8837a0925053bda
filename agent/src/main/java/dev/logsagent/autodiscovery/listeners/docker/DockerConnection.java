package dev.logsagent.autodiscovery.listeners.docker;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP/1.1 connection to the daemon, used for one request ({@code Connection: close}), so that a response
 * body may run until the daemon closes the connection.
 *
 * <p>The channel is non-blocking behind a selector, which gives reads and writes a timeout (a plain
 * {@code SocketChannel} has none) and lets {@link #close()}, from any thread, wake a read that waits forever.
 */
final class DockerConnection implements AutoCloseable {
    private static final int BUFFER_SIZE = 16 * 1024;
    private static final long NO_TIMEOUT = 0;

    private final DockerHost host;
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final InputStream input = new Input();
    private volatile long readTimeoutMillis;
    private volatile boolean closed;

    private DockerConnection(DockerHost host, SocketChannel channel, Selector selector, SelectionKey key,
                             long timeoutMillis) {
        this.host = host;
        this.channel = channel;
        this.selector = selector;
        this.key = key;
        this.readTimeoutMillis = timeoutMillis;
    }

    /** Connects within {@code timeout}; the same timeout then bounds each wait for the daemon to read or answer. */
    static DockerConnection open(DockerHost host, Duration timeout) throws IOException {
        long timeoutMillis = Math.max(1, timeout.toMillis());
        SocketChannel channel = host.openChannel();
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            selector = Selector.open();
            SelectionKey key = channel.register(selector, 0);
            DockerConnection connection = new DockerConnection(host, channel, selector, key, timeoutMillis);
            if (!channel.connect(host.address())) {
                connection.await(SelectionKey.OP_CONNECT, timeoutMillis, "accept the connection");
                channel.finishConnect();
            }
            return connection;
        } catch (IOException | UnresolvedAddressException e) {
            closeQuietly(channel, selector);
            throw host.unreachable(e);
        }
    }

    /** Sends a {@code GET} and reads the response head; the body is left to read from the response. */
    DockerResponse get(String target) throws IOException {
        String request = "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + host.hostHeader() + "\r\n"
                + "User-Agent: logs-agent\r\n"
                + "Accept: application/json\r\n"
                + "Connection: close\r\n\r\n";
        write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        return DockerResponse.read(input, "GET " + target);
    }

    /** How long a read may wait for the next bytes; {@link Duration#ZERO} waits until data or close. */
    void readTimeout(Duration timeout) {
        readTimeoutMillis = timeout.isZero() ? NO_TIMEOUT : Math.max(1, timeout.toMillis());
    }

    /** Safe from any thread; a read blocked on this connection fails with {@link AsynchronousCloseException}. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(channel, selector);
    }

    private void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) == 0) {
                await(SelectionKey.OP_WRITE, readTimeoutMillis, "take the request");
            }
        }
    }

    private int fill() throws IOException {
        readBuffer.clear();
        try {
            while (true) {
                int read = channel.read(readBuffer);
                if (read != 0) {
                    return read;
                }
                await(SelectionKey.OP_READ, readTimeoutMillis, "answer");
            }
        } finally {
            readBuffer.flip();
        }
    }

    private void await(int operation, long timeoutMillis, String what) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        try {
            key.interestOps(operation);
            while (true) {
                if (closed) {
                    throw new AsynchronousCloseException();
                }
                long waitMillis = NO_TIMEOUT;
                if (timeoutMillis != NO_TIMEOUT) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        throw new SocketTimeoutException("docker at " + host.uri() + " did not " + what
                                + " within " + timeoutMillis + " ms");
                    }
                    waitMillis = (remaining + 999_999) / 1_000_000;
                }
                int ready = selector.select(waitMillis);
                selector.selectedKeys().clear();
                if (ready > 0) {
                    return;
                }
            }
        } catch (ClosedSelectorException e) {
            throw new AsynchronousCloseException();
        }
    }

    private static void closeQuietly(SocketChannel channel, Selector selector) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing is left to release
        }
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing is left to release
            }
        }
    }

    /** The connection's bytes, buffered; closing it closes the connection. */
    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            if (!readBuffer.hasRemaining() && fill() < 0) {
                return -1;
            }
            return readBuffer.get() & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, into.length);
            if (length == 0) {
                return 0;
            }
            if (!readBuffer.hasRemaining() && fill() < 0) {
                return -1;
            }
            int count = Math.min(length, readBuffer.remaining());
            readBuffer.get(into, offset, count);
            return count;
        }

        @Override
        public int available() {
            return readBuffer.remaining();
        }

        @Override
        public void close() {
            DockerConnection.this.close();
        }
    }
}
