package dev.logsagent.serializer;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;

import java.lang.ref.Cleaner;
import java.util.Arrays;

/** zstd frames ({@code Content-Encoding: zstd}), the Datadog Agent's default. */
public final class ZstdCompression implements Compression {
    /** zstd contexts hold native memory that nothing else frees once a compression (e.g. before a reload) is gone. */
    private static final Cleaner CLEANER = Cleaner.create();

    private final int level;
    private final ReusablePool<Context> contexts;

    ZstdCompression(int level) {
        if (level < Zstd.minCompressionLevel() || level > Zstd.maxCompressionLevel()) {
            throw new IllegalArgumentException("zstd compression level " + level + " is not within "
                    + Zstd.minCompressionLevel() + ".." + Zstd.maxCompressionLevel());
        }
        this.level = level;
        this.contexts = new ReusablePool<>(ReusablePool.defaultMaxIdle(), () -> newContext(level), Context::close);
        CLEANER.register(this, contexts::disposeIdle);
    }

    public int level() {
        return level;
    }

    @Override
    public String contentEncoding() {
        return "zstd";
    }

    @Override
    public byte[] compress(byte[] in, int off, int len) {
        Context context = contexts.borrow();
        try {
            return context.compress(in, off, len);
        } finally {
            contexts.release(context);
        }
    }

    private static Context newContext(int level) {
        return new Context(new ZstdCompressCtx().setLevel(level));
    }

    @Override
    public String toString() {
        return "zstd(" + level + ")";
    }

    /** A native compression context and the scratch space it compresses into. */
    private static final class Context {
        private final ZstdCompressCtx ctx;
        private byte[] scratch = new byte[0];

        Context(ZstdCompressCtx ctx) {
            this.ctx = ctx;
        }

        byte[] compress(byte[] in, int off, int len) {
            int bound = Math.toIntExact(Zstd.compressBound(len));
            if (scratch.length < bound) {
                scratch = new byte[bound];
            }
            int written = ctx.compressByteArray(scratch, 0, scratch.length, in, off, len);
            return Arrays.copyOf(scratch, written);
        }

        void close() {
            ctx.close();
        }
    }
}
