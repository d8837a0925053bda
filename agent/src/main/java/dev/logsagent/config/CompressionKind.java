package dev.logsagent.config;

/** {@code logs_config.compression_kind}. */
public enum CompressionKind {
    ZSTD("zstd"), GZIP("gzip");

    private final String key;

    CompressionKind(String key) {
        this.key = key;
    }

    /** The value as written in the config file and in the {@code Content-Encoding} header. */
    public String key() {
        return key;
    }
}
