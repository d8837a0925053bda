package dev.logsagent.logs.launchers.file;

import dev.logsagent.config.FileSelectionMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which files waiting for a free slot under {@code open_files_limit} get one: files never tailed
 * first, then those whose turn ended longest ago, then by {@code file_wildcard_selection_mode}.
 */
final class WaitingFiles {
    private WaitingFiles() {
    }

    static void sort(List<Path> waiting, FileSelectionMode mode, Map<Path, Long> lastTailedNanos) {
        Map<Path, Long> mtimes = new HashMap<>();
        if (mode == FileSelectionMode.BY_MODIFICATION_TIME) {
            for (Path p : waiting) {
                try {
                    mtimes.put(p, Files.getLastModifiedTime(p).toMillis());
                } catch (IOException e) {
                    mtimes.put(p, 0L);
                }
            }
        }
        waiting.sort((a, b) -> {
            // Never-tailed files first, then those that waited longest.
            long ta = lastTailedNanos.getOrDefault(a, Long.MIN_VALUE);
            long tb = lastTailedNanos.getOrDefault(b, Long.MIN_VALUE);
            if (ta != tb) {
                return Long.compare(ta, tb);
            }
            if (mode == FileSelectionMode.BY_MODIFICATION_TIME) {
                return Long.compare(mtimes.get(b), mtimes.get(a));
            }
            return b.compareTo(a);
        });
    }
}
