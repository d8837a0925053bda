package dev.logsagent.bench.live;

import java.nio.file.Path;
import java.util.Map;

import static dev.logsagent.bench.live.OptionValues.integer;
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

    /** @throws IllegalArgumentException naming the option that is wrong */
    static TcpFanInOptions parse(String[] args) {
        LiveBenchOptions run = LiveBenchOptions.parse(args, 1 << 10, 30);
        int connections = 1000;
        for (Map.Entry<String, String> option : run.others()) {
            String name = option.getKey();
            String v = option.getValue();
            switch (name) {
                case "--connections" -> connections = (int) range(name, integer(name, v), 1, MAX_CONNECTIONS);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new TcpFanInOptions(run.project(), connections, run.bytesPerSecond(), run.durationSeconds(),
                run.compression(), run.intakeDelayMillis(), run.refuseFraction(), run.drainSeconds(),
                run.sliceMillis(), run.readyTimeoutSeconds(), run.workDir(), run.keep());
    }
}
