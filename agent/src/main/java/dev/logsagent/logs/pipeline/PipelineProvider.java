package dev.logsagent.logs.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands each new input a pipeline, round robin; the input keeps it for its whole life so its logs stay in order.
 * Inputs with the same key (a file and its rotated predecessor) get the same pipeline, so their offsets are
 * committed in the order they were read.
 */
public final class PipelineProvider {
    private final List<Pipeline> pipelines;
    private final AtomicInteger next = new AtomicInteger();

    public PipelineProvider(List<Pipeline> pipelines) {
        this.pipelines = List.copyOf(pipelines);
    }

    public Pipeline next() {
        return pipelines.get(Math.floorMod(next.getAndIncrement(), pipelines.size()));
    }

    /** The pipeline of inputs with this key. */
    public Pipeline forKey(String key) {
        return pipelines.get(Math.floorMod(key.hashCode(), pipelines.size()));
    }

    public List<Pipeline> all() {
        return pipelines;
    }
}
