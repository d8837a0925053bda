package dev.logsagent.logs.launchers.journald;

import dev.logsagent.util.retry.BackoffPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;

/**
 * How journald sources are read.
 *
 * @param journalctl     the journalctl program (a name looked up in PATH, or a path)
 * @param localMachineId this machine's id, which keeps the system journal to this machine's entries; null = all
 * @param restartBackoff the pause before journalctl is started again after it exited
 */
public record JournaldLauncherSettings(String journalctl, String localMachineId, BackoffPolicy restartBackoff) {

    /** journalctl from PATH, the id in /etc/machine-id, restarts after 1 s doubling up to 60 s. */
    public static JournaldLauncherSettings system() {
        return new JournaldLauncherSettings("journalctl", readMachineId(Path.of("/etc/machine-id")),
                new BackoffPolicy(1, 2, 60, 1, RandomGenerator.getDefault()));
    }

    /** The 32 hexadecimal digits of a machine-id file, or null when it is missing or holds something else. */
    static String readMachineId(Path file) {
        try {
            String id = Files.readString(file).strip();
            return id.matches("[0-9a-f]{32}") ? id : null;
        } catch (IOException e) {
            return null;
        }
    }
}
