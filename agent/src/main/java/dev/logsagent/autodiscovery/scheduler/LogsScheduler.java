package dev.logsagent.autodiscovery.scheduler;

import dev.logsagent.autodiscovery.Service;
import dev.logsagent.autodiscovery.configresolver.ConfigResolver;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns resolved configs into log sources: each source of a config is added to {@link Sources} when it is
 * scheduled and removed when it is unscheduled. With {@code container_collect_all}, every service no config was
 * resolved for gets one source of its own: its runtime's log, named after its short image.
 */
public final class LogsScheduler implements Scheduler {
    /** The origin of catch-all sources, as status shows it. */
    public static final String COLLECT_ALL = "container_collect_all";

    private final Sources sources;
    private final boolean containerCollectAll;
    private final Map<String, List<LogSource>> scheduled = new HashMap<>();
    private final Map<String, LogSource> catchAll = new HashMap<>();

    public LogsScheduler(Sources sources, boolean containerCollectAll) {
        this.sources = sources;
        this.containerCollectAll = containerCollectAll;
    }

    @Override
    public synchronized void schedule(List<ResolvedConfig> configs) {
        for (ResolvedConfig config : configs) {
            if (scheduled.containsKey(config.key())) {
                continue;
            }
            List<LogSource> added = config.sources().stream().map(sc -> new LogSource(sc.integration(), sc)).toList();
            scheduled.put(config.key(), added);
            added.forEach(sources::add);
        }
    }

    @Override
    public synchronized void unschedule(List<ResolvedConfig> configs) {
        for (ResolvedConfig config : configs) {
            List<LogSource> removed = scheduled.remove(config.key());
            if (removed != null) {
                removed.forEach(sources::remove);
            }
        }
    }

    @Override
    public synchronized void unconfiguredServices(List<Service> services) {
        if (!containerCollectAll) {
            return;
        }
        Set<String> wanted = new HashSet<>();
        for (Service service : services) {
            SourceType runtime = ConfigResolver.runtimeType(service);
            if (runtime != null) {
                wanted.add(service.serviceId());
                catchAll.computeIfAbsent(service.serviceId(), id -> {
                    LogSource source = catchAllSource(service, runtime);
                    sources.add(source);
                    return source;
                });
            }
        }
        catchAll.entrySet().removeIf(e -> {
            boolean gone = !wanted.contains(e.getKey());
            if (gone) {
                sources.remove(e.getValue());
            }
            return gone;
        });
    }

    private static LogSource catchAllSource(Service service, SourceType runtime) {
        String name = shortImage(service);
        SourceConfig config = new SourceConfig(name, COLLECT_ALL, runtime, service.logPath(), List.of(), null, null, 0,
                null, name, name, null, List.of(), List.of(), null, service.serviceId(), Map.of());
        return new LogSource(name, config);
    }

    /** Listeners list a container's identifiers from the most to the least specific: the short image comes last. */
    private static String shortImage(Service service) {
        List<String> identifiers = service.adIdentifiers();
        for (int i = identifiers.size() - 1; i >= 0; i--) {
            if (!identifiers.get(i).equals(service.serviceId())) {
                return identifiers.get(i);
            }
        }
        return service.runtime();
    }
}
