package dev.logsagent.bench.live;

import static dev.logsagent.bench.live.Figures.millis;
import static dev.logsagent.bench.live.Figures.round;

/**
 * What reached the intake of the lines a bench sent, and what it cost the agent: the part every live bench's result
 * shares, printed inline (unwrapped) with these names in snake_case.
 *
 * @param linesReceived   distinct lines the intake accepted (answered 200)
 * @param recordsReceived logs in the accepted requests, duplicates and logs of no line of this run included
 * @param lost            lines sent that were not received
 * @param duplicated      accepted logs that had been accepted before
 * @param unstamped       accepted logs whose message does not start with a stamp of this run
 * @param lagMsP50        send (write) to intake arrival, over the distinct lines
 * @param agentCpuS       agent tree CPU from spawn to the end of the drain (before it is stopped)
 * @param agentCpuPct     agent tree CPU during the sending (writing) window, in % of one core
 */
record Delivery(long linesReceived, long recordsReceived, long lost, long duplicated, long unstamped,
                double lagMsP50, double lagMsP90, double lagMsP99, double lagMsMax,
                double agentCpuS, double agentCpuPct) {

    /**
     * @param windowCpuS  agent tree CPU during the sending window
     * @param windowNanos length of the sending window (0: there was none)
     */
    static Delivery of(DeliveryLedger.Totals got, long linesSent, AgentRun run, double windowCpuS, long windowNanos) {
        return new Delivery(got.distinct(), got.records(), Math.max(0, linesSent - got.distinct()), got.duplicates(),
                got.unstamped(), millis(got.lagP50Nanos()), millis(got.lagP90Nanos()), millis(got.lagP99Nanos()),
                millis(got.lagMaxNanos()), round(run.agentCpuS()),
                windowNanos <= 0 ? 0 : round(100 * windowCpuS / RunClock.seconds(windowNanos)));
    }
}
