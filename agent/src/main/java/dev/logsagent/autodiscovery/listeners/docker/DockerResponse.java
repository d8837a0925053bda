package dev.logsagent.autodiscovery.listeners.docker;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A response from the daemon: status, headers (names lower-cased) and the body, already unframed
 * (Content-Length, chunked, or up to the close of the connection). Closing it closes the connection.
 */
record DockerResponse(int status, String reason, Map<String, String> headers, InputStream body)
        implements Closeable {
    private static final int MAX_HEAD_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final int MAX_ERROR_BODY = 64 * 1024;

    /** @param request names the request in errors, as in {@code GET /v1.43/containers/json} */
    static DockerResponse read(InputStream in, String request) throws IOException {
        String what = "docker's answer to " + request;
        String statusLine = HttpLines.require(in, MAX_HEAD_LINE, what);
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException(what + " is not HTTP/1.x: '" + statusLine + "'");
        }
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException(what + " has no status code: '" + statusLine + "'", e);
        }
        String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
        Map<String, String> headers = new HashMap<>();
        for (String line = HttpLines.require(in, MAX_HEAD_LINE, what + ": the headers"); !line.isEmpty();
             line = HttpLines.require(in, MAX_HEAD_LINE, what + ": the headers")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException(what + " has a malformed header line: '" + line + "'");
            }
            if (headers.size() == MAX_HEADERS) {
                throw new IOException(what + " has more than " + MAX_HEADERS + " headers");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new DockerResponse(status, reason, Map.copyOf(headers), body(in, status, headers, what));
    }

    private static InputStream body(InputStream in, int status, Map<String, String> headers, String what)
            throws IOException {
        if (status / 100 == 1 || status == 204 || status == 304) {
            return new FixedLengthInputStream(in, 0, what);
        }
        String transferEncoding = headers.get("transfer-encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new ChunkedInputStream(in, what);
        }
        String contentLength = headers.get("content-length");
        if (contentLength != null) {
            try {
                long length = Long.parseLong(contentLength);
                if (length >= 0) {
                    return new FixedLengthInputStream(in, length, what);
                }
            } catch (NumberFormatException e) {
                // reported below with the header's value
            }
            throw new IOException(what + " has a malformed Content-Length: '" + contentLength + "'");
        }
        return in;
    }

    /** The body as text, at most 64 KiB of it: enough for the daemon's error messages. */
    String bodyText() throws IOException {
        return new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
