package dev.logsagent.autodiscovery.listeners.docker;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** A body of {@code Content-Length} bytes; a connection closed before its end is an error, not a short body. */
final class FixedLengthInputStream extends InputStream {
    private final InputStream in;
    private final String what;
    private long remaining;

    FixedLengthInputStream(InputStream in, long length, String what) {
        this.in = in;
        this.remaining = length;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (remaining == 0) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int read = in.read(into, offset, (int) Math.min(length, remaining));
        if (read < 0) {
            throw new EOFException(what + ": the connection was closed " + remaining
                    + " bytes before the end of the body");
        }
        remaining -= read;
        return read;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
