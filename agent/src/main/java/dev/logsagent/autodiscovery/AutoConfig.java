package dev.logsagent.autodiscovery;

import dev.logsagent.autodiscovery.configresolver.ConfigResolver;
import dev.logsagent.autodiscovery.configresolver.Resolution;
import dev.logsagent.autodiscovery.listeners.ServiceListener;
import dev.logsagent.autodiscovery.providers.ConfigProvider;
import dev.logsagent.autodiscovery.scheduler.MetaScheduler;
import dev.logsagent.autodiscovery.scheduler.ResolvedConfig;
import dev.logsagent.autodiscovery.scheduler.Scheduler;
import dev.logsagent.autodiscovery.store.AutoDiscoveryStore;
import dev.logsagent.autodiscovery.store.ConfigCheck;
import dev.logsagent.config.FailedSource;
import dev.logsagent.errors.ConfigProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Autodiscovery: polls the config providers, hears the service listeners, resolves templates against the services
 * they match and tells the schedulers what to run. Every change is handled under one lock, removals first: what
 * goes away is unscheduled before what replaces it is scheduled.
 *
 * <p>Once the first full pass is done (every provider collected once and every listener's {@code start} returned,
 * having reported the services running then), schedulers learn which services no config was resolved for. A
 * service that comes later counts as unconfigured only once every provider has polled after it came, so a label
 * read a moment after its container appeared still wins.
 */
