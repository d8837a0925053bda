package dev.logsagent.bench.live;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final long SAMPLE_MILLIS = 200;
    private static final long DRAIN_POLL_MILLIS = 50;
    /** The agent's stop_grace_period is 30 s: a clean stop never needs more. */
    private static final long STOP_GRACE_SECONDS = 40;

    private final LiveTailOptions options;
    private final RunClock clock = RunClock.start();

    private LiveTailBench(LiveTailOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(LiveTailOptions.USAGE);
            return;
        }
        LiveTailOptions options;
        try {
            options = LiveTailOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("live-tail: " + e.getMessage());
            System.err.println(LiveTailOptions.USAGE);
            System.exit(2);
            return;
        }
        LiveTailResult result;
        try {
            result = new LiveTailBench(options).run();
        } catch (IOException e) {
            System.err.println("live-tail: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(JSON.writeValueAsString(result));
        System.exit(result.error() == null && result.lost() == 0 ? 0 : 1);
    }

    private LiveTailResult run() throws IOException, InterruptedException {
        if (options.workDir() != null) {
            return measure(emptyFolder(options.workDir()));
        }
        Path dir = Files.createTempDirectory("live-tail-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            return measure(dir);
        } finally {
            if (options.keep()) {
                log("kept " + dir);
            } else {
                deleteTree(dir);
            }
        }
    }

    /** A run starts from nothing: old files would be read again and old offsets resumed. */
    private static Path emptyFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IOException("--work-dir " + dir + " is not empty");
            }
        }
        return dir;
    }

    private LiveTailResult measure(Path dir) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        List<Path> files = IntStream.range(0, options.files()).mapToObj(i -> logs.resolve("f%06d.log".formatted(i)))
                .toList();
        DeliveryLedger ledger = new DeliveryLedger(options.files());
        try (LiveIntake intake = new LiveIntake(ledger, clock, options.intakeDelayMillis(), options.refuseFraction());
             PacedWriter writer = new PacedWriter(files, clock);
             AgentUnderTest agent = AgentUnderTest.configure(options, dir, logs + "/*.log", intake.port())) {
            if (options.startPosition().equals("beginning")) {
                writer.seedOneLineEach();
            }
            Phases phases = new Phases();
            phases.harnessCpu0 = ownCpuSeconds();
            phases.hostBusy0 = ProcessTreeMeter.hostBusySeconds();
            phases.spawn = clock.nanos();
            agent.start();
            log("agent pid " + agent.pid() + " (" + options.project() + "), " + options.files() + " files in " + logs);
            ProcessTreeMeter meter = new ProcessTreeMeter(agent.pid());
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "proc-sampler");
                t.setDaemon(true);
                return t;
            });
            sampler.scheduleAtFixedRate(() -> sample(meter), 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
            try {
                phases.error = writeAndDrain(agent, writer, ledger, meter, phases);
                meter.sample();
            } finally {
                sampler.shutdownNow();
            }
            phases.harnessCpu1 = ownCpuSeconds();
            phases.hostBusy1 = ProcessTreeMeter.hostBusySeconds();
            String tail = phases.error == null ? null : agent.outputTail(2000);
            phases.agentExit = agent.stop(STOP_GRACE_SECONDS);
            return result(writer, ledger, intake.counters(), meter, phases, tail);
        }
    }

    /** Waits for the agent to tail every file, writes for the duration, waits for the last lines; null or an error. */
    private String writeAndDrain(AgentUnderTest agent, PacedWriter writer, DeliveryLedger ledger,
                                 ProcessTreeMeter meter, Phases phases) throws IOException, InterruptedException {
        int expected = options.tailedAtOnce();
        if (!agent.awaitTailing(expected, seconds(options.readyTimeoutSeconds()))) {
            return agent.isAlive() ? "the agent did not tail " + expected + " files within "
                    + options.readyTimeoutSeconds() + " s (it reports " + agent.tailedInputs() + ")"
                    : "the agent exited before tailing every file";
        }
        phases.ready = clock.nanos();
        log("agent tails " + expected + " files after " + round(RunClock.seconds(phases.ready - phases.spawn))
                + " s; writing " + options.bytesPerSecond() + " B/s to each for " + options.durationSeconds() + " s");
        meter.sample();
        double cpu0 = meter.cpuSeconds();
        phases.window = writer.run(options.bytesPerSecond(), seconds(options.durationSeconds()),
                TimeUnit.MILLISECONDS.toNanos(options.sliceMillis()));
        meter.sample();
        phases.windowCpu = meter.cpuSeconds() - cpu0;
        phases.writeEnd = clock.nanos();
        long deadline = phases.writeEnd + seconds(options.drainSeconds());
        while (ledger.distinct() < writer.linesWritten() && clock.nanos() < deadline && agent.isAlive()) {
            Thread.sleep(DRAIN_POLL_MILLIS);
        }
        phases.drainEnd = clock.nanos();
        return agent.isAlive() ? null : "the agent exited during the run";
    }

    private LiveTailResult result(PacedWriter writer, DeliveryLedger ledger, LiveIntake.Counters intake,
                                  ProcessTreeMeter meter, Phases p, String agentLogTail) {
        DeliveryLedger.Totals got = ledger.totals();
        PacedWriter.Totals window = p.window;
        double agentCpu = meter.cpuSeconds();
        double harnessCpu = p.harnessCpu1 - p.harnessCpu0;
        return new LiveTailResult("live-tail", options.files(), options.bytesPerSecond(), options.durationSeconds(),
                options.compression(), options.startPosition(), options.intakeDelayMillis(), options.refuseFraction(),
                options.openFilesLimit(), writer.linesWritten(), writer.bytesWritten(),
                window == null ? 0 : round(window.bytes() / 1048576.0 / RunClock.seconds(window.nanos())),
                window == null ? 0 : window.lateSlices(),
                got.distinct(), got.records(), Math.max(0, writer.linesWritten() - got.distinct()), got.duplicates(),
                got.unstamped(), millis(got.lagP50Nanos()), millis(got.lagP90Nanos()), millis(got.lagP99Nanos()),
                millis(got.lagMaxNanos()), round(agentCpu),
                window == null ? 0 : round(100 * p.windowCpu / RunClock.seconds(window.nanos())),
                round(meter.peakRssMib()), round(meter.rssMib()), since(p.spawn, p.ready),
                intake.firstAcceptedNanos() < 0 ? null : since(p.spawn, intake.firstAcceptedNanos()),
                since(p.writeEnd, p.drainEnd), got.distinct() >= writer.linesWritten(),
                intake.requests(), intake.refused(), intake.rejected(), intake.lastRejection(),
                round(intake.wireBytes() / 1048576.0), round(intake.decodedBytes() / 1048576.0), round(harnessCpu),
                round(Math.max(0, p.hostBusy1 - p.hostBusy0 - agentCpu - harnessCpu)), loadAverage(), p.agentExit,
                p.error, agentLogTail);
    }

    /** The instants and readings of one run, filled in as it goes (-1: not reached). */
    private static final class Phases {
        long spawn = -1;
        long ready = -1;
        long writeEnd = -1;
        long drainEnd = -1;
        PacedWriter.Totals window;
        double windowCpu;
        double harnessCpu0;
        double harnessCpu1;
        double hostBusy0;
        double hostBusy1;
        Integer agentExit;
        String error;
    }

    /** A failed reading is reported and the next one tried: the scheduler would otherwise stop sampling silently. */
    private static void sample(ProcessTreeMeter meter) {
        try {
            meter.sample();
        } catch (RuntimeException e) {
            log("cannot read the agent's /proc entries: " + e);
        }
    }

    private static Double since(long from, long to) {
        return from < 0 || to < 0 ? null : round(RunClock.seconds(to - from));
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }

    private static double millis(long nanos) {
        return round(nanos / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double ownCpuSeconds() {
        return ProcessTreeMeter.cpuSeconds(ProcessHandle.current().pid());
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void log(String line) {
        System.err.println("[live] " + line);
    }
}
