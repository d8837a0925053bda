package dev.logsagent.bench.live;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static dev.logsagent.bench.live.OptionValues.integer;
import static dev.logsagent.bench.live.OptionValues.oneOf;
import static dev.logsagent.bench.live.OptionValues.range;

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

    private static final Set<String> START_POSITIONS = Set.of("end", "beginning");

    /** @throws IllegalArgumentException naming the option that is wrong */
    static LiveTailOptions parse(String[] args) {
        LiveBenchOptions run = LiveBenchOptions.parse(args, 10 << 10, 60);
        int files = 1000;
        String startPosition = "end";
        Integer openFilesLimit = null;
        for (Map.Entry<String, String> option : run.others()) {
            String name = option.getKey();
            String v = option.getValue();
            switch (name) {
                case "--files" -> files = (int) range(name, integer(name, v), 1, LineStamp.MAX_FILE + 1);
                case "--start-position" -> startPosition = oneOf(name, v, START_POSITIONS);
                case "--open-files-limit" -> openFilesLimit = (int) range(name, integer(name, v), 1, 1_000_000);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        int limit = openFilesLimit == null ? Math.max(files, 500) : openFilesLimit;
        return new LiveTailOptions(run.project(), files, run.bytesPerSecond(), run.durationSeconds(),
                run.compression(), startPosition, run.intakeDelayMillis(), run.refuseFraction(), run.drainSeconds(),
                run.sliceMillis(), limit, run.readyTimeoutSeconds(), run.workDir(), run.keep());
    }

    /** How many files the agent tails at once. */
    int tailedAtOnce() {
        return Math.min(files, openFilesLimit);
    }
}
