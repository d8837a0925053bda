package dev.logsagent.bench.live;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One run of {@link LiveTailBench}, printed as one line of JSON with these names in snake_case, {@link Delivery}'s
 * and {@link RunEnding}'s inline. Times are seconds unless the name says otherwise; "spawn" is when the agent
 * process was started.
 *
 * @param linesWritten     lines appended to the files (the seed lines of {@code beginning} included)
 * @param writeMibPerS     what the writer achieved during the writing window, all files together
 * @param writerLateSlices time slices the writer started late (more than a few: the box could not keep up)
 * @param peakRssMib       the agent tree's peak resident memory ({@code VmHWM})
 * @param rssEndMib        the agent tree's resident memory at the end of the drain
 * @param readyS           spawn to every file tailed (per the agent's status API)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LiveTailResult(String bench, int files, long rateBytesPerS, double durationS, String compression,
                      String startPosition, long intakeDelayMs,
                      @JsonProperty("intake_503_fraction") double intake503Fraction, int openFilesLimit,
                      long linesWritten, long bytesWritten, double writeMibPerS, long writerLateSlices,
                      @JsonUnwrapped Delivery delivery, double peakRssMib, double rssEndMib, Double readyS,
                      @JsonUnwrapped RunEnding ending) implements LiveResult {
}
