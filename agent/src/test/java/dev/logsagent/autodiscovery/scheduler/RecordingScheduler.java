package dev.logsagent.autodiscovery.scheduler;

import dev.logsagent.autodiscovery.Service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scheduler that writes down, in order, what it was told: {@code +key}, {@code -key}, {@code unconfigured [ids]}. */
public final class RecordingScheduler implements Scheduler {
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void schedule(List<ResolvedConfig> configs) {
        configs.forEach(c -> events.add("+" + describe(c)));
    }

    @Override
    public void unschedule(List<ResolvedConfig> configs) {
        configs.forEach(c -> events.add("-" + describe(c)));
    }

    @Override
    public void unconfiguredServices(List<Service> services) {
        events.add("unconfigured " + services.stream().map(Service::serviceId).toList());
    }

    /** {@code <config name>@<service id>}, or the config's name alone when it is not a template. */
    public static String describe(ResolvedConfig config) {
        return config.config().name() + (config.service() == null ? "" : "@" + config.service().serviceId());
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public void clear() {
        events.clear();
    }
}
