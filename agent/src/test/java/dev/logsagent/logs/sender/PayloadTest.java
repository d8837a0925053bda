package dev.logsagent.logs.sender;

import com.github.luben.zstd.Zstd;
import dev.logsagent.serializer.Compression;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadTest {
    private final Payload payload = TestPayloads.of(1, "{\"message\":\"one\"}", "{\"message\":\"two\"}");

    @Test
    void destinationsWithTheSameCompressionShareTheBodyCompressedUpFront() {
        Compression zstd = Compression.zstd(1);
        Payload compressing = payload.compressing(zstd, Executors.newVirtualThreadPerTaskExecutor());

        byte[] compressed = compressing.compressedBody(zstd);

        assertThat(compressing.compressedBody(zstd)).isSameAs(compressed);
        assertThat(Zstd.decompress(compressed, payload.length()))
                .isEqualTo(Arrays.copyOf(payload.body(), payload.length()));
    }

    @Test
    void aDestinationWithAnotherCompressionCompressesForItself() {
        Payload compressing = payload.compressing(Compression.zstd(1), Executors.newVirtualThreadPerTaskExecutor());

        byte[] gzipped = compressing.compressedBody(Compression.gzip(6));

        assertThat(gzipped[0] & 0xFF).isEqualTo(0x1F);
        assertThat(gzipped[1] & 0xFF).isEqualTo(0x8B);
    }

    @Test
    void aPayloadNotCompressedUpFrontIsCompressedByItsDestination() {
        Compression zstd = Compression.zstd(1);

        byte[] compressed = payload.compressedBody(zstd);

        assertThat(payload.compressed()).isNull();
        assertThat(Zstd.decompress(compressed, payload.length()))
                .isEqualTo(Arrays.copyOf(payload.body(), payload.length()));
    }
}
