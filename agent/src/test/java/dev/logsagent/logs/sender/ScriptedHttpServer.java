package dev.logsagent.logs.sender;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare HTTP/1.1 server on 127.0.0.1 for tests where the intake must misbehave: it reads each request (head
 * and Content-Length body) and lets the test answer with raw bytes, close the connection, or say nothing.
 */
final class ScriptedHttpServer implements AutoCloseable {
    /** One request as read; {@code connection} numbers the connections from 0 in accept order. */
    record Request(int connection, String head, byte[] body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** What to do once a request was read. */
    interface Script {
        /**
         * @param index the request's number across all connections, from 0
         * @return false to close the connection now, without reading further
         */
        boolean answer(int index, Request request, OutputStream out) throws IOException;
    }

    private final Script script;
    private final ServerSocket server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    ScriptedHttpServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().name("scripted-http-accept").start(this::accept);
    }

    /** An answer with this status, keep-alive, and the given body with its Content-Length. */
    static byte[] answer(int status, String body) {
        return ("HTTP/1.1 " + status + " X\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = server.accept();
                int connection = accepted.getAndIncrement();
                open.add(socket);
                Thread.ofVirtual().name("scripted-http-" + connection).start(() -> serve(socket, connection));
            }
        } catch (IOException e) {
            // Closed by close().
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String length = null;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = line.substring("content-length:".length()).trim();
                    }
                }
                byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
                Request request = new Request(connection, head, body);
                requests.add(request);
                if (!script.answer(requests.size() - 1, request, out)) {
                    return;
                }
                out.flush();
            }
        } catch (IOException e) {
            // The client went away.
        } finally {
            open.remove(socket);
            closed.incrementAndGet();
        }
    }

    /** The request line and headers, or null at the end of the connection. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new EOFException("request head cut short");
            }
            head.write(b);
            if ((b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1)) {
                matched++;
            } else {
                matched = b == '\r' ? 1 : 0;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    int port() {
        return server.getLocalPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    int connectionsAccepted() {
        return accepted.get();
    }

    /** Connections this server has finished with (closed by either side). */
    int connectionsClosed() {
        return closed.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
