package dev.logsagent.logs.sources;

import dev.logsagent.config.SourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every log source the agent knows, from conf.d or autodiscovery. Launchers subscribe to the types they handle
 * and are told of sources added and removed, including those added before they subscribed.
 */
public final class Sources {
    /** Told of sources of one type as they come and go. */
    public interface Listener {
        void added(LogSource source);

        void removed(LogSource source);
    }

    private final List<LogSource> all = new CopyOnWriteArrayList<>();
    private final Map<SourceType, List<Listener>> listeners = new ConcurrentHashMap<>();

    public synchronized void add(LogSource source) {
        all.add(source);
        for (Listener l : listeners.getOrDefault(source.config().type(), List.of())) {
            l.added(source);
        }
    }

    public synchronized void remove(LogSource source) {
        if (all.remove(source)) {
            for (Listener l : listeners.getOrDefault(source.config().type(), List.of())) {
                l.removed(source);
            }
        }
    }

    /** Subscribes and replays the sources of that type already known. */
    public synchronized void subscribe(SourceType type, Listener listener) {
        listeners.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(listener);
        for (LogSource s : all) {
            if (s.config().type() == type) {
                listener.added(s);
            }
        }
    }

    public List<LogSource> all() {
        return new ArrayList<>(all);
    }
}
