package dev.logsagent.serializer;

import java.util.Arrays;

/** Payloads sent as they are ({@code use_compression: false}). */
public final class NoCompression implements Compression {
    static final NoCompression INSTANCE = new NoCompression();

    private NoCompression() {
    }

    @Override
    public String contentEncoding() {
        return null;
    }

    @Override
    public byte[] compress(byte[] in, int off, int len) {
        return Arrays.copyOfRange(in, off, off + len);
    }

    @Override
    public String toString() {
        return "none";
    }
}
