package dev.logsagent.serializer;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** gzip members ({@code Content-Encoding: gzip}): a raw deflate stream between the RFC 1952 header and trailer. */
public final class GzipCompression implements Compression {
    private static final byte[] HEADER = {
            0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER_LENGTH = 8;

    private final int level;
    private final ReusablePool<Context> contexts;

    GzipCompression(int level) {
        if (level < Deflater.NO_COMPRESSION || level > Deflater.BEST_COMPRESSION) {
            throw new IllegalArgumentException("gzip compression level " + level + " is not within 0..9");
        }
        this.level = level;
        this.contexts = new ReusablePool<>(ReusablePool.defaultMaxIdle(), () -> new Context(level), Context::close);
    }

    public int level() {
        return level;
    }

    @Override
    public String contentEncoding() {
        return "gzip";
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

    @Override
    public String toString() {
        return "gzip(" + level + ")";
    }

    /** A Deflater, a checksum and the scratch space a member is built in. */
    private static final class Context {
        private final Deflater deflater;
        private final CRC32 crc = new CRC32();
        private byte[] scratch = new byte[0];

        Context(int level) {
            this.deflater = new Deflater(level, true);
        }

        byte[] compress(byte[] in, int off, int len) {
            deflater.reset();
            crc.reset();
            crc.update(in, off, len);
            // Stored deflate blocks cost 5 bytes per 16 KiB: this bound fits even incompressible input at once.
            ensureScratch(HEADER.length + len + 5 * (len / 16_383 + 1) + 64 + TRAILER_LENGTH);
            System.arraycopy(HEADER, 0, scratch, 0, HEADER.length);
            int pos = HEADER.length;
            deflater.setInput(in, off, len);
            deflater.finish();
            while (!deflater.finished()) {
                if (pos == scratch.length - TRAILER_LENGTH) {
                    ensureScratch(scratch.length * 2);
                }
                pos += deflater.deflate(scratch, pos, scratch.length - TRAILER_LENGTH - pos);
            }
            pos = writeIntLittleEndian((int) crc.getValue(), pos);
            pos = writeIntLittleEndian(len, pos);
            return Arrays.copyOf(scratch, pos);
        }

        private void ensureScratch(int size) {
            if (scratch.length < size) {
                scratch = Arrays.copyOf(scratch, size);
            }
        }

        private int writeIntLittleEndian(int v, int pos) {
            scratch[pos] = (byte) v;
            scratch[pos + 1] = (byte) (v >>> 8);
            scratch[pos + 2] = (byte) (v >>> 16);
            scratch[pos + 3] = (byte) (v >>> 24);
            return pos + 4;
        }

        void close() {
            deflater.end();
        }
    }
}
