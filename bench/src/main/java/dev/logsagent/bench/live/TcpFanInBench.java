package dev.logsagent.bench.live;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Many TCP connections end to end: the real agent listens with one {@code tcp} source on 127.0.0.1, this process
 * opens N client connections to it, waits until the agent holds them all, sends stamped lines on every connection
 * at a steady rate, and receives what the agent sends on its own intake. Prints one line of JSON
 * ({@link TcpFanInResult}): delivery (lost, duplicated), lag from send to arrival, the agent's CPU and memory.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.logsagent.bench.live.TcpFanInBench --project . --connections 1000</pre>
 *
 * Exit status: 0 every line delivered, 1 loss or error, 2 bad options.
 */
public final class TcpFanInBench {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final long SAMPLE_MILLIS = 200;
    private static final long POLL_MILLIS = 50;
    private static final long STATUS_POLL_MILLIS = 250;
    /** The agent's stop_grace_period is 30 s: a clean stop never needs more. */
    private static final long STOP_GRACE_SECONDS = 40;

    private final TcpFanInOptions options;
    private final RunClock clock = RunClock.start();

    private TcpFanInBench(TcpFanInOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(TcpFanInOptions.USAGE);
            return;
        }
        TcpFanInOptions options;
        try {
            options = TcpFanInOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("tcp-fan-in: " + e.getMessage());
            System.err.println(TcpFanInOptions.USAGE);
            System.exit(2);
            return;
        }
        TcpFanInResult result;
        try {
            result = new TcpFanInBench(options).run();
        } catch (IOException e) {
            System.err.println("tcp-fan-in: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(JSON.writeValueAsString(result));
        System.exit(result.error() == null && result.lost() == 0 ? 0 : 1);
    }

    private TcpFanInResult run() throws IOException, InterruptedException {
        if (options.workDir() != null) {
            return measure(emptyFolder(options.workDir()));
        }
        Path dir = Files.createTempDirectory("tcp-fan-in-",
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

    /** A run starts from nothing, so that its agent.log holds this run's output only. */
    private static Path emptyFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IOException("--work-dir " + dir + " is not empty");
            }
        }
        return dir;
    }

