package dev.logsagent.bench.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and memory of a process and its descendants, read from {@code /proc} as the shared harness does: CPU is
 * utime + stime + cutime + cstime of every process last seen; peak memory is the sum of each process's
 * {@code VmHWM} (exact for one process, as the agent is once {@code bin/logs-agent} has exec'd Java). Thread-safe.
 */
final class ProcessTreeMeter {
    private static final double TICKS_PER_SECOND = clockTicksPerSecond();

    private final long root;
    private final Map<Long, Long> ticks = new HashMap<>();
    private final Map<Long, Long> peakKib = new HashMap<>();
    private long rssKib;

    ProcessTreeMeter(long root) {
        this.root = root;
    }

    /** Reads every process of the tree now; a process that has gone keeps its last reading. */
    synchronized void sample() {
        long rss = 0;
        for (long pid : tree()) {
            long t = cpuTicks(pid);
            if (t >= 0) {
                ticks.put(pid, t);
            }
            long[] memory = memoryKib(pid);
            rss += memory[0];
            peakKib.merge(pid, memory[1], Math::max);
        }
        rssKib = rss;
    }

    synchronized double cpuSeconds() {
        return ticks.values().stream().mapToLong(Long::longValue).sum() / TICKS_PER_SECOND;
    }

    synchronized double peakRssMib() {
        return peakKib.values().stream().mapToLong(Long::longValue).sum() / 1024.0;
    }

    /** The resident memory of the tree at the last sample. */
    synchronized double rssMib() {
        return rssKib / 1024.0;
    }

    private List<Long> tree() {
        return ProcessHandle.of(root).stream().flatMap(h -> Stream.concat(Stream.of(h), h.descendants()))
                .map(ProcessHandle::pid).toList();
    }

    /** CPU seconds of one process (this JVM's too), or -1 when it is gone. */
    static double cpuSeconds(long pid) {
        long t = cpuTicks(pid);
        return t < 0 ? -1 : t / TICKS_PER_SECOND;
    }

    /** CPU seconds the whole machine has spent busy (not idle, not waiting for I/O) since boot. */
    static double hostBusySeconds() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] f = lines.findFirst().orElseThrow().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long cpuTicks(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return -1;
        }
        // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /** {VmRSS, VmHWM} in KiB; zeros when the process is gone. */
    private static long[] memoryKib(long pid) {
        long[] kib = new long[2];
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            lines.forEach(l -> {
                if (l.startsWith("VmRSS:")) {
                    kib[0] = kilobytes(l);
                } else if (l.startsWith("VmHWM:")) {
                    kib[1] = kilobytes(l);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return new long[2];
        }
        return kib;
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.substring(statusLine.indexOf(':') + 1).trim().split("\\s+")[0]);
    }

    private static double clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? Double.parseDouble(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100; // USER_HZ on every Linux this runs on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
