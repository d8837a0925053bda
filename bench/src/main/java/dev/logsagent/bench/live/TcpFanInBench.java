package dev.logsagent.bench.live;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.logsagent.bench.live.Figures.round;
import static dev.logsagent.bench.live.Figures.since;

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
    private static final long POLL_MILLIS = 50;

    private final TcpFanInOptions options;
    private final RunClock clock = RunClock.start();

    private TcpFanInBench(TcpFanInOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        LiveBenchMain.run("tcp-fan-in", TcpFanInOptions.USAGE, args, TcpFanInOptions::parse,
                options -> RunFolder.use("tcp-fan-in-", options.workDir(), options.keep(), TcpFanInBench::log,
                        new TcpFanInBench(options)::measure));
    }

    private TcpFanInResult measure(Path dir) throws IOException, InterruptedException {
        DeliveryLedger ledger = new DeliveryLedger(options.connections());
        int port = AgentProcess.freePort();
        try (LiveIntake intake = new LiveIntake(ledger, clock, options.intakeDelayMillis(), options.refuseFraction());
             AgentProcess agent = AgentProcess.configure(options.project(), dir,
                     AgentProcess.intakeConfig(intake.port(), options.compression()), List.of(source(port)))) {
            Phases phases = new Phases();
            AgentRun run = AgentRun.of(agent, clock, TcpFanInBench::log, (meter, spawn) -> {
                log("agent pid " + agent.pid() + " (" + options.project() + "), tcp source on 127.0.0.1:" + port);
                return connectSendAndDrain(agent, port, ledger, meter, phases);
            });
            return result(ledger, intake.counters(), run, phases);
        }
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
            p.window = clients.run(options.bytesPerSecond(), RunClock.toNanos(options.durationSeconds()),
                    TimeUnit.MILLISECONDS.toNanos(options.sliceMillis()));
            meter.sample();
            p.windowCpu = meter.cpuSeconds() - cpu0;
            p.sendEnd = clock.nanos();
            p.linesSent = clients.linesWritten();
            p.bytesSent = clients.bytesWritten();
            long deadline = p.sendEnd + RunClock.toNanos(options.drainSeconds());
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
        return agent.awaitStatus(ListenerStatus::of, done, RunClock.toNanos(options.readyTimeoutSeconds()));
    }

    private TcpFanInResult result(DeliveryLedger ledger, LiveIntake.Counters intake, AgentRun run, Phases p) {
        DeliveryLedger.Totals got = ledger.totals();
        PacedConnections.Totals window = p.window;
        long windowNanos = window == null ? 0 : window.nanos();
        return new TcpFanInResult("tcp-fan-in", options.connections(), options.bytesPerSecond(),
                options.durationSeconds(), options.compression(), options.intakeDelayMillis(),
                options.refuseFraction(), p.linesSent, p.bytesSent,
                window == null ? 0 : round(window.bytes() / 1048576.0 / RunClock.seconds(windowNanos)),
                window == null ? 0 : window.lateWrites(), window == null ? 0 : window.failed(),
                Delivery.of(got, p.linesSent, run, p.windowCpu, windowNanos), round(p.rssConnectedMib),
                round(run.peakRssMib()), round(run.rssEndMib()), since(run.spawnNanos(), p.listening),
                since(p.listening, p.connected), p.listener == null ? 0 : p.listener.accepted(),
                p.listener == null ? 0 : p.listener.refused(),
                RunEnding.of(run, intake, p.sendEnd, p.drainEnd, window != null && got.distinct() >= p.linesSent));
    }

    /** The instants and readings of the sending, filled in as it goes (-1: not reached). */
    private static final class Phases {
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
    }

    private static void log(String line) {
        System.err.println("[tcp-fan-in] " + line);
    }
}
