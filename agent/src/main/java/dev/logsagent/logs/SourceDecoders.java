package dev.logsagent.logs;

import dev.logsagent.config.LogsConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.logs.decoder.Decoder;
import dev.logsagent.logs.decoder.DecoderOptions;
import dev.logsagent.logs.decoder.LineParserKind;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.tailers.DecoderProvider;
import dev.logsagent.telemetry.LogsMetrics;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Builds decoders with each source's settings, compiled once per source. The source's type says how its lines
 * are written: {@code docker} sources read docker json-file records, {@code containerd} sources CRI records.
 * Sources come and go with their containers, so their settings are forgotten with them.
 */
final class SourceDecoders implements DecoderProvider {
    private final LogsConfig logs;
    private final LogsMetrics metrics;
    private final Map<LogSource, DecoderOptions> options = Collections.synchronizedMap(new WeakHashMap<>());

    SourceDecoders(LogsConfig logs, LogsMetrics metrics) {
        this.logs = logs;
        this.metrics = metrics;
    }

    @Override
    public Decoder create(LogSource source, InputIdentity identity, long startOffset, List<String> tags,
                          MessageSink out) {
        DecoderOptions o = options.computeIfAbsent(source,
                s -> DecoderOptions.forSource(s.config(), logs, parserFor(s.config().type())));
        return new Decoder(o, source, identity, startOffset, tags, out, metrics, System::nanoTime);
    }

    static LineParserKind parserFor(SourceType type) {
        return switch (type) {
            case DOCKER -> LineParserKind.DOCKER_JSON;
            case CONTAINERD -> LineParserKind.CRI;
            default -> LineParserKind.RAW;
        };
    }
}
