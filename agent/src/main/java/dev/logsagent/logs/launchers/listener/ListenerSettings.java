package dev.logsagent.logs.launchers.listener;

import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@code tcp} or {@code udp} source listens on and how, from its configuration.
 *
 * @param bindHost       address to listen on ({@code bind_host}, default all IPv4 addresses)
 * @param idleTimeout    TCP connections without data this long are closed; null = never
 * @param maxConnections TCP connections open at once; further ones are closed at once; 0 = no limit
 * @param frameSize      UDP: the largest datagram kept whole, in bytes
 * @param syslog         {@code format: syslog}: RFC 5424 / 3164 messages rather than plain lines
 * @param tls            TCP over TLS; null = plain TCP
 */
public record ListenerSettings(SourceType type, String bindHost, int port, Duration idleTimeout, int maxConnections,
                               int frameSize, boolean syslog, TlsSettings tls) {
    public static final String DEFAULT_BIND_HOST = "0.0.0.0";
    public static final int DEFAULT_FRAME_SIZE = 9000;

    /** @throws IllegalArgumentException naming the key of a value that cannot be used */
    public static ListenerSettings of(SourceConfig config) {
        SourceType type = config.type();
        if (type != SourceType.TCP && type != SourceType.UDP) {
            throw new IllegalArgumentException("not a tcp or udp source: " + type.key());
        }
        Map<String, Object> extra = config.extra();
        String bindHost = config.bindHost() == null || config.bindHost().isBlank()
                ? DEFAULT_BIND_HOST : config.bindHost();
        Duration idleTimeout = (Duration) extra.get("idle_timeout");
        Integer maxConnections = (Integer) extra.get("max_connections");
        Integer frameSize = (Integer) extra.get("frame_size");
        TlsSettings tls = null;
        if (extra.get("tls") instanceof Map<?, ?> map) {
            if (type != SourceType.TCP) {
                throw new IllegalArgumentException("tls: only a tcp source can use TLS");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) map;
            tls = TlsSettings.of(values);
        }
        return new ListenerSettings(type, bindHost, config.port(), idleTimeout,
                maxConnections == null ? 0 : maxConnections, frameSize == null ? DEFAULT_FRAME_SIZE : frameSize,
                isSyslog((String) extra.get("format")), tls);
    }

    private static boolean isSyslog(String format) {
        if (format == null) {
            return false;
        }
        if (format.toLowerCase(Locale.ROOT).equals("syslog")) {
            return true;
        }
        throw new IllegalArgumentException("format: expected 'syslog' or nothing (plain lines), got '" + format + "'");
    }

    /** {@code tcp://0.0.0.0:514}, as status lists it. */
    public String address(int boundPort) {
        String host = bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
        return type.key() + "://" + host + ":" + boundPort;
    }
}
