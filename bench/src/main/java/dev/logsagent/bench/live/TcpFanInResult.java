package dev.logsagent.bench.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One run of {@link TcpFanInBench}, printed as one line of JSON with these names in snake_case. Times are seconds
 * unless the name says otherwise; "spawn" is when the agent process was started.
 *
 * @param sendMibPerS         what the clients achieved during the sending window, all connections together
 * @param senderLateWrites    writes that started more than a slice late (many: the box could not keep up, or the
 *                            agent held connections back)
 * @param sendFailures        connections whose writes failed
 * @param linesReceived       distinct lines the intake accepted (answered 200)
 * @param recordsReceived     logs in the accepted requests, duplicates and logs of no line of this run included
 * @param lost                {@code linesSent - linesReceived}
 * @param lagMsP50            send to intake arrival, over the distinct lines
 * @param agentCpuS           agent tree CPU from spawn to the end of the drain (before it is stopped)
 * @param agentCpuPct         agent tree CPU during the sending window, in % of one core
 * @param rssConnectedMib     the agent tree's resident memory once it holds every connection, before any data
 * @param peakRssMib          the agent tree's peak resident memory ({@code VmHWM})
 * @param rssEndMib           the agent tree's resident memory at the end of the drain
 * @param listeningS          spawn to the agent's tcp source listening (per its status API)
 * @param connectS            listening to the agent reporting every connection open
 * @param connectionsAccepted connections the agent accepted, at the end of the drain
 * @param connectionsRefused  connections the agent closed at once for going over {@code max_connections}
 * @param firstByteS          spawn to the first request the intake accepted
 * @param drainS              end of sending to the last line received (or to the drain timeout)
 * @param drained             every line sent was received
 * @param harnessCpuS         CPU of this harness (clients + intake), which shares the box with the agent
 * @param otherCpuS           CPU of everything else on the box during the run: a noise flag
 * @param agentExit           the agent's exit code after SIGTERM
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TcpFanInResult(String bench, int connections, long rateBytesPerS, double durationS, String compression,
                      long intakeDelayMs, @JsonProperty("intake_503_fraction") double intake503Fraction,
                      long linesSent, long bytesSent, double sendMibPerS, long senderLateWrites, int sendFailures,
                      long linesReceived, long recordsReceived, long lost, long duplicated, long unstamped,
                      double lagMsP50, double lagMsP90, double lagMsP99, double lagMsMax,
                      double agentCpuS, double agentCpuPct, double rssConnectedMib, double peakRssMib,
                      double rssEndMib, Double listeningS, Double connectS, long connectionsAccepted,
                      long connectionsRefused, Double firstByteS, Double drainS, boolean drained,
                      long requests, long requestsRefused, long requestsRejected, String lastRejection,
                      double wireMib, double decodedMib, double harnessCpuS, double otherCpuS,
                      @JsonProperty("loadavg_1m") double loadavg1m,
                      Integer agentExit, String error, String agentLogTail) {
}
