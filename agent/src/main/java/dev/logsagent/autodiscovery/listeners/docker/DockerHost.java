package dev.logsagent.autodiscovery.listeners.docker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the daemon listens, parsed from a {@code docker_host} value: {@code unix:///var/run/docker.sock} or
 * {@code tcp://host:port} (port 2375 when left out, as the docker CLI does).
 */
final class DockerHost {
    private static final String UNIX = "unix://";
    private static final String TCP = "tcp://";
    private static final int DEFAULT_TCP_PORT = 2375;

    private final String uri;
    private final Path socket;
    private final String host;
    private final int port;

    private DockerHost(String uri, Path socket, String host, int port) {
        this.uri = uri;
        this.socket = socket;
        this.host = host;
        this.port = port;
    }

    static DockerHost parse(String dockerHost) {
        Objects.requireNonNull(dockerHost, "dockerHost");
        if (dockerHost.startsWith(UNIX)) {
            String path = dockerHost.substring(UNIX.length());
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("docker_host " + dockerHost
                        + ": a unix socket needs an absolute path, as in unix:///var/run/docker.sock");
            }
            return new DockerHost(dockerHost, Path.of(path), null, 0);
        }
        if (dockerHost.startsWith(TCP)) {
            return tcp(dockerHost);
        }
        throw new IllegalArgumentException("docker_host " + dockerHost
                + " is not supported: use unix:///path/to/docker.sock or tcp://host:port");
    }

    private static DockerHost tcp(String dockerHost) {
        String authority = dockerHost.substring(TCP.length());
        int slash = authority.indexOf('/');
        if (slash >= 0) {
            authority = authority.substring(0, slash);
        }
        try {
            URI parsed = new URI("tcp://" + authority);
            if (parsed.getHost() == null) {
                throw new IllegalArgumentException("docker_host " + dockerHost + " names no host");
            }
            int port = parsed.getPort() < 0 ? DEFAULT_TCP_PORT : parsed.getPort();
            return new DockerHost(dockerHost, null, parsed.getHost(), port);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("docker_host " + dockerHost + " is not a valid address: "
                    + e.getReason(), e);
        }
    }

    /** The value as given, for messages. */
    String uri() {
        return uri;
    }

    /**
     * What goes in the {@code Host} header: the daemon ignores it on a unix socket but HTTP/1.1 requires one.
     * An IPv6 host keeps the brackets {@link URI#getHost()} leaves on it.
     */
    String hostHeader() {
        return socket != null ? "docker" : host + ":" + port;
    }

    SocketChannel openChannel() throws IOException {
        return socket != null ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
    }

    /** Resolved at each connection, so that a name that moves is followed. */
    SocketAddress address() {
        return socket != null ? UnixDomainSocketAddress.of(socket) : new InetSocketAddress(host, port);
    }

    /** Turns a failed connection into one line that says what to check. */
    IOException unreachable(Exception cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String lower = detail.toLowerCase(Locale.ROOT);
        String reason;
        if (socket != null && !Files.exists(socket)) {
            reason = "no such socket";
        } else if (cause instanceof UnresolvedAddressException) {
            reason = "unknown host " + host;
        } else if (lower.contains("refused")) {
            reason = socket != null ? "connection refused (is the daemon running?)" : "connection refused";
        } else if (lower.contains("permission denied")) {
            reason = "permission denied (the agent's user needs access to the socket, e.g. the docker group)";
        } else {
            reason = detail;
        }
        return new IOException("cannot reach docker at " + uri + ": " + reason, cause);
    }
}
