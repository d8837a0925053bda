package dev.logsagent.autodiscovery;

/** A port a service exposes; {@code name} is the Kubernetes port name, or null. */
public record ServicePort(int port, String name) {
}
