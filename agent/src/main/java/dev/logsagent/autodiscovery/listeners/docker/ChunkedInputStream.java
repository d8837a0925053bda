package dev.logsagent.autodiscovery.listeners.docker;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Decodes a {@code Transfer-Encoding: chunked} body. Reads never wait for more than the current chunk holds,
 * so a streaming reader gets each event as soon as its bytes arrive, wherever the chunk boundaries fall.
 */
final class ChunkedInputStream extends InputStream {
    private static final int MAX_LINE = 4096;

    private final InputStream in;
    private final String what;
    private long remaining;
    private boolean afterData;
    private boolean finished;

    ChunkedInputStream(InputStream in, String what) {
        this.in = in;
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
        if (length == 0) {
            return 0;
        }
        if (remaining == 0 && !nextChunk()) {
            return -1;
        }
        int read = in.read(into, offset, (int) Math.min(length, remaining));
        if (read < 0) {
            throw new EOFException(what + ": the connection was closed inside a chunk");
        }
        remaining -= read;
        afterData = remaining == 0;
        return read;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads the next chunk header; false after the last chunk, whose trailers are read and ignored. */
    private boolean nextChunk() throws IOException {
        if (finished) {
            return false;
        }
        if (afterData) {
            String end = HttpLines.require(in, MAX_LINE, what + ": the end of a chunk");
            if (!end.isEmpty()) {
                throw new IOException(what + ": a chunk is longer than its size says");
            }
            afterData = false;
        }
        String header = HttpLines.require(in, MAX_LINE, what + ": the next chunk (the body was not finished)");
        long size = parseSize(header);
        if (size == 0) {
            String trailer;
            do {
                trailer = HttpLines.require(in, MAX_LINE, what + ": the end of the trailers");
            } while (!trailer.isEmpty());
            finished = true;
            return false;
        }
        remaining = size;
        return true;
    }

    private long parseSize(String header) throws IOException {
        int extension = header.indexOf(';');
        String hex = (extension >= 0 ? header.substring(0, extension) : header).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below with the line that was read
        }
        throw new IOException(what + ": malformed chunk size '" + header + "'");
    }
}
