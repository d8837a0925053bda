package dev.logsagent.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One entry of a {@code logs:} list (conf.d file, container label or pod annotation), bound and validated.
 *
 * @param integration      the name of the integration it belongs to ({@code <name>} of {@code <name>.d/} or of the file)
 * @param origin           where it was defined (a file path, {@code docker:<id>} ...), for status and errors
 * @param identifier       for sources scheduled by autodiscovery, the service id ({@code docker://<id>}); else null
 * @param port             0 when not set
 * @param autoMultiLine    per-source override of {@code logs_config.auto_multi_line_detection}; null = inherit
 * @param extra            keys of other source types kept as they were written (journald, docker filters ...)
 */
public record SourceConfig(
        String integration,
        String origin,
        SourceType type,
        String path,
        List<String> excludePaths,
        Encoding encoding,
        StartPosition startPosition,
        int port,
        String bindHost,
        String service,
        String source,
        String sourceCategory,
        List<String> tags,
        List<ProcessingRuleConfig> processingRules,
        Boolean autoMultiLine,
        String identifier,
        Map<String, Object> extra) {

    public SourceConfig {
        excludePaths = List.copyOf(excludePaths == null ? List.of() : excludePaths);
        tags = List.copyOf(tags == null ? List.of() : tags);
        processingRules = List.copyOf(processingRules == null ? List.of() : processingRules);
        extra = Map.copyOf(extra == null ? Map.of() : extra);
        encoding = encoding == null ? Encoding.UTF_8 : encoding;
        startPosition = startPosition == null ? StartPosition.END : startPosition;
    }

    /** A file source with defaults, as tests and embedders build one. */
    public static SourceConfig file(String integration, Path path, String service, String source) {
        return new SourceConfig(integration, path.toString(), SourceType.FILE, path.toString(), List.of(),
                Encoding.UTF_8, StartPosition.BEGINNING, 0, null, service, source, null, List.of(), List.of(),
                null, null, Map.of());
    }

    public SourceConfig withStartPosition(StartPosition position) {
        return new SourceConfig(integration, origin, type, path, excludePaths, encoding, position, port, bindHost,
                service, source, sourceCategory, tags, processingRules, autoMultiLine, identifier, extra);
    }

    public SourceConfig withProcessingRules(List<ProcessingRuleConfig> rules) {
        return new SourceConfig(integration, origin, type, path, excludePaths, encoding, startPosition, port,
                bindHost, service, source, sourceCategory, tags, rules, autoMultiLine, identifier, extra);
    }

    public SourceConfig withEncoding(Encoding newEncoding) {
        return new SourceConfig(integration, origin, type, path, excludePaths, newEncoding, startPosition, port,
                bindHost, service, source, sourceCategory, tags, processingRules, autoMultiLine, identifier, extra);
    }

    public SourceConfig withTags(List<String> newTags) {
        return new SourceConfig(integration, origin, type, path, excludePaths, encoding, startPosition, port,
                bindHost, service, source, sourceCategory, newTags, processingRules, autoMultiLine, identifier, extra);
    }

    public SourceConfig withExcludePaths(List<String> paths) {
        return new SourceConfig(integration, origin, type, path, paths, encoding, startPosition, port,
                bindHost, service, source, sourceCategory, tags, processingRules, autoMultiLine, identifier, extra);
    }

    public SourceConfig withPath(String newPath) {
        return new SourceConfig(integration, origin, type, newPath, excludePaths, encoding, startPosition, port,
                bindHost, service, source, sourceCategory, tags, processingRules, autoMultiLine, identifier, extra);
    }

    /** For a source scheduled by autodiscovery: the service it reads ({@code docker://<id>}). */
    public SourceConfig withIdentifier(String newIdentifier) {
        return new SourceConfig(integration, origin, type, path, excludePaths, encoding, startPosition, port,
                bindHost, service, source, sourceCategory, tags, processingRules, autoMultiLine, newIdentifier, extra);
    }

    public SourceConfig withType(SourceType newType) {
        return new SourceConfig(integration, origin, newType, path, excludePaths, encoding, startPosition, port,
                bindHost, service, source, sourceCategory, tags, processingRules, autoMultiLine, identifier, extra);
    }

    public SourceConfig withAutoMultiLine(Boolean auto) {
        return new SourceConfig(integration, origin, type, path, excludePaths, encoding, startPosition, port,
                bindHost, service, source, sourceCategory, tags, processingRules, auto, identifier, extra);
    }
}
