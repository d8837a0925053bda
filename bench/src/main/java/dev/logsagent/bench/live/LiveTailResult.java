package dev.logsagent.bench.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One run of {@link LiveTailBench}, printed as one line of JSON with these names in snake_case. Times are seconds
 * unless the name says otherwise; "spawn" is when the agent process was started.
 *
 * @param linesWritten     lines appended to the files (the seed lines of {@code beginning} included)
 * @param writeMibPerS     what the writer achieved during the writing window, all files together
 * @param writerLateSlices time slices the writer started late (more than a few: the box could not keep up)
 * @param linesReceived    distinct lines the intake accepted (answered 200)
 * @param recordsReceived  logs in the accepted requests, duplicates and logs of no line of this run included
 * @param lost             {@code linesWritten - linesReceived}
 * @param duplicated       accepted logs that had been accepted before
 * @param unstamped        accepted logs whose message does not start with a stamp of this run
 * @param lagMsP50         write to intake arrival, over the distinct lines
 * @param agentCpuS        agent tree CPU from spawn to the end of the drain (before it is stopped)
 * @param agentCpuPct      agent tree CPU during the writing window, in % of one core
 * @param peakRssMib       the agent tree's peak resident memory ({@code VmHWM})
 * @param rssEndMib        the agent tree's resident memory at the end of the drain
 * @param readyS           spawn to every file tailed (per the agent's status API)
 * @param firstByteS       spawn to the first request the intake accepted
 * @param drainS           end of writing to the last line received (or to the drain timeout)
 * @param drained          every line written was received
 * @param requestsRefused  requests answered 503 on purpose (slow intake mode)
 * @param requestsRejected requests answered 400 (unreadable body); {@code lastRejection} says why
 * @param harnessCpuS      CPU of this harness (writer + intake), which shares the box with the agent
 * @param otherCpuS        CPU of everything else on the box during the run: a noise flag
 * @param agentExit        the agent's exit code after SIGTERM
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LiveTailResult(String bench, int files, long rateBytesPerS, double durationS, String compression,
                      String startPosition, long intakeDelayMs,
                      @JsonProperty("intake_503_fraction") double intake503Fraction, int openFilesLimit,
                      long linesWritten, long bytesWritten, double writeMibPerS, long writerLateSlices,
                      long linesReceived, long recordsReceived, long lost, long duplicated, long unstamped,
                      double lagMsP50, double lagMsP90, double lagMsP99, double lagMsMax,
                      double agentCpuS, double agentCpuPct, double peakRssMib, double rssEndMib,
                      Double readyS, Double firstByteS, Double drainS, boolean drained,
                      long requests, long requestsRefused, long requestsRejected, String lastRejection,
                      double wireMib, double decodedMib, double harnessCpuS, double otherCpuS,
                      @JsonProperty("loadavg_1m") double loadavg1m,
                      Integer agentExit, String error, String agentLogTail) {
}
