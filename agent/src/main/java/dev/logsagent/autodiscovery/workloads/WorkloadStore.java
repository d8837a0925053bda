package dev.logsagent.autodiscovery.workloads;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What runs on this host, as the service listeners last saw it: containers and pods. Listeners write it; the
 * label and annotation providers and the tagger read it. The version moves on every change, so pollers can tell
 * cheaply whether anything changed.
 */
public final class WorkloadStore {
    private final Map<String, Container> containers = new ConcurrentHashMap<>();
    private final Map<String, Pod> pods = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    public void putContainer(Container c) {
        containers.put(c.id(), c);
        version.incrementAndGet();
    }

    public void removeContainer(String id) {
        if (containers.remove(id) != null) {
            version.incrementAndGet();
        }
    }

    public void putPod(Pod p) {
        pods.put(p.uid(), p);
        version.incrementAndGet();
    }

    public void removePod(String uid) {
        if (pods.remove(uid) != null) {
            version.incrementAndGet();
        }
    }

    public Optional<Container> container(String id) {
        return Optional.ofNullable(containers.get(id));
    }

    public Optional<Pod> pod(String uid) {
        return Optional.ofNullable(pods.get(uid));
    }

    public Collection<Container> containers() {
        return List.copyOf(containers.values());
    }

    public Collection<Pod> pods() {
        return List.copyOf(pods.values());
    }

    public long version() {
        return version.get();
    }
}
