package dev.logsagent.autodiscovery.listeners.docker;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads the CRLF-ended ASCII lines of an HTTP/1.1 response head and of chunk headers. */
final class HttpLines {
    private HttpLines() {
    }

    /**
     * The next line without its line end (a bare LF is accepted too), or {@code null} at the end of the stream
     * before any byte.
     *
     * @param what names the line in errors, as in "response head from docker at unix:///var/run/docker.sock"
     */
    static String read(InputStream in, int maxLength, String what) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.isEmpty()) {
                    return null;
                }
                throw new EOFException(what + " ended in the middle of a line");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= maxLength) {
                throw new IOException(what + " has a line longer than " + maxLength + " bytes");
            }
            line.append((char) b);
        }
    }

    /** The line, or an {@link EOFException} naming what was expected. */
    static String require(InputStream in, int maxLength, String what) throws IOException {
        String line = read(in, maxLength, what);
        if (line == null) {
            throw new EOFException(what + " is missing: the connection was closed");
        }
        return line;
    }
}
