package dev.logsagent.autodiscovery.listeners;

import dev.logsagent.autodiscovery.Service;
import dev.logsagent.autodiscovery.workloads.Pod;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reports the running containers of this node's pods as services, polling the kubelet's {@code /pods} and
 * comparing each answer with the last: a new container is added, a container gone (its pod deleted, or
 * restarted under a new ID) is removed, one whose facts changed (its pod got its IP) is removed and added again.
 * Pods go into the {@link WorkloadStore} for the annotation provider and the tagger. While the kubelet cannot be
 * reached, what was last seen stands.
 */
public final class KubeletListener implements ServiceListener {
    private static final Logger LOG = LoggerFactory.getLogger(KubeletListener.class);

    private final KubeletClient client;
    private final WorkloadStore store;
    private final PodListParser parser;
    private final Duration pollInterval;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Map<String, Pod> pods = new HashMap<>();
    private final Map<String, Service> services = new HashMap<>();
    private volatile Events events;
    private String lastError;
    private Thread thread;

    public KubeletListener(KubeletSettings settings, WorkloadStore store) {
        this.client = new KubeletClient(settings);
        this.store = store;
        this.parser = new PodListParser(settings.podsPath());
        this.pollInterval = settings.pollInterval();
    }

    @Override
    public String name() {
        return "kubelet";
    }

    @Override
    public void start(Events listener) {
        this.events = listener;
        thread = Thread.ofVirtual().name("kubelet-listener").start(() -> {
            try {
                do {
                    poll();
                } while (!closed.await(pollInterval.toNanos(), TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** One look at the kubelet; reports the differences with the last. */
    synchronized void poll() throws InterruptedException {
        JsonNode podList;
        try {
            podList = client.pods();
        } catch (IOException e) {
            if (!e.toString().equals(lastError)) {
                LOG.warn("cannot list the pods of the kubelet at {}: {}", client.podsUri(), e.toString());
                lastError = e.toString();
            }
            return;
        }
        if (lastError != null) {
            LOG.info("the kubelet at {} answers again", client.podsUri());
            lastError = null;
        }
        apply(parser.parse(podList));
    }

    private void apply(List<PodListParser.KubeletPod> seen) {
        Map<String, Pod> nowPods = new HashMap<>();
        Map<String, Service> nowServices = new HashMap<>();
        for (PodListParser.KubeletPod kubeletPod : seen) {
            nowPods.put(kubeletPod.pod().uid(), kubeletPod.pod());
            kubeletPod.services().forEach(service -> nowServices.put(service.serviceId(), service));
        }
        nowPods.forEach((uid, pod) -> {
            if (!pod.equals(pods.get(uid))) {
                store.putPod(pod);
            }
        });
        pods.keySet().stream().filter(uid -> !nowPods.containsKey(uid)).forEach(store::removePod);
        pods.clear();
        pods.putAll(nowPods);
        services.forEach((id, service) -> {
            if (!service.equals(nowServices.get(id))) {
                events.serviceRemoved(service);
            }
        });
        nowServices.forEach((id, service) -> {
            if (!service.equals(services.get(id))) {
                events.serviceAdded(service);
            }
        });
        services.clear();
        services.putAll(nowServices);
    }

    @Override
    public void close() {
        closed.countDown();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
