package dev.logsagent.logs.sender;

import dev.logsagent.config.LogsConfig;

import java.util.Optional;

/**
 * How much heap the pipelines' payloads may hold when their batches are full, against the heap the JVM has. Every
 * payload lives on the heap: per pipeline the open batch and each payload in flight, up to
 * {@code batch_max_content_size} each (compressed copies, usually a fraction of that, come on top). The heap
 * {@code bin/logs-agent} gives fits the defaults; larger batches, more payloads in flight or more pipelines need a
 * larger {@code -Xmx}, and an agent that runs out of heap exits.
 */
public final class PayloadMemory {
    /** Heap kept for everything else: read buffers, queues, tags, the registry, the JVM's own objects. */
    static final long OTHER_USE = 16L << 20;

    private PayloadMemory() {
    }

    /** Bytes the payloads of every pipeline hold at once when all batches are full. */
    public static long worstCase(LogsConfig logs) {
        return logs.pipelines() * (long) logs.batchMaxContentSize() * (1 + Math.max(1, logs.batchMaxConcurrentSend()));
    }

    /** A warning for the log when the worst case does not fit in {@code maxHeap} bytes beside the rest. */
    public static Optional<String> warning(LogsConfig logs, long maxHeap) {
        long needed = worstCase(logs) + OTHER_USE;
        if (needed <= maxHeap) {
            return Optional.empty();
        }
        return Optional.of(String.format("logs_config: %d pipelines with batch_max_content_size %d and "
                        + "batch_max_concurrent_send %d may hold up to %d MiB of payloads, more than the %d MiB heap "
                        + "leaves for them; give the JVM more (LOGS_AGENT_JAVA_OPTS=\"-Xmx%dm\") "
                        + "or lower these settings",
                logs.pipelines(), logs.batchMaxContentSize(), logs.batchMaxConcurrentSend(), worstCase(logs) >> 20,
                (maxHeap - OTHER_USE) >> 20, (needed >> 20) + 16));
    }
}
