package dev.logsagent.autodiscovery.scheduler;

import java.util.List;

/** Receives resolved configs from the MetaScheduler (the logs scheduler turns them into log sources). */
public interface Scheduler {
    void schedule(List<ResolvedConfig> configs);

    void unschedule(List<ResolvedConfig> configs);
}
