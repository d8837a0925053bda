package dev.logsagent.config;

/**
 * One intake endpoint: the main one ({@code logs_dd_url}) or an entry of {@code additional_endpoints}.
 *
 * @param reliable a reliable endpoint must acknowledge a payload before offsets move; an unreliable one is best effort
 */
public record EndpointConfig(String apiKey, String host, int port, boolean useSsl, boolean reliable) {

    @Override
    public String toString() {
        return "EndpointConfig[host=" + host + ", port=" + port + ", useSsl=" + useSsl + ", reliable=" + reliable
                + ", apiKey=" + Secrets.redact(apiKey) + "]";
    }
}
