package dev.logsagent.logs.decoder;

import com.google.re2j.Pattern;
import dev.logsagent.config.Encoding;
import dev.logsagent.config.LogsConfig;
import dev.logsagent.config.ProcessingRuleConfig;
import dev.logsagent.config.ProcessingRuleType;
import dev.logsagent.config.SourceConfig;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * How a {@link Decoder} cuts and joins one input. Null arguments take the defaults of {@link #defaults()}.
 *
 * @param maxMessageSize     content bytes of one message before it is cut ({@code max_message_size_bytes});
 *                           for non-UTF-8 encodings the limit applies to the input bytes of a line, for container
 *                           formats to the unwrapped log
 * @param multiLinePattern   start-of-message pattern of a {@code multi_line} rule, matched at line start; null = none.
 *                           It wins over {@code autoMultiLine}, as in the Datadog Agent
 * @param aggregationTimeout how long a pending multi-line group or container partial waits for its next line
 */
public record DecoderOptions(Encoding encoding, int maxMessageSize, LineParserKind parser, Pattern multiLinePattern,
                             boolean autoMultiLine, Duration aggregationTimeout) {
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 256_000;
    public static final Duration DEFAULT_AGGREGATION_TIMEOUT = Duration.ofMillis(1000);
    /** Keeps every buffer size an int with room for the truncation markers. */
    public static final int MAX_MESSAGE_SIZE_LIMIT = 1 << 28;

    public DecoderOptions {
        encoding = encoding == null ? Encoding.UTF_8 : encoding;
        parser = parser == null ? LineParserKind.RAW : parser;
        aggregationTimeout = aggregationTimeout == null ? DEFAULT_AGGREGATION_TIMEOUT : aggregationTimeout;
        if (maxMessageSize <= 0 || maxMessageSize > MAX_MESSAGE_SIZE_LIMIT) {
            throw new IllegalArgumentException("max_message_size_bytes must be between 1 and "
                    + MAX_MESSAGE_SIZE_LIMIT + ", got " + maxMessageSize);
        }
        if (aggregationTimeout.isNegative()) {
            throw new IllegalArgumentException("aggregation_timeout must not be negative, got " + aggregationTimeout);
        }
    }

    public static DecoderOptions defaults() {
        return new DecoderOptions(Encoding.UTF_8, DEFAULT_MAX_MESSAGE_SIZE, LineParserKind.RAW, null, false,
                DEFAULT_AGGREGATION_TIMEOUT);
    }

    /**
     * The options of one source: its encoding, the first {@code multi_line} rule (global rules first, as they are
     * applied first), its {@code auto_multi_line_detection} override or the global one, and the global limits.
     */
    public static DecoderOptions forSource(SourceConfig source, LogsConfig logs, LineParserKind parser) {
        Pattern multiLine = Stream.concat(logs.processingRules().stream(), source.processingRules().stream())
                .filter(rule -> rule.type() == ProcessingRuleType.MULTI_LINE)
                .map(ProcessingRuleConfig::pattern)
                .findFirst()
                .map(Pattern::compile)
                .orElse(null);
        boolean auto = source.autoMultiLine() != null ? source.autoMultiLine() : logs.autoMultiLineDetection();
        return new DecoderOptions(source.encoding(), logs.maxMessageSizeBytes(), parser, multiLine, auto,
                logs.aggregationTimeout());
    }

    public DecoderOptions withEncoding(Encoding newEncoding) {
        return new DecoderOptions(newEncoding, maxMessageSize, parser, multiLinePattern, autoMultiLine,
                aggregationTimeout);
    }

    public DecoderOptions withMaxMessageSize(int size) {
        return new DecoderOptions(encoding, size, parser, multiLinePattern, autoMultiLine, aggregationTimeout);
    }

    public DecoderOptions withParser(LineParserKind kind) {
        return new DecoderOptions(encoding, maxMessageSize, kind, multiLinePattern, autoMultiLine, aggregationTimeout);
    }

    public DecoderOptions withMultiLinePattern(Pattern pattern) {
        return new DecoderOptions(encoding, maxMessageSize, parser, pattern, autoMultiLine, aggregationTimeout);
    }

    public DecoderOptions withAutoMultiLine(boolean auto) {
        return new DecoderOptions(encoding, maxMessageSize, parser, multiLinePattern, auto, aggregationTimeout);
    }

    public DecoderOptions withAggregationTimeout(Duration timeout) {
        return new DecoderOptions(encoding, maxMessageSize, parser, multiLinePattern, autoMultiLine, timeout);
    }
}
