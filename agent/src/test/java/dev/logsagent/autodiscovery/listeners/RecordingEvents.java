package dev.logsagent.autodiscovery.listeners;

import dev.logsagent.autodiscovery.Service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a listener reported, in order, as "+id" for an added service and "-id" for a removed one. */
final class RecordingEvents implements ServiceListener.Events {
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final List<Service> added = new CopyOnWriteArrayList<>();

    @Override
    public void serviceAdded(Service service) {
        added.add(service);
        changes.add("+" + service.serviceId());
    }

    @Override
    public void serviceRemoved(Service service) {
        changes.add("-" + service.serviceId());
    }

    List<String> changes() {
        return List.copyOf(changes);
    }

    /** The last service added with this id. */
    Service added(String serviceId) {
        return added.reversed().stream().filter(s -> s.serviceId().equals(serviceId)).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + serviceId + " was added; changes: " + changes));
    }
}
