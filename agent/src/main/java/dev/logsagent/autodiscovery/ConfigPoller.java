package dev.logsagent.autodiscovery;

import dev.logsagent.autodiscovery.providers.ConfigProvider;
import dev.logsagent.config.FailedSource;
import dev.logsagent.errors.ConfigProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls one provider on its own interval, on a virtual thread: when the provider is not up to date, collects what
 * it yields and hands the difference with the last collect (by {@link IntegrationConfig#digest()}) to autodiscovery.
 * A provider that fails keeps its last configs; the failure is shown until a poll succeeds.
 */
final class ConfigPoller {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigPoller.class);

    /** Told from the poller's thread. */
    interface Changes {
        /** Configs that went away and configs that came, never both empty. */
        void changed(ConfigProvider provider, List<IntegrationConfig> removed, List<IntegrationConfig> added);

        /** After every poll, whether or not anything changed. */
        void polled(ConfigPoller poller);
    }

    private final ConfigProvider provider;
    private final Duration interval;
    private final Changes changes;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private Map<String, IntegrationConfig> last = Map.of();
    private List<FailedSource> reportedProblems = List.of();
    private volatile String error;
    private volatile boolean stopped;
    private Thread thread;

    ConfigPoller(ConfigProvider provider, Duration interval, Changes changes) {
        this.provider = provider;
        this.interval = interval;
        this.changes = changes;
    }

    ConfigProvider provider() {
        return provider;
    }

    /** Polls once on the caller's thread, so configs are known when this returns, then keeps polling. */
    void start() {
        poll();
        thread = Thread.ofVirtual().name("config-poller-" + provider.name()).start(this::loop);
    }

    /** Polls as soon as possible instead of waiting for the interval. */
    void pollNow() {
        wakeUp.release();
    }

    void stop() throws InterruptedException {
        stopped = true;
        wakeUp.release();
        if (thread != null) {
            thread.join(Duration.ofSeconds(5));
        }
    }

    /** Polls begun so far: a poll begun after something happened sees it. */
    long startedPolls() {
        return started.get();
    }

    long completedPolls() {
        return completed.get();
    }

    /** Why the last poll failed, or null. */
    String error() {
        return error;
    }

    private void loop() {
        while (!stopped) {
            try {
                if (wakeUp.tryAcquire(interval.toNanos(), TimeUnit.NANOSECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
            if (!stopped) {
                poll();
            }
        }
    }

    private void poll() {
        started.incrementAndGet();
        try {
            if (!provider.isUpToDate()) {
                collect();
            }
            error = null;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!message.equals(error)) {
                LOG.warn("config provider {} failed, keeping its last configs: {}", provider.name(), message);
            }
            error = message;
        } finally {
            completed.incrementAndGet();
            changes.polled(this);
        }
    }

    private void collect() throws Exception {
        Map<String, IntegrationConfig> current = new LinkedHashMap<>();
        for (IntegrationConfig config : provider.collect()) {
            current.put(config.digest(), config);
        }
        logNewProblems();
        List<IntegrationConfig> removed = new ArrayList<>();
        for (Map.Entry<String, IntegrationConfig> e : last.entrySet()) {
            if (!current.containsKey(e.getKey())) {
                removed.add(e.getValue());
            }
        }
        List<IntegrationConfig> added = new ArrayList<>();
        for (Map.Entry<String, IntegrationConfig> e : current.entrySet()) {
            if (!last.containsKey(e.getKey())) {
                added.add(e.getValue());
            }
        }
        last = current;
        if (!removed.isEmpty() || !added.isEmpty()) {
            changes.changed(provider, removed, added);
        }
    }

    private void logNewProblems() {
        List<FailedSource> problems = provider.problems();
        for (FailedSource failed : problems) {
            if (!reportedProblems.contains(failed)) {
                for (ConfigProblem problem : failed.problems()) {
                    LOG.error("config not loaded: integration {}: {}", failed.integration(), problem.describe());
                }
            }
        }
        reportedProblems = problems;
        for (ConfigProblem warning : provider.warnings()) {
            LOG.warn("{}", warning.describe());
        }
    }
}
