package dev.logsagent.tagger;

import dev.logsagent.autodiscovery.workloads.WorkloadStore;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The tags of the entities on this host: containers ({@code container_id://<id>}), pods
 * ({@code kubernetes_pod_uid://<uid>}) and the host itself ({@value #HOST_ENTITY}). Its collectors read the
 * {@link WorkloadStore} the service listeners fill; the entities are rebuilt whenever the store's version moved,
 * on a query and every second in the background, so that a container seen only briefly is known too.
 *
 * <p>An entity that leaves the store keeps its tags for the grace period, counted from when the tagger noticed
 * (within a second once started): a container's last lines are often read after it stopped. Thread-safe.
 */
public final class Tagger implements AutoCloseable {
    public static final String HOST_ENTITY = "host";
    private static final Duration REFRESH_PERIOD = Duration.ofSeconds(1);

    private record Departed(EntityTags tags, Instant forgetAt) {
    }

    private final WorkloadStore store;
    private final InstantSource clock;
    private final Duration gracePeriod;
    private final EntityTags hostTags;
    private final ContainerTagCollector containers;
    private final PodTagCollector pods;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Map<String, EntityTags> live = Map.of();
    private final Map<String, Departed> departed = new HashMap<>();
    private long seenVersion = -1;
    private volatile Thread refresher;

    /** @param hostTags the agent's {@code tags}, given for {@value #HOST_ENTITY} */
    public Tagger(WorkloadStore store, TaggerSettings settings, List<String> hostTags, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gracePeriod = settings.gracePeriod();
        this.hostTags = new EntityTags(hostTags, List.of(), List.of());
        this.containers = new ContainerTagCollector(settings);
        this.pods = new PodTagCollector(settings);
    }

    public static String containerEntity(String containerId) {
        return "container_id://" + containerId;
    }

    public static String podEntity(String podUid) {
        return "kubernetes_pod_uid://" + podUid;
    }

    /** Keeps the entities fresh in the background until {@link #close()}. */
    public void start() {
        refresher = Thread.ofVirtual().name("tagger-refresh").start(() -> {
            try {
                while (!closed.await(REFRESH_PERIOD.toMillis(), TimeUnit.MILLISECONDS)) {
                    refresh();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The entity's tags of {@code cardinality} and below, an immutable list; empty for an unknown entity. */
    public synchronized List<String> tags(String entity, Cardinality cardinality) {
        if (HOST_ENTITY.equals(entity)) {
            return hostTags.tags(cardinality);
        }
        if (store.version() != seenVersion) {
            refresh();
        }
        EntityTags tags = live.get(entity);
        if (tags != null) {
            return tags.tags(cardinality);
        }
        Departed gone = departed.get(entity);
        if (gone != null && clock.instant().isBefore(gone.forgetAt())) {
            return gone.tags().tags(cardinality);
        }
        return List.of();
    }

    /** Rebuilds the entities from the store if it changed, and forgets departed ones whose grace period ended. */
    public synchronized void refresh() {
        Instant now = clock.instant();
        long version = store.version();
        if (version != seenVersion) {
            Map<String, EntityTagsBuilder> builders = new HashMap<>();
            containers.collect(store.containers(), builders);
            pods.collect(store.pods(), builders);
            Map<String, EntityTags> fresh = new HashMap<>();
            builders.forEach((entity, builder) -> fresh.put(entity, builder.build()));
            live.forEach((entity, tags) -> {
                if (!fresh.containsKey(entity)) {
                    departed.put(entity, new Departed(tags, now.plus(gracePeriod)));
                }
            });
            fresh.keySet().forEach(departed::remove);
            live = Map.copyOf(fresh);
            seenVersion = version;
        }
        for (Iterator<Departed> it = departed.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next().forgetAt())) {
                it.remove();
            }
        }
    }

    /** The store version the entities reflect. */
    synchronized long seenVersion() {
        return seenVersion;
    }

    @Override
    public void close() {
        closed.countDown();
        Thread t = refresher;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
