package dev.logsagent.logs.sender;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadBuffersTest {
    @Test
    void handsAReleasedArrayOutAgain() {
        PayloadBuffers buffers = new PayloadBuffers(2);
        byte[] first = buffers.take(1024);
        buffers.release(first);
        assertThat(buffers.take(512)).isSameAs(first);
    }

    @Test
    void allocatesWhenTheFreeArrayIsTooSmall() {
        PayloadBuffers buffers = new PayloadBuffers(2);
        buffers.release(new byte[100]);
        assertThat(buffers.take(1024)).hasSize(1024);
    }

    @Test
    void keepsNoMoreThanItsCapacityNorHugeArrays() {
        PayloadBuffers buffers = new PayloadBuffers(2);
        buffers.release(new byte[10]);
        buffers.release(new byte[10]);
        buffers.release(new byte[10]);
        buffers.release(new byte[PayloadBuffers.MAX_KEPT_BYTES + 1]);
        assertThat(buffers.size()).isEqualTo(2);
    }
}
