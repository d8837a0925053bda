package dev.logsagent.bench.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One run of {@link TcpFanInBench}, printed as one line of JSON with these names in snake_case, {@link Delivery}'s
 * and {@link RunEnding}'s inline. Times are seconds unless the name says otherwise; "spawn" is when the agent
 * process was started.
 *
 * @param sendMibPerS         what the clients achieved during the sending window, all connections together
 * @param senderLateWrites    writes that started more than a slice late (many: the box could not keep up, or the
 *                            agent held connections back)
 * @param sendFailures        connections whose writes failed
 * @param rssConnectedMib     the agent tree's resident memory once it holds every connection, before any data
 * @param peakRssMib          the agent tree's peak resident memory ({@code VmHWM})
 * @param rssEndMib           the agent tree's resident memory at the end of the drain
 * @param listeningS          spawn to the agent's tcp source listening (per its status API)
 * @param connectS            listening to the agent reporting every connection open
 * @param connectionsAccepted connections the agent accepted, at the end of the drain
 * @param connectionsRefused  connections the agent closed at once for going over {@code max_connections}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TcpFanInResult(String bench, int connections, long rateBytesPerS, double durationS, String compression,
                      long intakeDelayMs, @JsonProperty("intake_503_fraction") double intake503Fraction,
                      long linesSent, long bytesSent, double sendMibPerS, long senderLateWrites, int sendFailures,
                      @JsonUnwrapped Delivery delivery, double rssConnectedMib, double peakRssMib, double rssEndMib,
                      Double listeningS, Double connectS, long connectionsAccepted, long connectionsRefused,
                      @JsonUnwrapped RunEnding ending) implements LiveResult {
}