public final class AutoConfig implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AutoConfig.class);

    private final ConfigResolver resolver;
    private final AutoDiscoveryStore store = new AutoDiscoveryStore();
    private final MetaScheduler scheduler = new MetaScheduler();
    private final List<ConfigPoller> pollers = new CopyOnWriteArrayList<>();
    private final List<ServiceListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, String> listenerErrors = new ConcurrentHashMap<>();
    private final AtomicInteger listenersStarting = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    /** Services that came after the first pass, with each poller's polls begun when they came. */
    private final Map<String, Map<ConfigPoller, Long>> settling = new HashMap<>();
    private List<Service> lastUnconfigured;
    private volatile boolean started;
    private volatile boolean stopped;

    public AutoConfig(ConfigResolver resolver) {
        this.resolver = resolver;
    }

    /** Adds a provider polled every {@code interval}; before {@link #start()}. */
    public void addProvider(ConfigProvider provider, Duration interval) {
        pollers.add(new ConfigPoller(provider, interval, new ConfigPoller.Changes() {
            @Override
            public void changed(ConfigProvider p, List<IntegrationConfig> removed, List<IntegrationConfig> added) {
                configsChanged(removed, added);
            }

            @Override
            public void polled(ConfigPoller poller) {
                withLock(AutoConfig.this::updateUnconfigured);
            }
        }));
    }

    /** Adds a listener; one added after {@link #start()} starts at once. */
    public void addListener(ServiceListener listener) {
        listeners.add(listener);
        if (started) {
            startListener(listener);
        }
    }

    public void addScheduler(Scheduler s) {
        scheduler.register(s);
    }

    /** Collects every provider once (so conf.d sources are scheduled when this returns), then starts listening. */
    public void start() {
        for (ConfigPoller poller : pollers) {
            poller.start();
        }
        started = true;
        listeners.forEach(this::startListener);
        withLock(this::updateUnconfigured);
    }

    /** Stops polling and listening; what is scheduled stays scheduled. */
    public void stop() {
        stopped = true;
        for (ConfigPoller poller : pollers) {
            try {
                poller.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ServiceListener listener : listeners) {
            try {
                listener.close();
            } catch (RuntimeException e) {
                LOG.warn("service listener {} did not close cleanly", listener.name(), e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** True once every provider collected once and every listener reported the services running at its start. */
    public boolean firstPassDone() {
        return started && listenersStarting.get() == 0
                && pollers.stream().allMatch(p -> p.completedPolls() > 0);
    }

    /** Configs and services refused or unresolvable, failing providers and listeners; one line each. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (ConfigPoller poller : pollers) {
            for (FailedSource failed : poller.provider().problems()) {
                for (ConfigProblem problem : failed.problems()) {
                    problems.add("integration " + failed.integration() + ": " + problem.describe());
                }
            }
            String error = poller.error();
            if (error != null) {
                problems.add("config provider " + poller.provider().name() + ": " + error);
            }
        }
        problems.addAll(listenerErrors.values());
        problems.addAll(store.resolutionErrors());
        return problems;
    }

    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (ConfigPoller poller : pollers) {
            poller.provider().warnings().forEach(w -> warnings.add(w.describe()));
        }
        warnings.addAll(store.resolutionWarnings());
        return warnings;
    }

    /** What runs and why, for {@code configcheck}. */
    public ConfigCheck configCheck() {
        return store.snapshot(problems(), warnings());
    }

    private void startListener(ServiceListener listener) {
        listenersStarting.incrementAndGet();
        ServiceListener.Events events = new ServiceListener.Events() {
            @Override
            public void serviceAdded(Service service) {
                AutoConfig.this.serviceAdded(service);
            }

            @Override
            public void serviceRemoved(Service service) {
                AutoConfig.this.serviceRemoved(service);
            }
        };
        Thread.ofVirtual().name("service-listener-" + listener.name()).start(() -> {
            try {
                listener.start(events);
            } catch (RuntimeException e) {
                LOG.error("service listener {} failed to start", listener.name(), e);
                listenerErrors.put(listener.name(), "service listener " + listener.name() + ": failed to start: "
                        + e.getMessage());
            } finally {
                listenersStarting.decrementAndGet();
                withLock(this::updateUnconfigured);
            }
        });
    }

    private void configsChanged(List<IntegrationConfig> removed, List<IntegrationConfig> added) {
        withLock(() -> {
            List<ResolvedConfig> unschedule = new ArrayList<>();
            for (IntegrationConfig config : removed) {
                store.removeConfig(config);
                unschedule.addAll(store.removeResolutionsOf(config));
            }
            List<ResolvedConfig> schedule = new ArrayList<>();
            for (IntegrationConfig config : added) {
                store.addConfig(config);
                if (config.isTemplate()) {
                    for (Service service : store.services()) {
                        if (ConfigResolver.matches(config, service)) {
                            resolve(config, service, schedule);
                        }
                    }
                } else {
                    resolve(config, null, schedule);
                }
            }
            apply(unschedule, schedule);
        });
    }

    private void serviceAdded(Service service) {
        withLock(() -> {
            Service previous = store.putService(service);
            if (service.equals(previous)) {
                return;
            }
            // A service reported again with changes (a new address, say) is resolved afresh.
            List<ResolvedConfig> unschedule = previous == null ? List.of()
                    : store.removeResolutionsFor(service.serviceId());
            List<ResolvedConfig> schedule = new ArrayList<>();
            for (IntegrationConfig template : store.templates()) {
                if (ConfigResolver.matches(template, service)) {
                    resolve(template, service, schedule);
                }
            }
            Map<ConfigPoller, Long> begun = new HashMap<>();
            pollers.forEach(p -> begun.put(p, p.startedPolls()));
            settling.put(service.serviceId(), begun);
            apply(unschedule, schedule);
        });
        // Labels and annotations of the new container are read now rather than at the next interval.
        pollers.forEach(ConfigPoller::pollNow);
    }

    private void serviceRemoved(Service service) {
        withLock(() -> {
            List<ResolvedConfig> unschedule = store.removeResolutionsFor(service.serviceId());
            store.removeService(service.serviceId());
            settling.remove(service.serviceId());
            apply(unschedule, List.of());
        });
    }

    /** @param service null for a config that is not a template */
    private void resolve(IntegrationConfig config, Service service, List<ResolvedConfig> schedule) {
        Resolution resolution = service == null ? resolver.resolve(config) : resolver.resolve(config, service);
        store.putResolution(config, service, resolution);
        resolution.errors().forEach(e -> LOG.warn("{}", e));
        if (resolution.resolved() != null) {
            schedule.add(resolution.resolved());
        }
    }

    /**
     * Removals first; then services that lost or gained their last config get or lose their catch-all source,
     * before the configs that replace them are scheduled, so a container is never read twice at once.
     */
    private void apply(List<ResolvedConfig> unschedule, List<ResolvedConfig> schedule) {
        scheduler.unschedule(unschedule);
        updateUnconfigured();
        scheduler.schedule(schedule);
    }

    private void updateUnconfigured() {
        if (stopped || !firstPassDone()) {
            return;
        }
        settling.values().removeIf(begun -> begun.entrySet().stream()
                .allMatch(e -> e.getKey().completedPolls() > e.getValue()));
        List<Service> unconfigured = store.unconfiguredServices().stream()
                .filter(s -> !settling.containsKey(s.serviceId())).toList();
        if (!unconfigured.equals(lastUnconfigured)) {
            lastUnconfigured = unconfigured;
            scheduler.unconfiguredServices(unconfigured);
        }
    }

    private void withLock(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
