package dev.logsagent.logs.launchers.file;

import dev.logsagent.logs.pipeline.Pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link BufferPool} for each pipeline. A file tailer holds its buffer until the pipeline took the chunk, so a
 * full pipeline stops its tailers before they read, and the decoded logs waiting for it are bounded by its pool;
 * one pool per pipeline keeps the tailers of a pipeline that is held back (a slow intake) from taking the buffers of
 * the others.
 */
public final class BufferPools {
    private final int buffersPerPipeline;
    private final int bufferSize;
    private final Map<Pipeline, BufferPool> pools = new ConcurrentHashMap<>();

    public BufferPools(int buffersPerPipeline, int bufferSize) {
        this.buffersPerPipeline = buffersPerPipeline;
        this.bufferSize = bufferSize;
    }

    /** The pool of the given pipeline, made the first time it is asked for. */
    public BufferPool of(Pipeline pipeline) {
        return pools.computeIfAbsent(pipeline, p -> new BufferPool(buffersPerPipeline, bufferSize));
    }
}
