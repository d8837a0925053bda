package dev.logsagent.logs.launchers.file;

import dev.logsagent.config.FileSelectionMode;

import java.time.Duration;

/**
 * What the file launcher takes from {@code logs_config}.
 *
 * @param openFilesLimit at most this many files are tailed at once
 * @param scanPeriod     how often globs are expanded again and rotations looked for
 * @param closeTimeout   how long a rotated or deleted file is still read after its last new data
 */
public record FileLauncherSettings(int openFilesLimit, Duration scanPeriod, Duration closeTimeout,
                                   FileSelectionMode selectionMode) {
}
