package dev.logsagent.config;

/** Reads one kind of value from a present config node. */
@FunctionalInterface
interface ValueReader<T> {
    /** The bound value; or null after reporting on {@code node} why it cannot be bound. */
    T read(ConfigNode node);
}
