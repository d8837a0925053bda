package dev.logsagent.serializer;

import java.util.Arrays;

/**
 * A byte array that grows as it is written and is reused across payloads, so that building a batch allocates only
 * when a payload is bigger than any before it. Not thread-safe: one owner at a time.
 */
public final class GrowableBuffer {
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private byte[] bytes;
    private int length;

    public GrowableBuffer() {
        this(4096);
    }

    /** Writes into {@code array} (e.g. one handed back to a pool) until it must grow. */
    public GrowableBuffer(byte[] array) {
        bytes = array;
    }

    public GrowableBuffer(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initial capacity " + initialCapacity + " is negative");
        }
        bytes = new byte[initialCapacity];
    }

    public void write(int b) {
        if (length == bytes.length) {
            grow(length + 1);
        }
        bytes[length++] = (byte) b;
    }

    public void write(byte[] src) {
        write(src, 0, src.length);
    }

    public void write(byte[] src, int off, int len) {
        ensureCapacity(length + len);
        System.arraycopy(src, off, bytes, length, len);
        length += len;
    }

    /** Appends the characters of an ASCII-only string, one byte each (keys, numbers, markers). */
    public void writeAscii(String ascii) {
        int n = ascii.length();
        ensureCapacity(length + n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) ascii.charAt(i);
        }
    }

    /** Appends the decimal digits of a value without going through a String. */
    public void writeDecimal(long value) {
        if (value == Long.MIN_VALUE) {
            writeAscii(Long.toString(value));
            return;
        }
        ensureCapacity(length + 20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int pos = length + digits;
        do {
            bytes[--pos] = (byte) ('0' + (int) (value % 10));
            value /= 10;
        } while (value != 0);
        length += digits;
    }

    /** Makes room for at least {@code minCapacity} bytes in total. */
    public void ensureCapacity(int minCapacity) {
        if (minCapacity > bytes.length) {
            grow(minCapacity);
        }
    }

    public int length() {
        return length;
    }

    /** The backing array; valid bytes are {@code [0, length())}. It changes identity when the buffer grows. */
    public byte[] array() {
        return bytes;
    }

    public void reset() {
        length = 0;
    }

    /** Forgets everything after the first {@code newLength} bytes, e.g. to undo a partly written record. */
    public void truncate(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("cannot truncate " + length + " bytes to " + newLength);
        }
        length = newLength;
    }

    /**
     * Sets the length after bytes were written straight into {@link #array()}; those bytes must lie within the
     * capacity made sure of beforehand.
     */
    public void setLength(int newLength) {
        if (newLength < 0 || newLength > bytes.length) {
            throw new IllegalArgumentException("length " + newLength + " is outside a capacity of " + bytes.length);
        }
        length = newLength;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void grow(int minCapacity) {
        if (minCapacity < 0 || minCapacity > MAX_CAPACITY) {
            throw new OutOfMemoryError("buffer cannot hold " + Integer.toUnsignedString(minCapacity) + " bytes");
        }
        int doubled = bytes.length > MAX_CAPACITY / 2 ? MAX_CAPACITY : bytes.length * 2;
        bytes = Arrays.copyOf(bytes, Math.max(doubled, minCapacity));
    }
}
