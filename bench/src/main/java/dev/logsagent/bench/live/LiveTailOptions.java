package dev.logsagent.bench.live;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@link LiveTailBench}.
 *
 * @param project          the logs-agent checkout whose {@code bin/logs-agent} runs
 * @param bytesPerSecond   write rate of each file
 * @param compression      {@code none}, {@code zstd} or {@code gzip}: what the agent sends
 * @param startPosition    {@code end} or {@code beginning}, the sources' {@code start_position}
 * @param intakeDelayMillis how long the intake holds every answer
 * @param refuseFraction   share of the intake's answers that are 503
 * @param drainSeconds     how long to wait, once writing stops, for the last lines
 * @param openFilesLimit   the agent's {@code logs_config.open_files_limit}
 * @param workDir          an empty folder for the files, config and agent output (a new temporary one when null)
 * @param keep             keep the temporary folder after the run
 */
record LiveTailOptions(Path project, int files, long bytesPerSecond, double durationSeconds, String compression,
                       String startPosition, long intakeDelayMillis, double refuseFraction, double drainSeconds,
                       long sliceMillis, int openFilesLimit, double readyTimeoutSeconds, Path workDir, boolean keep) {

    static final String USAGE = """
            usage: java -cp bench/target/benchmarks.jar dev.logsagent.bench.live.LiveTailBench [options]
              --project DIR          logs-agent checkout to run bin/logs-agent from (default: .)
              --files N              files the agent tails through one glob (default 1000)
              --rate BYTES           bytes per second written to each file; k, m suffixes = KiB, MiB (default 10k)
              --duration S           seconds of writing (default 60)
              --compression KIND     none | zstd | gzip (default zstd, the agent's default)
              --start-position P     end | beginning (default end)
              --intake-delay-ms D    slow intake: hold every answer D ms (default 0)
              --intake-503 F         slow intake: answer 503 to a fraction F of the requests (default 0)
              --drain S              once writing stops, wait up to S seconds for the last lines (default 30)
              --slice-ms MS          the writer's time slice (default 50)
              --open-files-limit N   the agent's logs_config.open_files_limit (default: --files, at least 500)
              --ready-timeout S      wait up to S seconds for the agent to tail every file (default 120)
              --work-dir DIR         an empty folder for the files, config and agent output, kept after the run
                                     (default: a new temporary folder, deleted after the run)
              --keep                 keep the temporary folder
            The agent's other settings are its defaults; DD_* environment variables reach it (they override the
            config, e.g. DD_LOGS_CONFIG_BATCH_WAIT=1). LOGS_AGENT_JAVA_OPTS reaches bin/logs-agent.""";

    private static final Set<String> COMPRESSIONS = Set.of("none", "zstd", "gzip");
    private static final Set<String> START_POSITIONS = Set.of("end", "beginning");

    /** @throws IllegalArgumentException naming the option that is wrong */
    static LiveTailOptions parse(String[] args) {
        Path project = Path.of(".");
        int files = 1000;
        long rate = 10 << 10;
        double duration = 60;
        String compression = "zstd";
        String startPosition = "end";
        long delay = 0;
        double refuse = 0;
        double drain = 30;
        long slice = 50;
        Integer openFilesLimit = null;
        double readyTimeout = 120;
        Path workDir = null;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--keep")) {
                keep = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + ": a value is missing");
            }
            String v = args[++i];
            switch (name) {
                case "--project" -> project = Path.of(v);
                case "--files" -> files = (int) range(name, integer(name, v), 1, LineStamp.MAX_FILE + 1);
                case "--rate" -> rate = range(name, bytes(name, v), 1, 1L << 30);
                case "--duration" -> duration = positive(name, decimal(name, v));
                case "--compression" -> compression = oneOf(name, v, COMPRESSIONS);
                case "--start-position" -> startPosition = oneOf(name, v, START_POSITIONS);
                case "--intake-delay-ms" -> delay = range(name, integer(name, v), 0, 600_000);
                case "--intake-503" -> refuse = fraction(name, decimal(name, v));
                case "--drain" -> drain = positive(name, decimal(name, v));
                case "--slice-ms" -> slice = range(name, integer(name, v), 1, 10_000);
                case "--open-files-limit" -> openFilesLimit = (int) range(name, integer(name, v), 1, 1_000_000);
                case "--ready-timeout" -> readyTimeout = positive(name, decimal(name, v));
                case "--work-dir" -> workDir = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        int limit = openFilesLimit == null ? Math.max(files, 500) : openFilesLimit;
        return new LiveTailOptions(project.toAbsolutePath().normalize(), files, rate, duration, compression,
                startPosition, delay, refuse, drain, slice, limit, readyTimeout,
                workDir == null ? null : workDir.toAbsolutePath(), keep);
    }

    /** How many files the agent tails at once. */
    int tailedAtOnce() {
        return Math.min(files, openFilesLimit);
    }

    private static long integer(String name, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + v + "' is not a whole number");
        }
    }

    private static double decimal(String name, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + v + "' is not a number");
        }
    }

    /** {@code 4096}, {@code 10k} / {@code 10KiB} (× 1024), {@code 1m} / {@code 1MiB} (× 1024²). */
    private static long bytes(String name, String v) {
        String s = v.toLowerCase(Locale.ROOT).replace("ib", "");
        long unit = s.endsWith("k") ? 1 << 10 : s.endsWith("m") ? 1 << 20 : 1;
        return unit * integer(name, unit == 1 ? s : s.substring(0, s.length() - 1));
    }

    private static long range(String name, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + ": " + v + " is not within " + min + ".." + max);
        }
        return v;
    }

    private static double positive(String name, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + ": " + v + " must be more than 0");
        }
        return v;
    }

    private static double fraction(String name, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(name + ": " + v + " must be at least 0 and less than 1");
        }
        return v;
    }

    private static String oneOf(String name, String v, Set<String> allowed) {
        if (!allowed.contains(v)) {
            throw new IllegalArgumentException(name + ": '" + v + "' is not one of " + allowed);
        }
        return v;
    }
}
