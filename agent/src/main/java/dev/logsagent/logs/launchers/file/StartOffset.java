package dev.logsagent.logs.launchers.file;

import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.auditor.RegistryEntry;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Where a tailer starts reading a file: where it stopped a moment ago (rotated out by the open-files limit), else
 * what {@code force*} start positions say, else the registry's offset when the file still starts with the same
 * bytes, else the start position for files that were there when the agent started, and 0 for files that appeared
 * since (their first lines must not be skipped).
 */
final class StartOffset {
    /** Where an evicted file stopped, ahead of the registry while its last logs are still in flight. */
    record Resume(long offset, String fingerprint) {
    }

    private StartOffset() {
    }

    static long of(FileChannel channel, StartPosition mode, boolean preexisting, Resume resume,
                   RegistryEntry saved) throws IOException {
        long size = channel.size();
        if (resume != null && resume.offset() <= size && FileFingerprint.matches(channel, resume.fingerprint())) {
            return resume.offset();
        }
        switch (mode) {
            case FORCE_BEGINNING:
                return 0;
            case FORCE_END:
                return size;
            default:
                break;
        }
        if (saved != null) {
            long offset;
            try {
                offset = Long.parseLong(saved.offset());
            } catch (NumberFormatException e) {
                offset = -1;
            }
            if (offset >= 0 && offset <= size && FileFingerprint.matches(channel, saved.fingerprint())) {
                return offset;
            }
            // The file shrank or holds other content than the registry saw: it is a new file, read it all.
            return 0;
        }
        if (!preexisting) {
            return 0;
        }
        return mode == StartPosition.BEGINNING ? 0 : size;
    }
}
