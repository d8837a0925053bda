package dev.logsagent.autodiscovery.listeners;

import dev.logsagent.autodiscovery.Service;
import dev.logsagent.autodiscovery.listeners.docker.ContainerInfo;
import dev.logsagent.autodiscovery.listeners.docker.ContainerSummary;
import dev.logsagent.autodiscovery.listeners.docker.DockerApiException;
import dev.logsagent.autodiscovery.listeners.docker.DockerClient;
import dev.logsagent.autodiscovery.listeners.docker.DockerEvent;
import dev.logsagent.autodiscovery.listeners.docker.EventStream;
import dev.logsagent.autodiscovery.workloads.Container;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.errors.RetryException;
import dev.logsagent.util.retry.Retrier;
import dev.logsagent.util.retry.RetryStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reports the containers of a Docker daemon as services: on each (re)connection it lists the running containers
 * (adding those it did not know, removing those gone), then follows container events from where the last stream
 * stopped, so a container that started and died meanwhile is still seen. {@code start} adds a container (after
 * inspecting it), {@code die} or {@code destroy} removes it. Containers also go into the {@link WorkloadStore}
 * for the label provider and the tagger. A failed connection is retried with a growing wait.
 */
public final class DockerListener implements ServiceListener {
    private static final Logger LOG = LoggerFactory.getLogger(DockerListener.class);
    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final DockerClient client;
    private final WorkloadStore store;
    private final Path dockerContainersPath;
    private final InstantSource clock;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Map<String, Service> known = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile EventStream stream;
    private volatile Events events;
    private Thread thread;

    /** @param dockerContainersPath {@code docker_path_override}: the folder of {@code <id>/<id>-json.log} */
    public DockerListener(DockerClient client, WorkloadStore store, Path dockerContainersPath) {
        this(client, store, dockerContainersPath, InstantSource.system(), INITIAL_BACKOFF, MAX_BACKOFF);
    }

    /**
     * @param clock          where events are first followed from, and the retry clock
     * @param initialBackoff the wait after a first failed connection, and between a stream's end and reconnecting
     */
    DockerListener(DockerClient client, WorkloadStore store, Path dockerContainersPath, InstantSource clock,
                   Duration initialBackoff, Duration maxBackoff) {
        this.client = client;
        this.store = store;
        this.dockerContainersPath = dockerContainersPath;
        this.clock = clock;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public void start(Events listener) {
        this.events = listener;
        thread = Thread.ofVirtual().name("docker-listener").start(this::run);
    }

    private void run() {
        Instant since = clock.instant();
        try {
            while (closed.getCount() > 0) {
                EventStream current = connect(since);
                if (current == null) {
                    return;
                }
                try {
                    current.ended().get();
                } catch (ExecutionException e) {
                    LOG.warn("docker events stopped: {}; reconnecting", e.getCause().toString());
                }
                since = current.resumeFrom();
                if (closed.await(initialBackoff.toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lists, then subscribes from {@code since}; retried with backoff. Null once closed. */
    private EventStream connect(Instant since) throws InterruptedException {
        AtomicReference<EventStream> opened = new AtomicReference<>();
        Retrier retrier = new Retrier("docker listener", () -> opened.set(subscribe(since)),
                new RetryStrategy.Backoff(initialBackoff, maxBackoff), clock);
        while (true) {
            RetryException error = retrier.triggerRetry();
            if (error == null) {
                return opened.get();
            }
            LOG.warn("{}", error.getMessage());
            long waitNanos = Math.max(0, Duration.between(clock.instant(), retrier.nextRetry()).toNanos());
            if (closed.await(waitNanos, TimeUnit.NANOSECONDS)) {
                return null;
            }
        }
    }

    private EventStream subscribe(Instant since) throws IOException {
        reconcile();
        EventStream opened = client.events(since, this::onEvent);
        stream = opened;
        if (closed.getCount() == 0) {
            opened.close();
        }
        return opened;
    }

    /** Brings the known containers in line with the running ones: the events missed while away may be gone. */
    private void reconcile() throws IOException {
        Set<String> running = new HashSet<>();
        for (ContainerSummary summary : client.listContainers()) {
            running.add(summary.id());
            if (!known.containsKey(summary.id())) {
                inspectAndAdd(summary.id());
            }
        }
        for (String id : Set.copyOf(known.keySet())) {
            if (!running.contains(id)) {
                remove(id);
            }
        }
    }

    private void onEvent(DockerEvent event) {
        if (!"container".equals(event.type())) {
            return;
        }
        switch (event.action()) {
            case "start" -> {
                if (!known.containsKey(event.id())) {
                    inspectAndAdd(event.id());
                }
            }
            case "die", "destroy" -> remove(event.id());
            default -> { }
        }
    }

    /** A container that stopped since is still added: its logs are there to read; its {@code die} follows. */
    private void inspectAndAdd(String id) {
        ContainerInfo info;
        try {
            info = client.inspect(id);
        } catch (DockerApiException e) {
            if (e.status() == 404) {
                LOG.debug("container {} was removed before it could be inspected", id);
            } else {
                LOG.warn("cannot inspect container {}: {}", id, e.getMessage());
            }
            return;
        } catch (IOException e) {
            LOG.warn("cannot inspect container {}: {}", id, e.toString());
            return;
        }
        if (DockerServices.isSandbox(info)) {
            return;
        }
        Container container = DockerServices.container(info, dockerContainersPath);
        Service service = DockerServices.service(container);
        store.putContainer(container);
        known.put(container.id(), service);
        events.serviceAdded(service);
    }

    private void remove(String id) {
        Service service = known.remove(id);
        if (service != null) {
            store.removeContainer(id);
            events.serviceRemoved(service);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        EventStream current = stream;
        if (current != null) {
            current.close();
        }
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
