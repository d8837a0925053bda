package dev.logsagent.bench.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of the agent under the meter: starts it, samples its process tree every 200 ms while a bench does its
 * part, then stops it with SIGTERM. This harness's CPU and the whole box's are read around it, so that the agent's
 * cost can be told from the noise of sharing the box.
 *
 * @param spawnNanos   when the agent process was started, on the run's clock
 * @param agentCpuS    agent tree CPU from spawn to the end of the bench's part (before it is stopped)
 * @param peakRssMib   the agent tree's peak resident memory ({@code VmHWM})
 * @param rssEndMib    the agent tree's resident memory at the end of the bench's part
 * @param harnessCpuS  CPU of this harness over the run
 * @param otherCpuS    CPU of everything else on the box over the run
 * @param loadavg1m    the box's one-minute load average once the agent stopped (-1 when unreadable)
 * @param agentExit    the agent's exit code after SIGTERM
 * @param error        what went wrong, as the bench's part reported it; null when nothing did
 * @param agentLogTail the end of the agent's output when something went wrong
 */
record AgentRun(long spawnNanos, double agentCpuS, double peakRssMib, double rssEndMib, double harnessCpuS,
                double otherCpuS, double loadavg1m, int agentExit, String error, String agentLogTail) {
    /** A bench's part of the run, once the agent has started: null, or what went wrong. */
    interface Part {
        String run(ProcessTreeMeter meter, long spawnNanos) throws IOException, InterruptedException;
    }

    private static final long SAMPLE_MILLIS = 200;
    /** The agent's stop_grace_period is 30 s: a clean stop never needs more. */
    private static final long STOP_GRACE_SECONDS = 40;
    private static final int LOG_TAIL_CHARS = 2000;

    /** Starts {@code agent}, runs {@code part}, stops the agent. */
    static AgentRun of(AgentProcess agent, RunClock clock, Consumer<String> log, Part part)
            throws IOException, InterruptedException {
        double harnessCpu0 = ownCpuSeconds();
        double hostBusy0 = ProcessTreeMeter.hostBusySeconds();
        long spawn = clock.nanos();
        agent.start();
        ProcessTreeMeter meter = new ProcessTreeMeter(agent.pid());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "proc-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> sample(meter, log), 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        String error;
        try {
            error = part.run(meter, spawn);
            meter.sample();
        } finally {
            sampler.shutdownNow();
        }
        double harnessCpu = ownCpuSeconds() - harnessCpu0;
        double hostBusy = ProcessTreeMeter.hostBusySeconds() - hostBusy0;
        String tail = error == null ? null : agent.outputTail(LOG_TAIL_CHARS);
        int exit = agent.stop(STOP_GRACE_SECONDS);
        double agentCpu = meter.cpuSeconds();
        return new AgentRun(spawn, agentCpu, meter.peakRssMib(), meter.rssMib(), harnessCpu,
                Math.max(0, hostBusy - agentCpu - harnessCpu), loadAverage(), exit, error, tail);
    }

    /** A failed reading is reported and the next one tried: the scheduler would otherwise stop sampling silently. */
    private static void sample(ProcessTreeMeter meter, Consumer<String> log) {
        try {
            meter.sample();
        } catch (RuntimeException e) {
            log.accept("cannot read the agent's /proc entries: " + e);
        }
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
}
