package dev.logsagent.bench.live;

import com.github.luben.zstd.Zstd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class LiveIntakeTest {
    private final RunClock clock = RunClock.start();
    private final DeliveryLedger ledger = new DeliveryLedger(4);
    private final HttpClient http = HttpClient.newHttpClient();
    private LiveIntake intake;

    @AfterEach
    void close() {
        http.close();
        if (intake != null) {
            intake.close();
        }
    }

    private static String stamped(int file, long seq) {
        byte[] stamp = new byte[LineStamp.LENGTH];
        LineStamp.format(stamp, 0, file, seq, 0);
        return new String(stamp, StandardCharsets.US_ASCII) + "GET /x \\\"quoted\\\"";
    }

    private static byte[] array(String... messages) {
        StringBuilder sb = new StringBuilder("[");
        for (String m : messages) {
            sb.append(sb.length() > 1 ? "," : "").append("{\"message\":\"").append(m)
                    .append("\",\"status\":\"info\",\"ddtags\":\"a:b\",\"timestamp\":1}");
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private int post(byte[] body, String encoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + intake.port()
                + "/api/v2/logs")).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.toByteArray();
    }

    @Test
    void countsTheStampedLinesOfZstdGzipAndPlainArrays() throws Exception {
        intake = new LiveIntake(ledger, clock, 0, 0);

        assertThat(post(Zstd.compress(array(stamped(0, 0), stamped(0, 1))), "zstd")).isEqualTo(200);
        assertThat(post(gzip(array(stamped(1, 0), "someone else's line")), "gzip")).isEqualTo(200);
        assertThat(post(array(stamped(0, 1)), null)).isEqualTo(200);

        DeliveryLedger.Totals t = ledger.totals();
        assertThat(t.distinct()).isEqualTo(3);
        assertThat(t.duplicates()).isEqualTo(1);
        assertThat(t.unstamped()).isEqualTo(1);
        assertThat(intake.counters().requests()).isEqualTo(3);
        assertThat(intake.counters().firstAcceptedNanos()).isNotNegative();
    }

    @Test
    void rejectsABodyItCannotReadAndCountsNothingOfIt() throws Exception {
        intake = new LiveIntake(ledger, clock, 0, 0);
        byte[] cut = array(stamped(0, 0), stamped(0, 1));

        assertThat(post(java.util.Arrays.copyOf(cut, cut.length - 30), null)).isEqualTo(400);
        assertThat(post(array(stamped(0, 0)), "zstd")).isEqualTo(400);

        assertThat(ledger.totals().records()).isZero();
        assertThat(intake.counters().rejected()).isEqualTo(2);
        assertThat(intake.counters().lastRejection()).contains("zstd");
    }

    @Test
    void aSlowIntakeHoldsEveryAnswerAndRefusesItsShare() throws Exception {
        double[] draws = {0.1, 0.9};
        int[] next = {0};
        intake = new LiveIntake(ledger, clock, 150, 0.5, () -> draws[next[0]++ % 2]);

        long start = System.nanoTime();
        assertThat(post(array(stamped(2, 0)), null)).isEqualTo(503);
        assertThat(post(array(stamped(2, 0)), null)).isEqualTo(200);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
        assertThat(intake.counters().refused()).isEqualTo(1);
        assertThat(ledger.totals().distinct()).isEqualTo(1);
        assertThat(ledger.totals().duplicates()).isZero();
    }
}
