package dev.logsagent.config;

/** {@code type} of a log source in conf.d. */
public enum SourceType {
    FILE("file"), TCP("tcp"), UDP("udp"), JOURNALD("journald"), DOCKER("docker"), CONTAINERD("containerd");

    private final String key;

    SourceType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
