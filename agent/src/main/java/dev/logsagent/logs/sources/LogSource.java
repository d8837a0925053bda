package dev.logsagent.logs.sources;

import dev.logsagent.config.SourceConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A configured source of logs and what is happening to it at run time: status, inputs being read, bytes read and
 * informational messages. Launchers write it; status reads snapshots of it.
 */
public final class LogSource {
    private final String name;
    private final SourceConfig config;
    private final AtomicReference<String> status = new AtomicReference<>("pending");
    private final LongAdder bytesRead = new LongAdder();
    private final Map<String, Boolean> inputs = new ConcurrentHashMap<>();
    private final Map<String, String> info = new ConcurrentHashMap<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    public LogSource(String name, SourceConfig config) {
        this.name = name;
        this.config = config;
    }

    /** The integration name it is listed under in status. */
    public String name() {
        return name;
    }

    public SourceConfig config() {
        return config;
    }

    /** "pending", "OK" or "Error: ...". */
    public String status() {
        return status.get();
    }

    public void setOk() {
        status.set("OK");
    }

    public void setError(String reason) {
        status.set("Error: " + reason);
    }

    public boolean isError() {
        return status.get().startsWith("Error");
    }

    public void addBytesRead(long n) {
        bytesRead.add(n);
    }

    public long bytesRead() {
        return bytesRead.sum();
    }

    public void addInput(String input) {
        inputs.put(input, Boolean.TRUE);
    }

    public void removeInput(String input) {
        inputs.remove(input);
    }

    public List<String> inputs() {
        return inputs.keySet().stream().sorted().toList();
    }

    /** Sets (or with null, removes) one informational line, keyed so it is replaced rather than repeated. */
    public void setInfo(String key, String line) {
        if (line == null) {
            info.remove(key);
        } else {
            info.put(key, line);
        }
    }

    public List<String> info() {
        return info.values().stream().sorted().toList();
    }

    /** Warnings about this source (e.g. a file that cannot be read), kept for status, at most 20. */
    public void addMessage(String message) {
        if (!messages.contains(message)) {
            messages.add(message);
            while (messages.size() > 20) {
                messages.remove(0);
            }
        }
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public String toString() {
        return "LogSource[" + name + ", " + config.type().key() + "]";
    }
}
