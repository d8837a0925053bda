package dev.logsagent.autodiscovery;

import dev.logsagent.autodiscovery.listeners.ServiceListener;
import dev.logsagent.autodiscovery.workloads.Container;
import dev.logsagent.autodiscovery.workloads.Pod;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A service listener over recorded containers and pods: it records each in the workload store, then reports its
 * service, as the docker and kubelet listeners do. Its {@code start} reports the containers running then and can be
 * held, like a listener still listing a slow runtime.
 */
public final class RecordedServiceListener implements ServiceListener {
    private final WorkloadStore workloads;
    private final List<Container> running = new ArrayList<>();
    private final CountDownLatch startRelease;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Events events;

    /** @param holdStart when true, {@code start} returns only after {@link #finishStart()} */
    public RecordedServiceListener(WorkloadStore workloads, boolean holdStart) {
        this.workloads = workloads;
        this.startRelease = new CountDownLatch(holdStart ? 1 : 0);
    }

    /** A container already running when the listener starts. */
    public RecordedServiceListener running(Container container) {
        running.add(container);
        return this;
    }

    @Override
    public String name() {
        return "recorded";
    }

    @Override
    public void start(Events newEvents) {
        this.events = newEvents;
        started.countDown();
        running.forEach(this::containerStarted);
        try {
            startRelease.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void finishStart() {
        startRelease.countDown();
    }

    public void containerStarted(Container container) {
        awaitStart();
        workloads.putContainer(container);
        events.serviceAdded(RecordedWorkloads.service(container));
    }

    public void containerStopped(Container container) {
        awaitStart();
        workloads.removeContainer(container.id());
        events.serviceRemoved(RecordedWorkloads.service(container));
    }

    public void podStarted(Pod pod, Service service) {
        awaitStart();
        workloads.putPod(pod);
        events.serviceAdded(service);
    }

    public void podStopped(Pod pod, Service service) {
        awaitStart();
        workloads.removePod(pod.uid());
        events.serviceRemoved(service);
    }

    /** Autodiscovery starts listeners on threads of their own: events wait until this one was started. */
    private void awaitStart() {
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the listener started", e);
        }
    }

    @Override
    public void close() {
        startRelease.countDown();
    }
}