    private TcpFanInResult measure(Path dir) throws IOException, InterruptedException {
        DeliveryLedger ledger = new DeliveryLedger(options.connections());
        int port = AgentProcess.freePort();
        try (LiveIntake intake = new LiveIntake(ledger, clock, options.intakeDelayMillis(), options.refuseFraction());
             AgentProcess agent = AgentProcess.configure(options.project(), dir, logsConfig(intake.port()),
                     List.of(source(port)))) {
            Phases phases = new Phases();
            phases.harnessCpu0 = ownCpuSeconds();
            phases.hostBusy0 = ProcessTreeMeter.hostBusySeconds();
            phases.spawn = clock.nanos();
            agent.start();
            log("agent pid " + agent.pid() + " (" + options.project() + "), tcp source on 127.0.0.1:" + port);
            ProcessTreeMeter meter = new ProcessTreeMeter(agent.pid());
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "proc-sampler");
                t.setDaemon(true);
                return t;
            });
            sampler.scheduleAtFixedRate(() -> sample(meter), 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
            try {
                phases.error = connectSendAndDrain(agent, port, ledger, meter, phases);
                meter.sample();
            } finally {
                sampler.shutdownNow();
            }
            phases.harnessCpu1 = ownCpuSeconds();
            phases.hostBusy1 = ProcessTreeMeter.hostBusySeconds();
            String tail = phases.error == null ? null : agent.outputTail(2000);
            phases.agentExit = agent.stop(STOP_GRACE_SECONDS);
            return result(ledger, intake.counters(), meter, phases, tail);
        }
    }

    private Map<String, Object> logsConfig(int intakePort) {
        Map<String, Object> logsConfig = new LinkedHashMap<>();
        logsConfig.put("logs_dd_url", "127.0.0.1:" + intakePort);
        logsConfig.put("logs_no_ssl", true);
        logsConfig.put("use_compression", !options.compression().equals("none"));
        if (!options.compression().equals("none")) {
            logsConfig.put("compression_kind", options.compression());
        }
        return logsConfig;
    }

    /** Plain lines on 127.0.0.1; {@code max_connections} is N, so a connection over it shows up as refused. */
    private Map<String, Object> source(int port) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "tcp");
        source.put("port", port);
        source.put("bind_host", "127.0.0.1");
        source.put("service", "tcp-fan-in");
        source.put("source", "tcp-fan-in");
        source.put("max_connections", options.connections());
        return source;
    }

    /** Waits for the listener, opens every connection, sends for the duration, waits for the last lines. */
    private String connectSendAndDrain(AgentProcess agent, int port, DeliveryLedger ledger, ProcessTreeMeter meter,
                                       Phases p) throws InterruptedException {
        if (awaitListener(agent, status -> true) == null) {
            return agent.isAlive() ? "the agent's tcp source did not listen within " + options.readyTimeoutSeconds()
                    + " s" : "the agent exited before listening";
        }
        p.listening = clock.nanos();
        int n = options.connections();
        PacedConnections clients;
        try {
            clients = new PacedConnections(new InetSocketAddress("127.0.0.1", port), n, clock);
        } catch (IOException e) {
            return "cannot open the connections: " + e.getMessage();
        }
        try (clients) {
            ListenerStatus held = awaitListener(agent, s -> s.open() >= n || s.refused() > 0);
            if (held == null || held.open() < n) {
                return "the agent holds " + (held == null ? "?" : held.open() + " (refused " + held.refused() + ")")
                        + " of " + n + " connections after " + options.readyTimeoutSeconds() + " s";
            }
            p.connected = clock.nanos();
            log(n + " connections open after " + round(RunClock.seconds(p.connected - p.listening)) + " s; sending "
                    + options.bytesPerSecond() + " B/s on each for " + options.durationSeconds() + " s");
            meter.sample();
            p.rssConnectedMib = meter.rssMib();
            double cpu0 = meter.cpuSeconds();
            p.window = clients.run(options.bytesPerSecond(), seconds(options.durationSeconds()),
                    TimeUnit.MILLISECONDS.toNanos(options.sliceMillis()));
            meter.sample();
            p.windowCpu = meter.cpuSeconds() - cpu0;
            p.sendEnd = clock.nanos();
            p.linesSent = clients.linesWritten();
            p.bytesSent = clients.bytesWritten();
            long deadline = p.sendEnd + seconds(options.drainSeconds());
            while (ledger.distinct() < p.linesSent && clock.nanos() < deadline && agent.isAlive()) {
                Thread.sleep(POLL_MILLIS);
            }
            p.drainEnd = clock.nanos();
            p.listener = ListenerStatus.of(agent.status());
        }
        if (!agent.isAlive()) {
            return "the agent exited during the run";
        }
        return p.window.failed() == 0 ? null
                : p.window.failed() + " connections failed to send, first: " + p.window.firstError();
    }

    /**
     * Polls the agent's status until its tcp source's counters satisfy {@code done}.
     *
     * @return the counters, the last ones read when the ready timeout ran out first, or null when none were read
     *         or the agent exited
     */
    private ListenerStatus awaitListener(AgentProcess agent, Predicate<ListenerStatus> done)
            throws InterruptedException {
        long deadline = clock.nanos() + seconds(options.readyTimeoutSeconds());
        ListenerStatus last = null;
        while (agent.isAlive()) {
            ListenerStatus now = ListenerStatus.of(agent.status());
            last = now == null ? last : now;
            if (now != null && done.test(now)) {
                return now;
            }
            if (clock.nanos() >= deadline) {
                return last;
            }
            Thread.sleep(STATUS_POLL_MILLIS);
        }
        return null;
    }

    private TcpFanInResult result(DeliveryLedger ledger, LiveIntake.Counters intake, ProcessTreeMeter meter,
                                  Phases p, String agentLogTail) {
        DeliveryLedger.Totals got = ledger.totals();
        PacedConnections.Totals window = p.window;
        double agentCpu = meter.cpuSeconds();
        double harnessCpu = p.harnessCpu1 - p.harnessCpu0;
        return new TcpFanInResult("tcp-fan-in", options.connections(), options.bytesPerSecond(),
                options.durationSeconds(), options.compression(), options.intakeDelayMillis(),
                options.refuseFraction(), p.linesSent, p.bytesSent,
                window == null ? 0 : round(window.bytes() / 1048576.0 / RunClock.seconds(window.nanos())),
                window == null ? 0 : window.lateWrites(), window == null ? 0 : window.failed(),
                got.distinct(), got.records(), Math.max(0, p.linesSent - got.distinct()), got.duplicates(),
                got.unstamped(), millis(got.lagP50Nanos()), millis(got.lagP90Nanos()), millis(got.lagP99Nanos()),
                millis(got.lagMaxNanos()), round(agentCpu),
                window == null ? 0 : round(100 * p.windowCpu / RunClock.seconds(window.nanos())),
                round(p.rssConnectedMib), round(meter.peakRssMib()), round(meter.rssMib()),
                since(p.spawn, p.listening), since(p.listening, p.connected),
                p.listener == null ? 0 : p.listener.accepted(), p.listener == null ? 0 : p.listener.refused(),
                intake.firstAcceptedNanos() < 0 ? null : since(p.spawn, intake.firstAcceptedNanos()),
                since(p.sendEnd, p.drainEnd), p.window != null && got.distinct() >= p.linesSent,
                intake.requests(), intake.refused(), intake.rejected(), intake.lastRejection(),
                round(intake.wireBytes() / 1048576.0), round(intake.decodedBytes() / 1048576.0), round(harnessCpu),
                round(Math.max(0, p.hostBusy1 - p.hostBusy0 - agentCpu - harnessCpu)), loadAverage(), p.agentExit,
                p.error, agentLogTail);
    }

    /** The instants and readings of one run, filled in as it goes (-1: not reached). */
    private static final class Phases {
        long spawn = -1;
        long listening = -1;
        long connected = -1;
        long sendEnd = -1;
        long drainEnd = -1;
        PacedConnections.Totals window;
        long linesSent;
        long bytesSent;
        double rssConnectedMib;
        double windowCpu;
        ListenerStatus listener;
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
        System.err.println("[tcp-fan-in] " + line);
    }
}
