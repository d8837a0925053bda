package dev.logsagent.bench.live;

import java.nio.file.Path;
import java.util.Set;

import static dev.logsagent.bench.live.OptionValues.bytes;
import static dev.logsagent.bench.live.OptionValues.decimal;
import static dev.logsagent.bench.live.OptionValues.fraction;
import static dev.logsagent.bench.live.OptionValues.integer;
import static dev.logsagent.bench.live.OptionValues.oneOf;
import static dev.logsagent.bench.live.OptionValues.positive;
import static dev.logsagent.bench.live.OptionValues.range;

/**
 * The command line of {@link TcpFanInBench}.
 *
 * @param project           the logs-agent checkout whose {@code bin/logs-agent} runs
 * @param connections       client connections to the agent's {@code tcp} source, all open at once
 * @param bytesPerSecond    send rate of each connection
 * @param compression       {@code none}, {@code zstd} or {@code gzip}: what the agent sends
 * @param intakeDelayMillis how long the intake holds every answer
 * @param refuseFraction    share of the intake's answers that are 503
 * @param drainSeconds      how long to wait, once sending stops, for the last lines
 * @param sliceMillis       the shortest time between two writes of one connection
 * @param readyTimeoutSeconds how long to wait for the agent to listen, and then to hold every connection
 * @param workDir           an empty folder for the config and agent output (a new temporary one when null)
 * @param keep              keep the temporary folder after the run
 */
record TcpFanInOptions(Path project, int connections, long bytesPerSecond, double durationSeconds,
                       String compression, long intakeDelayMillis, double refuseFraction, double drainSeconds,
                       long sliceMillis, double readyTimeoutSeconds, Path workDir, boolean keep) {

    /** Client sockets on 127.0.0.1 take ephemeral ports: keep well inside the usual 28,000 of them. */
    static final int MAX_CONNECTIONS = 20_000;

    static final String USAGE = """
            usage: java -cp bench/target/benchmarks.jar dev.logsagent.bench.live.TcpFanInBench [options]
              --project DIR          logs-agent checkout to run bin/logs-agent from (default: .)
              --connections N        client connections to the agent's tcp source, open at once (default 1000)
              --rate BYTES           bytes per second sent on each connection; k, m suffixes = KiB, MiB (default 1k)
              --duration S           seconds of sending (default 30)
              --compression KIND     none | zstd | gzip (default zstd, the agent's default)
              --intake-delay-ms D    slow intake: hold every answer D ms (default 0)
              --intake-503 F         slow intake: answer 503 to a fraction F of the requests (default 0)
              --drain S              once sending stops, wait up to S seconds for the last lines (default 30)
              --slice-ms MS          shortest time between two writes of one connection (default 50)
              --ready-timeout S      wait up to S seconds for the agent to listen, then to hold every
                                     connection (default 120)
              --work-dir DIR         an empty folder for the config and agent output, kept after the run
                                     (default: a new temporary folder, deleted after the run)
              --keep                 keep the temporary folder
            The agent's other settings are its defaults; DD_* environment variables reach it (they override the
            config, e.g. DD_LOGS_CONFIG_BATCH_WAIT=1). LOGS_AGENT_JAVA_OPTS reaches bin/logs-agent.""";

    private static final Set<String> COMPRESSIONS = Set.of("none", "zstd", "gzip");

    /** @throws IllegalArgumentException naming the option that is wrong */
    static TcpFanInOptions parse(String[] args) {
        Path project = Path.of(".");
        int connections = 1000;
        long rate = 1 << 10;
        double duration = 30;
        String compression = "zstd";
        long delay = 0;
        double refuse = 0;
        double drain = 30;
        long slice = 50;
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
                case "--connections" -> connections = (int) range(name, integer(name, v), 1, MAX_CONNECTIONS);
                case "--rate" -> rate = range(name, bytes(name, v), 1, 1L << 30);
                case "--duration" -> duration = positive(name, decimal(name, v));
                case "--compression" -> compression = oneOf(name, v, COMPRESSIONS);
                case "--intake-delay-ms" -> delay = range(name, integer(name, v), 0, 600_000);
                case "--intake-503" -> refuse = fraction(name, decimal(name, v));
                case "--drain" -> drain = positive(name, decimal(name, v));
                case "--slice-ms" -> slice = range(name, integer(name, v), 1, 10_000);
                case "--ready-timeout" -> readyTimeout = positive(name, decimal(name, v));
                case "--work-dir" -> workDir = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new TcpFanInOptions(project.toAbsolutePath().normalize(), connections, rate, duration, compression,
                delay, refuse, drain, slice, readyTimeout, workDir == null ? null : workDir.toAbsolutePath(), keep);
    }
}
