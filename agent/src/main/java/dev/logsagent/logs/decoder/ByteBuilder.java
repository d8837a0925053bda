package dev.logsagent.logs.decoder;

import java.util.Arrays;

/**
 * A growable byte array for content that is being put together. It gives back memory on {@link #reset()} once it
 * grew past {@link #RETAINED_CAPACITY}, so that one long line does not pin a large buffer for the life of an input.
 */
final class ByteBuilder {
    static final int RETAINED_CAPACITY = 64 * 1024;

    private final int initialCapacity;
    private byte[] buf;
    private int len;

    ByteBuilder(int initialCapacity) {
        this.initialCapacity = initialCapacity;
        this.buf = new byte[initialCapacity];
    }

    void append(byte[] src, int off, int n) {
        ensureRoom(n);
        System.arraycopy(src, off, buf, len, n);
        len += n;
    }

    void append(byte[] src) {
        append(src, 0, src.length);
    }

    /** Makes room for {@code n} more bytes and returns the array to write them at {@link #length()}. */
    byte[] reserve(int n) {
        ensureRoom(n);
        return buf;
    }

    void setLength(int newLength) {
        len = newLength;
    }

    /** Removes the first {@code n} bytes, keeping the rest at the front. */
    void dropFirst(int n) {
        System.arraycopy(buf, n, buf, 0, len - n);
        len -= n;
    }

    int length() {
        return len;
    }

    byte[] array() {
        return buf;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, len);
    }

    void reset() {
        len = 0;
        if (buf.length > RETAINED_CAPACITY) {
            buf = new byte[initialCapacity];
        }
    }

    private void ensureRoom(int n) {
        int needed = len + n;
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, 2L * buf.length)));
        }
    }
}
