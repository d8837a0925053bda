package dev.logsagent.bench.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.logsagent.bench.live.OptionValues.bytes;
import static dev.logsagent.bench.live.OptionValues.compressionKind;
import static dev.logsagent.bench.live.OptionValues.decimal;
import static dev.logsagent.bench.live.OptionValues.fraction;
import static dev.logsagent.bench.live.OptionValues.integer;
import static dev.logsagent.bench.live.OptionValues.pairs;
import static dev.logsagent.bench.live.OptionValues.positive;
import static dev.logsagent.bench.live.OptionValues.range;

/**
 * The options every live bench takes (the agent to run, the pace, the intake, the run's folder), read from a
 * command line whose other options are left, in order, to the bench's own parser.
 *
 * @param others the (name, value) pairs of the options not read here
 */
record LiveBenchOptions(Path project, long bytesPerSecond, double durationSeconds, String compression,
                        long intakeDelayMillis, double refuseFraction, double drainSeconds, long sliceMillis,
                        double readyTimeoutSeconds, Path workDir, boolean keep,
                        List<Map.Entry<String, String>> others) {

    private static final Set<String> FLAGS = Set.of("--keep");

    /** @throws IllegalArgumentException naming the option that is wrong */
    static LiveBenchOptions parse(String[] args, long defaultRate, double defaultDuration) {
        Path project = Path.of(".");
        long rate = defaultRate;
        double duration = defaultDuration;
        String compression = "zstd";
        long delay = 0;
        double refuse = 0;
        double drain = 30;
        long slice = 50;
        double readyTimeout = 120;
        Path workDir = null;
        boolean keep = false;
        List<Map.Entry<String, String>> others = new ArrayList<>();
        for (Map.Entry<String, String> option : pairs(args, FLAGS)) {
            String name = option.getKey();
            String v = option.getValue();
            switch (name) {
                case "--keep" -> keep = true;
                case "--project" -> project = Path.of(v);
                case "--rate" -> rate = range(name, bytes(name, v), 1, 1L << 30);
                case "--duration" -> duration = positive(name, decimal(name, v));
                case "--compression" -> compression = compressionKind(name, v);
                case "--intake-delay-ms" -> delay = range(name, integer(name, v), 0, 600_000);
                case "--intake-503" -> refuse = fraction(name, decimal(name, v));
                case "--drain" -> drain = positive(name, decimal(name, v));
                case "--slice-ms" -> slice = range(name, integer(name, v), 1, 10_000);
                case "--ready-timeout" -> readyTimeout = positive(name, decimal(name, v));
                case "--work-dir" -> workDir = Path.of(v);
                default -> others.add(option);
            }
        }
        return new LiveBenchOptions(project.toAbsolutePath().normalize(), rate, duration, compression, delay, refuse,
                drain, slice, readyTimeout, workDir == null ? null : workDir.toAbsolutePath(), keep,
                List.copyOf(others));
    }
}
