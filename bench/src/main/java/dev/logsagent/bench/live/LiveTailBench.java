package dev.logsagent.bench.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.logsagent.bench.live.Figures.round;
import static dev.logsagent.bench.live.Figures.since;

/**
 * End-to-end live tailing: the real agent tails N files through one glob while this process appends stamped lines
 * to them at a steady rate and receives what the agent sends on its own intake. Prints one line of JSON
 * ({@link LiveTailResult}): delivery (lost, duplicated), lag from write to arrival, the agent's CPU and memory.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.logsagent.bench.live.LiveTailBench --project . --files 1000</pre>
 *
 * Exit status: 0 every line delivered, 1 loss or error, 2 bad options.
 */
public final class LiveTailBench {
    private static final long DRAIN_POLL_MILLIS = 50;

    private final LiveTailOptions options;
    private final RunClock clock = RunClock.start();

    private LiveTailBench(LiveTailOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        LiveBenchMain.run("live-tail", LiveTailOptions.USAGE, args, LiveTailOptions::parse,
                options -> RunFolder.use("live-tail-", options.workDir(), options.keep(), LiveTailBench::log,
                        new LiveTailBench(options)::measure));
    }

    private LiveTailResult measure(Path dir) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        List<Path> files = IntStream.range(0, options.files()).mapToObj(i -> logs.resolve("f%06d.log".formatted(i)))
                .toList();
        DeliveryLedger ledger = new DeliveryLedger(options.files());
        try (LiveIntake intake = new LiveIntake(ledger, clock, options.intakeDelayMillis(), options.refuseFraction());
             PacedWriter writer = new PacedWriter(files, clock);
             AgentProcess agent = AgentProcess.configure(options.project(), dir, logsConfig(intake.port()),
                     List.of(source(logs + "/*.log")))) {
            if (options.startPosition().equals("beginning")) {
                writer.seedOneLineEach();
            }
            Phases phases = new Phases();
            AgentRun run = AgentRun.of(agent, clock, LiveTailBench::log, (meter, spawn) -> {
                log("agent pid " + agent.pid() + " (" + options.project() + "), " + options.files() + " files in "
                        + logs);
                return writeAndDrain(agent, writer, ledger, meter, spawn, phases);
            });
            return result(writer, ledger, intake.counters(), run, phases);
        }
    }

    private Map<String, Object> logsConfig(int intakePort) {
        Map<String, Object> logsConfig = AgentProcess.intakeConfig(intakePort, options.compression());
        logsConfig.put("open_files_limit", options.openFilesLimit());
        return logsConfig;
    }

    /** One file source: the glob of every file written. */
    private Map<String, Object> source(String glob) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "file");
        source.put("path", glob);
        source.put("service", "live");
        source.put("source", "live");
        source.put("start_position", options.startPosition());
        return source;
    }

    /** Waits for the agent to tail every file, writes for the duration, waits for the last lines; null or an error. */
    private String writeAndDrain(AgentProcess agent, PacedWriter writer, DeliveryLedger ledger,
                                 ProcessTreeMeter meter, long spawn, Phases phases)
            throws IOException, InterruptedException {
        int expected = options.tailedAtOnce();
        Integer tailed = agent.awaitStatus(TailedInputs::of, n -> n >= expected,
                RunClock.toNanos(options.readyTimeoutSeconds()));
        if (tailed == null || tailed < expected) {
            return agent.isAlive() ? "the agent did not tail " + expected + " files within "
                    + options.readyTimeoutSeconds() + " s (it reports " + (tailed == null ? -1 : tailed) + ")"
                    : "the agent exited before tailing every file";
        }
        phases.ready = clock.nanos();
        log("agent tails " + expected + " files after " + round(RunClock.seconds(phases.ready - spawn))
                + " s; writing " + options.bytesPerSecond() + " B/s to each for " + options.durationSeconds() + " s");
        meter.sample();
        double cpu0 = meter.cpuSeconds();
        phases.window = writer.run(options.bytesPerSecond(), RunClock.toNanos(options.durationSeconds()),
                TimeUnit.MILLISECONDS.toNanos(options.sliceMillis()));
        meter.sample();
        phases.windowCpu = meter.cpuSeconds() - cpu0;
        phases.writeEnd = clock.nanos();
        long deadline = phases.writeEnd + RunClock.toNanos(options.drainSeconds());
        while (ledger.distinct() < writer.linesWritten() && clock.nanos() < deadline && agent.isAlive()) {
            Thread.sleep(DRAIN_POLL_MILLIS);
        }
        phases.drainEnd = clock.nanos();
        return agent.isAlive() ? null : "the agent exited during the run";
    }

    private LiveTailResult result(PacedWriter writer, DeliveryLedger ledger, LiveIntake.Counters intake,
                                  AgentRun run, Phases p) {
        DeliveryLedger.Totals got = ledger.totals();
        PacedWriter.Totals window = p.window;
        long windowNanos = window == null ? 0 : window.nanos();
        return new LiveTailResult("live-tail", options.files(), options.bytesPerSecond(), options.durationSeconds(),
                options.compression(), options.startPosition(), options.intakeDelayMillis(), options.refuseFraction(),
                options.openFilesLimit(), writer.linesWritten(), writer.bytesWritten(),
                window == null ? 0 : round(window.bytes() / 1048576.0 / RunClock.seconds(windowNanos)),
                window == null ? 0 : window.lateSlices(),
                Delivery.of(got, writer.linesWritten(), run, p.windowCpu, windowNanos),
                round(run.peakRssMib()), round(run.rssEndMib()), since(run.spawnNanos(), p.ready),
                RunEnding.of(run, intake, p.writeEnd, p.drainEnd, got.distinct() >= writer.linesWritten()));
    }

    /** The instants and readings of the writing, filled in as it goes (-1: not reached). */
    private static final class Phases {
        long ready = -1;
        long writeEnd = -1;
        long drainEnd = -1;
        PacedWriter.Totals window;
        double windowCpu;
    }

    private static void log(String line) {
        System.err.println("[live] " + line);
    }
}
