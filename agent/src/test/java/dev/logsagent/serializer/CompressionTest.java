package dev.logsagent.serializer;

import com.github.luben.zstd.Zstd;
import dev.logsagent.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompressionTest {

    static Stream<Arguments> codecs() {
        return Stream.of(
                Arguments.of(Compression.zstd(1)), Arguments.of(Compression.zstd(3)),
                Arguments.of(Compression.zstd(19)), Arguments.of(Compression.zstd(-5)),
                Arguments.of(Compression.gzip(0)), Arguments.of(Compression.gzip(1)),
                Arguments.of(Compression.gzip(6)), Arguments.of(Compression.gzip(9)),
                Arguments.of(Compression.none()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void roundTripsPayloadsOfEveryShape(Compression compression) {
        for (byte[] payload : payloads()) {
            byte[] compressed = compression.compress(payload, 0, payload.length);

            assertThat(decompress(compression, compressed)).isEqualTo(payload);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void compressesOnlyTheGivenRange(Compression compression) {
        byte[] buffer = "HEADER[{\"message\":\"in range\"}]TRAILER".getBytes(StandardCharsets.UTF_8);
        int off = "HEADER".length();
        int len = "[{\"message\":\"in range\"}]".length();

        byte[] compressed = compression.compress(buffer, off, len);

        assertThat(new String(decompress(compression, compressed), StandardCharsets.UTF_8))
                .isEqualTo("[{\"message\":\"in range\"}]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codecs")
    void reusesItsStateAcrossCallsAndThreads(Compression compression) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    for (int round = 0; round < 30; round++) {
                        byte[] payload = ("thread " + thread + " round " + round + " GET /x 200\n").repeat(200 + round)
                                .getBytes(StandardCharsets.UTF_8);
                        byte[] compressed = compression.compress(payload, 0, payload.length);
                        assertThat(decompress(compression, compressed)).isEqualTo(payload);
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    @Test
    void shrinksRepetitiveLogs() {
        byte[] logs = "{\"message\":\"GET /health 200\",\"status\":\"info\"},".repeat(2000)
                .getBytes(StandardCharsets.UTF_8);

        assertThat(Compression.zstd(1).compress(logs, 0, logs.length).length).isLessThan(logs.length / 20);
        assertThat(Compression.gzip(6).compress(logs, 0, logs.length).length).isLessThan(logs.length / 20);
    }

    @Test
    void namesItsContentEncoding() {
        assertThat(Compression.zstd(1).contentEncoding()).isEqualTo("zstd");
        assertThat(Compression.gzip(6).contentEncoding()).isEqualTo("gzip");
        assertThat(Compression.none().contentEncoding()).isNull();
    }

    @Test
    void followsTheDefaultLogsConfig() {
        Compression compression = Compression.of(ConfigLoader.load(null, Map.of()).config().logsConfig());

        assertThat(compression).isInstanceOfSatisfying(ZstdCompression.class, z -> assertThat(z.level()).isEqualTo(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 10})
    void refusesGzipLevelsOutsideZeroToNine(int level) {
        assertThatThrownBy(() -> Compression.gzip(level))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gzip compression level " + level);
    }

    @Test
    void refusesZstdLevelsBeyondItsMaximum() {
        int level = Zstd.maxCompressionLevel() + 1;

        assertThatThrownBy(() -> Compression.zstd(level))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zstd compression level " + level);
    }

    private static List<byte[]> payloads() {
        byte[] random = new byte[300_000];
        new Random(7).nextBytes(random);
        return List.of(
                new byte[0],
                "x".getBytes(StandardCharsets.UTF_8),
                "[{\"message\":\"héllo ✓\"}]".getBytes(StandardCharsets.UTF_8),
                "2024-01-01 INFO request served in 12ms\n".repeat(50_000).getBytes(StandardCharsets.UTF_8),
                random);
    }

    private static byte[] decompress(Compression compression, byte[] compressed) {
        return switch (compression) {
            case NoCompression none -> compressed;
            case ZstdCompression zstd -> Zstd.decompress(compressed, (int) Zstd.getFrameContentSize(compressed));
            case GzipCompression gzip -> gunzip(compressed);
        };
    }

    private static byte[] gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
