package dev.logsagent.serializer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrowableBufferTest {

    @Test
    void growsPastItsInitialCapacityKeepingEveryByte() {
        GrowableBuffer buffer = new GrowableBuffer(2);
        byte[] chunk = "0123456789".getBytes(StandardCharsets.US_ASCII);

        for (int i = 0; i < 1000; i++) {
            buffer.write(chunk, i % 10, 1);
        }
        buffer.write('!');

        assertThat(buffer.length()).isEqualTo(1001);
        assertThat(new String(buffer.toByteArray(), StandardCharsets.US_ASCII))
                .isEqualTo("0123456789".repeat(100) + "!");
    }

    @Test
    void resetReusesTheSameArray() {
        GrowableBuffer buffer = new GrowableBuffer(16);
        buffer.write(new byte[1000]);
        byte[] grown = buffer.array();

        buffer.reset();
        buffer.write(new byte[500]);

        assertThat(buffer.array()).isSameAs(grown);
        assertThat(buffer.length()).isEqualTo(500);
    }

    @Test
    void truncateUndoesAPartlyWrittenRecord() {
        GrowableBuffer buffer = new GrowableBuffer(4);
        buffer.writeAscii("[{\"a\":1}");
        int mark = buffer.length();
        buffer.writeAscii(",{\"b\":");

        buffer.truncate(mark);
        buffer.write(']');

        assertThat(new String(buffer.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("[{\"a\":1}]");
        assertThatThrownBy(() -> buffer.truncate(buffer.length() + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buffer.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ensureCapacityMakesRoomWithoutChangingTheContent() {
        GrowableBuffer buffer = new GrowableBuffer(1);
        buffer.write('x');

        buffer.ensureCapacity(10_000);

        assertThat(buffer.array().length).isGreaterThanOrEqualTo(10_000);
        assertThat(buffer.toByteArray()).containsExactly('x');
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 7, 10, 99, 1_700_000_000_123L, -1, -10, Long.MAX_VALUE, Long.MIN_VALUE})
    void writesDecimalsAsTheirDigits(long value) {
        GrowableBuffer buffer = new GrowableBuffer(0);
        buffer.write('[');

        buffer.writeDecimal(value);

        assertThat(new String(buffer.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("[" + value);
    }
}
