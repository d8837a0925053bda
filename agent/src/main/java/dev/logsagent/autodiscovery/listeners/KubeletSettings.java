package dev.logsagent.autodiscovery.listeners;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach this node's kubelet.
 *
 * @param baseUri      {@code https://<node>:10250} by default; an {@code http://} kubelet (the read-only port, a
 *                     test server) needs neither token nor TLS
 * @param tokenFile    the bearer token, read again at every request (service-account tokens rotate); not sent
 *                     when the file is absent
 * @param caFile       the certificate authority of the kubelet's serving certificate, used when present
 * @param tlsVerify    false accepts any certificate, as {@code kubelet_tls_verify: false} does for the kubelet's
 *                     usual self-signed one
 * @param pollInterval how often {@code /pods} is asked again
 * @param podsPath     {@code logs_config.pods_path}: the folder of {@code <ns>_<pod>_<uid>/<container>/<n>.log}
 */
public record KubeletSettings(URI baseUri, Path tokenFile, Path caFile, boolean tlsVerify, Duration pollInterval,
                              Path podsPath) {
    public static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");
    static final int DEFAULT_PORT = 10250;
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    public KubeletSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(podsPath, "podsPath");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("kubelet poll interval must be positive, got " + pollInterval);
        }
    }

    /**
     * The Datadog Agent's settings from the environment: {@code DD_KUBERNETES_KUBELET_HOST} (else
     * {@code DD_KUBERNETES_KUBELET_NODENAME}, else {@code nodeName}), {@code DD_KUBERNETES_HTTPS_KUBELET_PORT}
     * (10250), {@code DD_KUBELET_TLS_VERIFY} (true), {@code DD_KUBELET_CLIENT_CA} (else the service account's
     * {@code ca.crt}); the service account's token.
     *
     * @throws IllegalArgumentException naming the variable whose value is not usable
     */
    public static KubeletSettings fromEnvironment(Map<String, String> env, String nodeName, Path podsPath) {
        String host = firstSet(env.get("DD_KUBERNETES_KUBELET_HOST"), env.get("DD_KUBERNETES_KUBELET_NODENAME"),
                nodeName);
        int port = DEFAULT_PORT;
        String portText = env.get("DD_KUBERNETES_HTTPS_KUBELET_PORT");
        if (portText != null && !portText.isBlank()) {
            try {
                port = Integer.parseInt(portText.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("DD_KUBERNETES_HTTPS_KUBELET_PORT is not a port: " + portText, e);
            }
        }
        String verify = env.get("DD_KUBELET_TLS_VERIFY");
        boolean tlsVerify = verify == null || verify.isBlank() || Boolean.parseBoolean(verify.strip());
        String ca = env.get("DD_KUBELET_CLIENT_CA");
        URI uri = URI.create("https://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port);
        return new KubeletSettings(uri, SERVICE_ACCOUNT.resolve("token"),
                ca == null || ca.isBlank() ? SERVICE_ACCOUNT.resolve("ca.crt") : Path.of(ca.strip()), tlsVerify,
                DEFAULT_POLL_INTERVAL, podsPath);
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        throw new IllegalArgumentException("no kubelet host: set DD_KUBERNETES_KUBELET_HOST");
    }
}
