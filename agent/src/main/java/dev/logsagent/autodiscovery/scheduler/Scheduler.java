package dev.logsagent.autodiscovery.scheduler;

import dev.logsagent.autodiscovery.Service;

import java.util.List;

/** Receives resolved configs from the MetaScheduler (the logs scheduler turns them into log sources). */
public interface Scheduler {
    void schedule(List<ResolvedConfig> configs);

    void unschedule(List<ResolvedConfig> configs);

    /**
     * Every service that no config was resolved for, once autodiscovery has made its first full pass, and again
     * whenever that set changes (for {@code container_collect_all}). Schedulers that do not care ignore it.
     */
    default void unconfiguredServices(List<Service> services) {
    }
}
