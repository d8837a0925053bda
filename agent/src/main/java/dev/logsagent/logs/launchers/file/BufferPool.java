package dev.logsagent.logs.launchers.file;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Large read buffers shared by the file tailers of a pipeline ({@link BufferPools}): a tailer holds one only while
 * it reads and hands the chunk on, so ten thousand mostly idle files cost a few buffers, not ten thousand.
 */
public final class BufferPool {
    private final ArrayBlockingQueue<byte[]> free;
    private final int bufferSize;

    public BufferPool(int buffers, int bufferSize) {
        this.free = new ArrayBlockingQueue<>(buffers);
        this.bufferSize = bufferSize;
        for (int i = 0; i < buffers; i++) {
            free.add(new byte[bufferSize]);
        }
    }

    /** Waits for a free buffer. */
    public byte[] take() throws InterruptedException {
        return free.take();
    }

    public void release(byte[] buffer) {
        free.add(buffer);
    }

    public int bufferSize() {
        return bufferSize;
    }
}
