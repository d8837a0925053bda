package dev.logsagent.status;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /agent/status} answers and {@code logs-agent status} shows; field names are those of the contract
 * (and of the Datadog Agent's status), so the JSON is read by the same scripts.
 *
 * @param metadata extension: agent identity (hostname, version ...) as a flat map
 */
public record StatusDocument(@JsonProperty("logsStats") LogsStats logsStats,
                             @JsonProperty("metadata") Map<String, Object> metadata) {

    public StatusDocument {
        metadata = copy(metadata);
    }

    /**
     * The logs agent section.
     *
     * @param endpoints    one human line per intake endpoint
     * @param metrics      counters under their Datadog names ({@code LogsProcessed}, {@code LogsSent} ...)
     * @param destinations extension: every destination with its state and counters
     */
    public record LogsStats(@JsonProperty("is_running") boolean isRunning,
                            @JsonProperty("endpoints") List<String> endpoints,
                            @JsonProperty("metrics") Map<String, Long> metrics,
                            @JsonProperty("integrations") List<Integration> integrations,
                            @JsonProperty("errors") List<String> errors,
                            @JsonProperty("warnings") List<String> warnings,
                            @JsonProperty("destinations") List<Destination> destinations) {
        public LogsStats {
            endpoints = copy(endpoints);
            metrics = copy(metrics);
            integrations = copy(integrations);
            errors = copy(errors);
            warnings = copy(warnings);
            destinations = copy(destinations);
        }
    }

    /** The sources of one integration (one {@code conf.d/<name>.d/} folder, or one container). */
    public record Integration(@JsonProperty("name") String name, @JsonProperty("sources") List<Source> sources) {
        public Integration {
            sources = copy(sources);
        }
    }

    /**
     * One configured log source.
     *
     * @param configuration the config fields that are set, under their conf.d names; never secrets
     * @param status        {@code pending}, {@code OK} or {@code Error: ...}
     * @param inputs        what is being read (file paths, connections ...)
     * @param info          informational lines (e.g. {@code 2 files tailed out of 3 files matching})
     * @param messages      extension: warnings about this source
     */
    public record Source(@JsonProperty("type") String type,
                         @JsonProperty("configuration") Map<String, Object> configuration,
                         @JsonProperty("status") String status,
                         @JsonProperty("inputs") List<String> inputs,
                         @JsonProperty("info") List<String> info,
                         @JsonProperty("messages") List<String> messages,
                         @JsonProperty("bytes_read") long bytesRead) {
        public Source {
            configuration = copy(configuration);
            inputs = copy(inputs);
            info = copy(info);
            messages = copy(messages);
        }
    }

    /** Extension: one destination of the sender, e.g. {@code {"name": "http", "state": "ok", ...}}. */
    public record Destination(@JsonProperty("name") String name, @JsonProperty("state") String state,
                              @JsonProperty("counters") Map<String, Long> counters) {
        public Destination {
            counters = copy(counters);
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Keeps the order the producer chose, so the counters read the same way every time. */
    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
