package dev.logsagent.logs.tailers;

import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.syslog.SyslogParser;
import dev.logsagent.telemetry.LogsMetrics;

import java.util.List;

/**
 * Makes the decoder of each socket input: newline-delimited lines through the source's decoder (its encoding,
 * multi-line rules and {@code max_message_size_bytes}), or syslog ({@code format: syslog}).
 */
public final class SocketDecoders {
    private final DecoderProvider lines;
    private final SyslogParser parser;
    private final int maxMessageSize;
    private final LogsMetrics metrics;

    /** @param maxMessageSize {@code max_message_size_bytes}: the largest syslog frame or body kept whole */
    public SocketDecoders(DecoderProvider lines, SyslogParser parser, int maxMessageSize, LogsMetrics metrics) {
        this.lines = lines;
        this.parser = parser;
        this.maxMessageSize = maxMessageSize;
        this.metrics = metrics;
    }

    /**
     * The decoder of one TCP connection.
     *
     * @param tags the connection's own tags, shared by all its messages
     */
    public SocketDecoder forStream(LogSource source, boolean syslog, InputIdentity input, List<String> tags,
                                   MessageSink out) {
        if (syslog) {
            return new SyslogStreamDecoder(maxMessageSize, builder(source, input, tags), out);
        }
        return new LineSocketDecoder(lines.create(source, input, 0, tags, out));
    }

    /**
     * The decoder of one UDP peer: each {@link SocketDecoder#decode} call is given one whole datagram and is followed
     * by {@link SocketDecoder#finish}, so a datagram's last line needs no newline and nothing spans datagrams.
     */
    public SocketDecoder forDatagrams(LogSource source, boolean syslog, InputIdentity input, List<String> tags,
                                      MessageSink out) {
        if (syslog) {
            return new SyslogDatagramDecoder(builder(source, input, tags), out);
        }
        return new LineSocketDecoder(lines.create(source, input, 0, tags, out));
    }

    private SyslogMessageBuilder builder(LogSource source, InputIdentity input, List<String> tags) {
        return new SyslogMessageBuilder(source, input, tags, parser, maxMessageSize, metrics);
    }
}
