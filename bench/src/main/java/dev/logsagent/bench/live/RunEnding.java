package dev.logsagent.bench.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import static dev.logsagent.bench.live.Figures.mib;
import static dev.logsagent.bench.live.Figures.round;
import static dev.logsagent.bench.live.Figures.since;

/**
 * How a live bench's run ended: the drain, the intake's side, the noise on the box and the agent's exit. The closing
 * part every live bench's result shares, printed inline (unwrapped) with these names in snake_case.
 *
 * @param firstByteS       spawn to the first request the intake accepted
 * @param drainS           end of sending to the last line received (or to the drain timeout)
 * @param drained          every line sent was received
 * @param requestsRefused  requests answered 503 on purpose (slow intake mode)
 * @param requestsRejected requests answered 400 (unreadable body); {@code lastRejection} says why
 * @param harnessCpuS      CPU of this harness (senders + intake), which shares the box with the agent
 * @param otherCpuS        CPU of everything else on the box during the run: a noise flag
 * @param agentExit        the agent's exit code after SIGTERM
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RunEnding(Double firstByteS, Double drainS, boolean drained, long requests, long requestsRefused,
                 long requestsRejected, String lastRejection, double wireMib, double decodedMib, double harnessCpuS,
                 double otherCpuS, @JsonProperty("loadavg_1m") double loadavg1m, Integer agentExit, String error,
                 String agentLogTail) {

    /**
     * @param sendEnd  when sending stopped, on the run's clock (-1: it did not)
     * @param drainEnd when the last line arrived or the drain timed out (-1: not reached)
     */
    static RunEnding of(AgentRun run, LiveIntake.Counters intake, long sendEnd, long drainEnd, boolean drained) {
        return new RunEnding(since(run.spawnNanos(), intake.firstAcceptedNanos()), since(sendEnd, drainEnd), drained,
                intake.requests(), intake.refused(), intake.rejected(), intake.lastRejection(),
                mib(intake.wireBytes()), mib(intake.decodedBytes()), round(run.harnessCpuS()), round(run.otherCpuS()),
                run.loadavg1m(), run.agentExit(), run.error(), run.agentLogTail());
    }
}
