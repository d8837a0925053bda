package dev.logsagent.logs.sender;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 connection to the intake, used by one thread at a time. A request is the head in one write and
 * then the body straight from the caller's array (no copy on the Java side); the answer is read as far as the
 * status line and headers, and its body is read and discarded (Content-Length or chunked) so that the
 * connection can carry the next request.
 *
 * <p>Timeouts: reads wait at most the timeout (SO_TIMEOUT), and the whole request, from its first byte written
 * to the last header of the answer, must finish within the timeout too, or the socket is closed under it. The
 * second covers what SO_TIMEOUT cannot: an intake that stops reading makes a write block for good.
 */
final class HttpConnection {
    private static final int BUFFER = 8 * 1024;
    private static final int MAX_HEADERS = 256;
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};
    /** IPv4 or IPv6 (brackets already removed): no SNI for those. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");

    /** The answer's status and how its body ends. */
    private record Head(int status, long contentLength, boolean chunked, boolean keepAlive) {
    }

    /** The TCP socket; closing it ends any blocked read or write, TLS included. */
    private final Socket plain;
    /** What requests go through: the TCP socket, or TLS on top of it. */
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final int timeoutMillis;
    private final ScheduledExecutorService deadlines;
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    private byte[] head = new byte[512];
    /** Whether a byte of the current answer arrived. */
    private boolean answered;
    private boolean reusable;
    private long idleSince;
    private volatile boolean expired;

    private HttpConnection(Socket plain, Socket socket, int timeoutMillis, ScheduledExecutorService deadlines)
            throws IOException {
        this.plain = plain;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.timeoutMillis = timeoutMillis;
        this.deadlines = deadlines;
    }

    /**
     * Connects (within the timeout) and, with {@code tls}, completes the handshake, verifying that the intake's
     * certificate names {@code host}.
     *
     * @param tls       null for plain HTTP
     * @param deadlines runs the per-request deadline that closes a connection whose request hangs
     */
    static HttpConnection open(String host, int port, SSLSocketFactory tls, int timeoutMillis,
                               ScheduledExecutorService deadlines) throws IOException {
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(host, port), timeoutMillis);
            plain.setSoTimeout(timeoutMillis);
            Socket socket = plain;
            if (tls != null) {
                SSLSocket secure = (SSLSocket) tls.createSocket(plain, host, port, true);
                SSLParameters params = secure.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                // The JDK sends SNI by itself only for names with a dot; any valid host name is sent here.
                if (!IP_LITERAL.matcher(host).matches()) {
                    try {
                        params.setServerNames(List.of(new SNIHostName(host)));
                    } catch (IllegalArgumentException notADnsName) {
                        // A name such as my_intake: no SNI, as the JDK would do.
                    }
                }
                secure.setSSLParameters(params);
                secure.startHandshake();
                socket = secure;
            }
            return new HttpConnection(plain, socket, timeoutMillis, deadlines);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /**
     * Sends one request and reads the answer.
     *
     * @param requestHead the request line and headers up to {@code "Content-Length: "}, which this completes
     */
    IntakeResponse exchange(byte[] requestHead, byte[] body, int off, int len) throws IOException {
        reusable = false;
        answered = false;
        pos = 0;
        limit = 0;
        ScheduledFuture<?> deadline;
        try {
            deadline = deadlines.schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            throw new IOException("HTTP client closed");
        }
        Head answer;
        boolean inTime;
        try {
            out.write(head, 0, completeHead(requestHead, len));
            out.write(body, off, len);
            out.flush();
            answer = readHead();
        } catch (IOException e) {
            if (expired) {
                throw (IOException) new SocketTimeoutException("no answer within " + timeoutMillis + " ms")
                        .initCause(e);
            }
            throw e;
        } finally {
            // Not cancelled means the deadline fired: the socket is closed or about to be.
            inTime = deadline.cancel(false);
        }
        boolean complete;
        try {
            complete = skipBody(answer);
        } catch (IOException e) {
            // The intake answered; a body cut short only costs this connection.
            complete = false;
        }
        reusable = inTime && complete && answer.keepAlive() && pos == limit;
        return new IntakeResponse(answer.status());
    }

    private int completeHead(byte[] requestHead, int contentLength) {
        byte[] digits = Integer.toString(contentLength).getBytes(StandardCharsets.US_ASCII);
        int n = requestHead.length + digits.length + END_OF_HEAD.length;
        if (head.length < n) {
            head = new byte[n];
        }
        System.arraycopy(requestHead, 0, head, 0, requestHead.length);
        System.arraycopy(digits, 0, head, requestHead.length, digits.length);
        System.arraycopy(END_OF_HEAD, 0, head, requestHead.length + digits.length, END_OF_HEAD.length);
        return n;
    }

    /** The status line and headers of the final answer; interim (1xx) answers are skipped. */
    private Head readHead() throws IOException {
        while (true) {
            String statusLine = readLine();
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' '
                    || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
                throw new IOException("not an HTTP/1.x answer");
            }
            boolean http11 = statusLine.charAt(7) != '0';
            int status = parseStatus(statusLine);
            long contentLength = -1;
            String transferCoding = null;
            boolean close = false;
            boolean keepAlive = false;
            int headers = 0;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                if (++headers > MAX_HEADERS) {
                    throw new IOException("more than " + MAX_HEADERS + " headers in the answer");
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed header in the answer");
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    long length = parseContentLength(value);
                    if (contentLength >= 0 && length != contentLength) {
                        throw new IOException("conflicting Content-Length headers in the answer");
                    }
                    contentLength = length;
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    String[] codings = value.split(",");
                    transferCoding = codings[codings.length - 1].trim();
                } else if (name.equalsIgnoreCase("Connection")) {
                    for (String token : value.split(",")) {
                        close |= token.trim().equalsIgnoreCase("close");
                        keepAlive |= token.trim().equalsIgnoreCase("keep-alive");
                    }
                }
            }
            if (status >= 100 && status < 200 && status != 101) {
                continue;
            }
            boolean chunked = false;
            if (status == 204 || status == 304) {
                contentLength = 0;
            } else if (transferCoding != null) {
                // Transfer-Encoding wins over Content-Length; its last coding tells how the body ends, and
                // anything but chunked runs until the connection closes.
                chunked = transferCoding.equalsIgnoreCase("chunked");
                contentLength = -1;
                close |= !chunked;
            }
            // HTTP/1.1 keeps the connection unless told otherwise; HTTP/1.0 closes it unless told otherwise.
            return new Head(status, contentLength, chunked, !close && (http11 || keepAlive));
        }
    }

    private static int parseStatus(String statusLine) throws IOException {
        int status = 0;
        for (int i = 9; i < 12; i++) {
            char c = statusLine.charAt(i);
            if (c < '0' || c > '9') {
                throw new IOException("not an HTTP/1.x answer");
            }
            status = status * 10 + (c - '0');
        }
        return status;
    }

    private static long parseContentLength(String value) throws IOException {
        try {
            long length = Long.parseLong(value);
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IOException("invalid Content-Length in the answer");
    }

    /** Reads the answer's body and drops it; false when its end is the connection's end (so it is not read). */
    private boolean skipBody(Head answer) throws IOException {
        if (answer.chunked()) {
            while (true) {
                String sizeLine = readLine();
                int extension = sizeLine.indexOf(';');
                long size = parseChunkSize(extension < 0 ? sizeLine : sizeLine.substring(0, extension));
                if (size == 0) {
                    while (!readLine().isEmpty()) {
                        // Trailer fields: nothing the agent needs.
                    }
                    return true;
                }
                skip(size);
                if (!readLine().isEmpty()) {
                    throw new IOException("malformed chunk in the answer");
                }
            }
        }
        if (answer.contentLength() < 0) {
            return false;
        }
        skip(answer.contentLength());
        return true;
    }

    private static long parseChunkSize(String hex) throws IOException {
        try {
            long size = Long.parseLong(hex.trim(), 16);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IOException("malformed chunk size in the answer");
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            if (pos == limit) {
                pos = 0;
                limit = 0;
                if (!fill()) {
                    throw new EOFException("answer body cut short");
                }
            }
            int n = (int) Math.min(left, limit - pos);
            pos += n;
            left -= n;
        }
    }

    /** One line of the answer, without its CRLF (a bare LF is accepted too). */
    private String readLine() throws IOException {
        int scanned = pos;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > pos && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    return line;
                }
            }
            if (pos > 0) {
                System.arraycopy(buffer, pos, buffer, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit == buffer.length) {
                throw new IOException("a line of the answer is longer than " + BUFFER + " bytes");
            }
            scanned = limit;
            if (!fill()) {
                throw new EOFException(answered ? "answer cut short" : "connection closed before an answer");
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            return false;
        }
        answered = true;
        limit += n;
        return true;
    }

    private void expire() {
        expired = true;
        abort();
    }

    /**
     * True when {@code failure} (thrown by {@link #exchange}) shows the intake had closed this connection before
     * the request reached it: the connection ended or was reset before any byte of an answer, with no timeout.
     * On a connection reused from the pool this is the intake having dropped it while idle.
     */
    boolean closedBeforeAnswer(IOException failure) {
        return !answered && !expired && !(failure instanceof SocketTimeoutException);
    }

    /** Whether the last exchange left the connection fit for another request. */
    boolean reusable() {
        return reusable;
    }

    void idleSince(long nanos) {
        idleSince = nanos;
    }

    long idleSince() {
        return idleSince;
    }

    /** Closes a connection that is in good order (TLS sends its close_notify). */
    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Broken already; nothing more to release.
        }
    }

    /**
     * Closes a connection after a failure, without TLS's close_notify: an intake that stopped reading would
     * leave that write blocked.
     */
    void abort() {
        try {
            plain.close();
        } catch (IOException ignored) {
            // Broken already; nothing more to release.
        }
    }
}
