package dev.logsagent.status;

import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.telemetry.LogsMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Gathers the components' snapshots into a {@link StatusDocument}, freshly on every {@link #build()}. Immutable: each
 * {@code with*} returns a new builder, so one can be shared with the API threads once wired.
 */
public final class StatusBuilder {
    private final Sources sources;
    private final LogsMetrics metrics;
    private final BooleanSupplier running;
    private final Supplier<List<String>> endpoints;
    private final Supplier<List<String>> errors;
    private final Supplier<List<String>> warnings;
    private final Supplier<List<StatusDocument.Destination>> destinations;
    private final Supplier<Map<String, Object>> metadata;

    /** A builder reporting a running agent with no endpoints, errors, warnings, destinations nor metadata. */
    public StatusBuilder(Sources sources, LogsMetrics metrics) {
        this(sources, metrics, () -> true, List::of, List::of, List::of, List::of, Map::of);
    }

    private StatusBuilder(Sources sources, LogsMetrics metrics, BooleanSupplier running,
                          Supplier<List<String>> endpoints, Supplier<List<String>> errors,
                          Supplier<List<String>> warnings, Supplier<List<StatusDocument.Destination>> destinations,
                          Supplier<Map<String, Object>> metadata) {
        this.sources = sources;
        this.metrics = metrics;
        this.running = running;
        this.endpoints = endpoints;
        this.errors = errors;
        this.warnings = warnings;
        this.destinations = destinations;
        this.metadata = metadata;
    }

    public StatusBuilder withRunning(BooleanSupplier newRunning) {
        return new StatusBuilder(sources, metrics, newRunning, endpoints, errors, warnings, destinations, metadata);
    }

    /** @param newEndpoints one human line per endpoint, e.g. {@code Reliable: Sending compressed logs in HTTPS ...} */
    public StatusBuilder withEndpoints(Supplier<List<String>> newEndpoints) {
        return new StatusBuilder(sources, metrics, running, newEndpoints, errors, warnings, destinations, metadata);
    }

    public StatusBuilder withErrors(Supplier<List<String>> newErrors) {
        return new StatusBuilder(sources, metrics, running, endpoints, newErrors, warnings, destinations, metadata);
    }

    public StatusBuilder withWarnings(Supplier<List<String>> newWarnings) {
        return new StatusBuilder(sources, metrics, running, endpoints, errors, newWarnings, destinations, metadata);
    }

    public StatusBuilder withDestinations(Supplier<List<StatusDocument.Destination>> newDestinations) {
        return new StatusBuilder(sources, metrics, running, endpoints, errors, warnings, newDestinations, metadata);
    }

    public StatusBuilder withMetadata(Supplier<Map<String, Object>> newMetadata) {
        return new StatusBuilder(sources, metrics, running, endpoints, errors, warnings, destinations, newMetadata);
    }

    public StatusDocument build() {
        StatusDocument.LogsStats stats = new StatusDocument.LogsStats(running.getAsBoolean(), endpoints.get(),
                metrics.snapshot(), integrations(), errors.get(), warnings.get(), destinations.get());
        return new StatusDocument(stats, metadata.get());
    }

    /** Sources grouped by integration name, names in alphabetical order, sources in the order they were added. */
    private List<StatusDocument.Integration> integrations() {
        Map<String, List<StatusDocument.Source>> byName = new TreeMap<>();
        for (LogSource source : sources.all()) {
            byName.computeIfAbsent(source.name(), n -> new ArrayList<>()).add(source(source));
        }
        return byName.entrySet().stream().map(e -> new StatusDocument.Integration(e.getKey(), e.getValue())).toList();
    }

    private static StatusDocument.Source source(LogSource source) {
        return new StatusDocument.Source(source.config().type().key(), SourceConfiguration.of(source.config()),
                source.status(), source.inputs(), source.info(), source.messages(), source.bytesRead());
    }
}
