package dev.logsagent.logs.launchers.file;

import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.tailers.FileTailer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Identifies a file's content by a checksum of its first bytes ({@code <length>:<crc32c hex>}), so a new file that
 * reuses the inode (or the path) of an old one is not mistaken for it, even when it is larger than the old offset.
 */
public final class FileFingerprint {
    /** How many leading bytes identify a file. */
    public static final int MAX_BYTES = 1024;

    private FileFingerprint() {
    }

    /**
     * Whether the tailer's file (same inode) now holds other leading bytes and is at least as long as what was read:
     * a new file reusing the inode. A shorter one was truncated, which the tailer handles itself. Also completes a
     * fingerprint taken while the file was shorter than {@link #MAX_BYTES}.
     */
    static boolean replacedInPlace(FileTailer tailer) throws IOException {
        // Position before identity: a tailer that restarts after a truncation swaps its identity (no fingerprint
        // yet) before it resets its position, so a reset position is never judged against the old fingerprint.
        long position = tailer.position();
        InputIdentity identity = tailer.identity();
        FileChannel channel = tailer.channel();
        String fingerprint = identity.fingerprint();
        if (fingerprint != null && !matches(channel, fingerprint)) {
            return channel.size() >= position;
        }
        if (fingerprint == null || length(fingerprint) < MAX_BYTES) {
            identity.setFingerprint(compute(channel));
        }
        return false;
    }

    /** Fingerprint of the first {@code min(size, MAX_BYTES)} bytes. */
    public static String compute(FileChannel channel) throws IOException {
        return compute(channel, (int) Math.min(channel.size(), MAX_BYTES));
    }

    /** Fingerprint of exactly the first {@code length} bytes, or null when the file is shorter. */
    public static String compute(FileChannel channel, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (channel.read(buf, buf.position()) < 0) {
                return null;
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.flip());
        return length + ":" + Long.toHexString(crc.getValue());
    }

    /** The number of bytes a fingerprint covers, or -1 when it is malformed. */
    public static int length(String fingerprint) {
        int colon = fingerprint == null ? -1 : fingerprint.indexOf(':');
        if (colon <= 0) {
            return -1;
        }
        try {
            return Integer.parseInt(fingerprint, 0, colon, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Whether the file still starts with the bytes the fingerprint was taken of. A fingerprint that cannot be
     * read counts as matching, since the offset check then decides.
     */
    public static boolean matches(FileChannel channel, String fingerprint) throws IOException {
        int length = length(fingerprint);
        if (length < 0) {
            return true;
        }
        return fingerprint.equals(compute(channel, length));
    }
}
