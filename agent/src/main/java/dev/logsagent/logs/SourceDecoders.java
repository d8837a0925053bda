package dev.logsagent.logs;

import com.google.re2j.Pattern;
import dev.logsagent.config.LogsConfig;
import dev.logsagent.config.ProcessingRuleConfig;
import dev.logsagent.config.ProcessingRuleType;
import dev.logsagent.logs.decoder.Decoder;
import dev.logsagent.logs.decoder.DecoderOptions;
import dev.logsagent.logs.decoder.LineParserKind;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.tailers.DecoderProvider;
import dev.logsagent.telemetry.LogsMetrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds decoders with each source's settings: encoding, the first {@code multi_line} rule (the source's, else a
 * global one), automatic multi-line detection (the source's choice, else {@code logs_config}'s).
 */
final class SourceDecoders implements DecoderProvider {
    private final LogsConfig logs;
    private final LogsMetrics metrics;
    private final Map<LogSource, DecoderOptions> options = new ConcurrentHashMap<>();

    SourceDecoders(LogsConfig logs, LogsMetrics metrics) {
        this.logs = logs;
        this.metrics = metrics;
    }

    @Override
    public Decoder create(LogSource source, InputIdentity identity, long startOffset, List<String> tags,
                          MessageSink out) {
        return new Decoder(options.computeIfAbsent(source, this::optionsFor), source, identity, startOffset, tags, out,
                metrics, System::nanoTime);
    }

    private DecoderOptions optionsFor(LogSource source) {
        Pattern multiLine = multiLinePattern(source.config().processingRules());
        if (multiLine == null) {
            multiLine = multiLinePattern(logs.processingRules());
        }
        Boolean auto = source.config().autoMultiLine();
        return new DecoderOptions(source.config().encoding(), logs.maxMessageSizeBytes(), LineParserKind.RAW,
                multiLine, multiLine == null && (auto != null ? auto : logs.autoMultiLineDetection()),
                logs.aggregationTimeout());
    }

    private static Pattern multiLinePattern(List<ProcessingRuleConfig> rules) {
        for (ProcessingRuleConfig r : rules) {
            if (r.type() == ProcessingRuleType.MULTI_LINE) {
                return Pattern.compile(r.pattern());
            }
        }
        return null;
    }
}
