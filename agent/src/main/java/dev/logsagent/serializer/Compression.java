package dev.logsagent.serializer;

import dev.logsagent.config.LogsConfig;

/**
 * How a payload is compressed before it is sent. Implementations are thread-safe: senders of every pipeline share
 * one, and each call borrows reusable native state (a zstd context, a Deflater) from a small pool.
 */
public sealed interface Compression permits NoCompression, GzipCompression, ZstdCompression {

    /** The {@code Content-Encoding} header value, or null when the payload is sent as is. */
    String contentEncoding();

    /** Compresses {@code in[off, off + len)} into a new array. */
    byte[] compress(byte[] in, int off, int len);

    static Compression none() {
        return NoCompression.INSTANCE;
    }

    /** @param level 0 (store) to 9 (smallest) */
    static Compression gzip(int level) {
        return new GzipCompression(level);
    }

    /** @param level as zstd understands it, negative levels (fastest) included */
    static Compression zstd(int level) {
        return new ZstdCompression(level);
    }

    /** What {@code logs_config} asks for: {@code use_compression}, {@code compression_kind} and its level. */
    static Compression of(LogsConfig config) {
        if (!config.useCompression()) {
            return none();
        }
        return switch (config.compressionKind()) {
            case ZSTD -> zstd(config.zstdCompressionLevel());
            case GZIP -> gzip(config.compressionLevel());
        };
    }
}
