package dev.logsagent.autodiscovery.listeners;

import dev.logsagent.autodiscovery.Service;

/** Watches a runtime (docker, the kubelet) and reports services as they start and stop. */
public interface ServiceListener extends AutoCloseable {
    /** Told of services; called from the listener's own thread. */
    interface Events {
        void serviceAdded(Service service);

        void serviceRemoved(Service service);
    }

    String name();

    /** Reports every service running now, then changes as they happen, until closed. */
    void start(Events events);

    @Override
    void close();
}
