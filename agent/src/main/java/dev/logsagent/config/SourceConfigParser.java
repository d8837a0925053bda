package dev.logsagent.config;

import dev.logsagent.errors.ConfigException;
import dev.logsagent.errors.ConfigProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a {@code logs} list (conf.d file, autodiscovery template after substitution, container label, pod
 * annotation) into {@link SourceConfig}s. Each entry is validated on its own: a broken one is returned in
 * {@link ParsedSources#failed()} and the others are still returned.
 */
public final class SourceConfigParser {
    private static final ValueReader<String> TEXT = ValueReaders.string();
    private static final ValueReader<List<String>> LIST = ValueReaders.stringList(ValueReaders.COMMA);
    private static final ValueReader<SourceType> TYPE = ValueReaders.oneOf(SourceType.values(), SourceType::key);
    private static final ValueReader<Encoding> ENCODING = ValueReaders.oneOf(Encoding.values(), Encoding::key);
    private static final ValueReader<StartPosition> START_POSITION =
            ValueReaders.oneOf(StartPosition.values(), StartPosition::key);
    private static final ValueReader<Integer> PORT = ValueReaders.integer(1, 65535);
    private static final ValueReader<Boolean> BOOL = ValueReaders.bool();
    private static final ValueReader<List<ProcessingRuleConfig>> RULES = new ProcessingRulesReader();

    /**
     * Keys of other source types, kept in {@link SourceConfig#extra()} as {@code String}, {@code List<String>},
     * {@code Integer}, {@code Duration} ({@code idle_timeout}) or {@code Map} ({@code tls}).
     */
    private static final Map<String, ValueReader<?>> EXTRA = extraKeys();

    private static final Set<String> KEYS = keys();

    private SourceConfigParser() {
    }

    /**
     * @param logs        the {@code logs} list
     * @param integration the integration the sources belong to
     * @param origin      where they were defined, named in every problem ({@code docker label
     *                    com.datadoghq.ad.logs of container abc}) and kept as {@link SourceConfig#origin()}
     * @param defaultType the type of entries that name none (a container's runtime for its labels); null when
     *                    every entry must name its type, as in conf.d files
     */
    public static ParsedSources parse(JsonNode logs, String integration, String origin, SourceType defaultType) {
        return parse(ConfigNode.named("logs", logs, new Locator(origin, Map.of()), new Diagnostics()), integration,
                origin, defaultType);
    }

    /** Like {@link #parse(JsonNode, String, String, SourceType)} for a list written as JSON (a label value). */
    public static ParsedSources parseJson(String json, String integration, String origin, SourceType defaultType) {
        YamlDocument document;
        try {
            document = YamlDocument.parse(json, origin);
        } catch (ConfigException e) {
            return new ParsedSources(List.of(), List.of(new FailedSource(integration, origin, e.problems())),
                    List.of());
        }
        return parse(ConfigNode.named("logs", document.root(), document.locator(), new Diagnostics()), integration,
                origin, defaultType);
    }

    static ParsedSources parse(ConfigNode logs, String integration, String origin, SourceType defaultType) {
        Diagnostics listDiagnostics = new Diagnostics();
        ConfigNode list = logs.reportingTo(listDiagnostics);
        if (list.isAbsent()) {
            list.error("expected a list of log sources, got nothing");
        }
        if (!list.expectList()) {
            return new ParsedSources(List.of(), List.of(new FailedSource(integration, origin,
                    listDiagnostics.errors())), List.of());
        }
        List<SourceConfig> sources = new ArrayList<>();
        List<FailedSource> failed = new ArrayList<>();
        List<ConfigProblem> warnings = new ArrayList<>();
        for (ConfigNode element : list.elements()) {
            Diagnostics diagnostics = new Diagnostics();
            SourceConfig source = readSource(element.reportingTo(diagnostics), integration, origin, defaultType);
            if (diagnostics.hasErrors()) {
                failed.add(new FailedSource(integration, origin, diagnostics.errors()));
            } else {
                sources.add(source);
            }
            warnings.addAll(diagnostics.warnings());
        }
        return new ParsedSources(sources, failed, warnings);
    }

    private static SourceConfig readSource(ConfigNode node, String integration, String origin,
                                           SourceType defaultType) {
        if (node.isAbsent()) {
            node.error("expected a log source, got an empty entry");
            return null;
        }
        if (!node.expectMapping()) {
            return null;
        }
        node.warnUnknownKeys(KEYS);
        ConfigNode typeNode = node.field("type");
        SourceType type = defaultType != null && typeNode.isAbsent()
                ? defaultType
                : typeNode.require(TYPE, "type is required");
        String path = type == SourceType.FILE
                ? node.field("path").require(TEXT, "path is required for a file source")
                : node.field("path").read(TEXT);
        List<String> excludePaths = node.field("exclude_paths").read(LIST);
        Encoding encoding = node.field("encoding").read(ENCODING);
        StartPosition startPosition = node.field("start_position").read(START_POSITION);
        Integer port = type == SourceType.TCP || type == SourceType.UDP
                ? node.field("port").require(PORT, "port is required for a " + type.key() + " source")
                : node.field("port").read(PORT);
        Map<String, Object> extra = new HashMap<>();
        EXTRA.forEach((name, reader) -> {
            Object value = node.field(name).read(reader);
            if (value != null) {
                extra.put(name, value);
            }
        });
        return new SourceConfig(integration, origin, type, path, excludePaths, encoding, startPosition,
                port == null ? 0 : port, node.field("bind_host").read(TEXT), node.field("service").read(TEXT),
                node.field("source").read(TEXT), node.field("sourcecategory").read(TEXT),
                node.field("tags").read(LIST), node.field("log_processing_rules").read(RULES),
                node.field("auto_multi_line_detection").read(BOOL), null, extra);
    }

    /** {@code tls} and the like: a mapping kept as plain Java values for the component that owns it. */
    private static Map<String, Object> mapping(ConfigNode node) {
        if (!node.expectMapping()) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        for (String name : node.fieldNames()) {
            values.put(name, JsonMapper.shared().treeToValue(node.field(name).value(), Object.class));
        }
        return Collections.unmodifiableMap(values);
    }

    /** Every key a log source may have. */
    static Set<String> knownKeys() {
        return KEYS;
    }

    private static Map<String, ValueReader<?>> extraKeys() {
        Map<String, ValueReader<?>> keys = new LinkedHashMap<>();
        for (String name : List.of("include_units", "exclude_units", "include_matches", "exclude_matches")) {
            keys.put(name, LIST);
        }
        for (String name : List.of("image", "label", "name", "format")) {
            keys.put(name, TEXT);
        }
        keys.put("idle_timeout", ValueReaders.duration(ChronoUnit.SECONDS, NumberRange.above(0, 86_400)));
        keys.put("max_connections", ValueReaders.integer(1, 100_000));
        keys.put("frame_size", ValueReaders.integer(1, 64 * 1024 * 1024));
        keys.put("tls", SourceConfigParser::mapping);
        return Collections.unmodifiableMap(keys);
    }

    private static Set<String> keys() {
        Set<String> keys = new HashSet<>(Set.of("type", "path", "exclude_paths", "encoding", "start_position", "port",
                "bind_host", "service", "source", "sourcecategory", "tags", "log_processing_rules",
                "auto_multi_line_detection"));
        keys.addAll(EXTRA.keySet());
        return Set.copyOf(keys);
    }
}
