package dev.logsagent.logs.sender;

import com.github.luben.zstd.Zstd;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.Origin;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.serializer.Compression;
import dev.logsagent.serializer.LogEncoder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchStrategyTest {
    private final LogSource source = TestPayloads.source("app");
    private final InputIdentity input = new InputIdentity("file:/var/log/app.log", "beginning");

    @Test
    void compressesEachPayloadOnceUpFrontWithTheIntakesCompression() throws InterruptedException {
        Compression zstd = Compression.zstd(1);
        List<Payload> payloads = batch(zstd, 250, 100);

        assertThat(payloads).hasSize(3);
        for (Payload p : payloads) {
            assertThat(p.compressedWith()).isSameAs(zstd);
            byte[] body = Arrays.copyOf(p.body(), p.length());
            assertThat(Zstd.decompress(p.compressed(), body.length)).isEqualTo(body);
            assertThat(p.compressedBody(zstd)).as("sent as compressed up front").isSameAs(p.compressed());
        }
    }

    @Test
    void aDestinationWithAnotherCompressionCompressesForItself() throws InterruptedException {
        Payload p = batch(Compression.zstd(1), 10, 10).getFirst();
        Compression gzip = Compression.gzip(6);

        byte[] gzipped = p.compressedBody(gzip);

        assertThat(gzipped).isNotSameAs(p.compressed());
        assertThat(gzipped[0] & 0xFF).isEqualTo(0x1F);
        assertThat(gzipped[1] & 0xFF).isEqualTo(0x8B);
    }

    @Test
    void leavesPayloadsUncompressedWhenTheIntakeDoesNotCompress() throws InterruptedException {
        Payload p = batch(Compression.none(), 10, 10).getFirst();

        assertThat(p.compressed()).isNull();
        assertThat(p.compressedWith()).isNull();
    }

    private List<Payload> batch(Compression compression, int logs, int perPayload) throws InterruptedException {
        List<Payload> payloads = new ArrayList<>();
        BatchStrategy batch = new BatchStrategy(perPayload, 5_000_000, Duration.ofSeconds(5),
                new LogEncoder("host", List.of()), payloads::add, System::nanoTime, new PayloadBuffers(2),
                compression);
        for (int i = 1; i <= logs; i++) {
            batch.add(Message.of("log line number " + i, new Origin(source, input, i)));
        }
        batch.flush();
        return payloads;
    }
}
