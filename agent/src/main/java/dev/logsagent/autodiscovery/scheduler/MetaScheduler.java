package dev.logsagent.autodiscovery.scheduler;

import dev.logsagent.autodiscovery.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hands what autodiscovery decides to every registered scheduler. A scheduler that fails is logged and the others
 * are still told.
 */
public final class MetaScheduler implements Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(MetaScheduler.class);

    private final List<Scheduler> schedulers = new CopyOnWriteArrayList<>();

    public void register(Scheduler scheduler) {
        schedulers.add(scheduler);
    }

    @Override
    public void schedule(List<ResolvedConfig> configs) {
        if (!configs.isEmpty()) {
            each("schedule", s -> s.schedule(configs));
        }
    }

    @Override
    public void unschedule(List<ResolvedConfig> configs) {
        if (!configs.isEmpty()) {
            each("unschedule", s -> s.unschedule(configs));
        }
    }

    @Override
    public void unconfiguredServices(List<Service> services) {
        each("hand unconfigured services to", s -> s.unconfiguredServices(services));
    }

    private void each(String action, Consumer<Scheduler> call) {
        for (Scheduler scheduler : schedulers) {
            try {
                call.accept(scheduler);
            } catch (RuntimeException e) {
                LOG.error("could not {} {}", action, scheduler, e);
            }
        }
    }
}
