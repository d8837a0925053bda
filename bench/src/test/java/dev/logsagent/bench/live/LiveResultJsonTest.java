package dev.logsagent.bench.live;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveResultJsonTest {

    private static final Delivery DELIVERY = new Delivery(9, 10, 1, 1, 0, 1.5, 2, 3, 4, 0.25, 5);

    private static RunEnding ending(String error, String agentLogTail) {
        return new RunEnding(0.5, null, false, 3, 0, 0, null, 0.1, 0.2, 0.3, 0, 0.7, 0, error, agentLogTail);
    }

    private static List<String> names(String json) {
        JsonNode node = JsonMapper.builder().build().readTree(json);
        return node.propertyNames().stream().toList();
    }

    @Test
    void printsTheSharedPartsInlineInTheirPlaceWithoutAbsentValues() {
        TcpFanInResult result = new TcpFanInResult("tcp-fan-in", 2, 1024, 1, "zstd", 0, 0.25, 10, 1700, 0.01, 0, 0,
                DELIVERY, 80, 90, 85, 0.8, null, 2, 0, ending(null, null));

        assertThat(names(LiveBenchMain.json(result))).containsExactly("bench", "connections", "rate_bytes_per_s",
                "duration_s", "compression", "intake_delay_ms", "intake_503_fraction", "lines_sent", "bytes_sent",
                "send_mib_per_s", "sender_late_writes", "send_failures", "lines_received", "records_received", "lost",
                "duplicated", "unstamped", "lag_ms_p50", "lag_ms_p90", "lag_ms_p99", "lag_ms_max", "agent_cpu_s",
                "agent_cpu_pct", "rss_connected_mib", "peak_rss_mib", "rss_end_mib", "listening_s",
                "connections_accepted", "connections_refused", "first_byte_s", "drained", "requests",
                "requests_refused", "requests_rejected", "wire_mib", "decoded_mib", "harness_cpu_s", "other_cpu_s",
                "loadavg_1m", "agent_exit");
        assertThat(result.clean()).isFalse();
    }

    @Test
    void printsTheErrorAndTheAgentsLastOutputWhenARunFailed() {
        LiveTailResult result = new LiveTailResult("live-tail", 2, 1024, 1, "none", "end", 0, 0, 500, 0, 0, 0, 0,
                new Delivery(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0), 80, 80, null,
                ending("the agent exited during the run", "boom"));

        String json = LiveBenchMain.json(result);

        assertThat(json).contains("\"lost\":0", "\"error\":\"the agent exited during the run\"",
                "\"agent_log_tail\":\"boom\"").doesNotContain("ready_s", "delivery", "ending");
        assertThat(result.clean()).isFalse();
    }

    @Test
    void isCleanWhenEveryLineArrivedWithoutError() {
        LiveTailResult result = new LiveTailResult("live-tail", 2, 1024, 1, "none", "end", 0, 0, 500, 9, 1530, 0, 0,
                new Delivery(9, 9, 0, 0, 0, 0, 0, 0, 0, 1, 0), 80, 80, 0.5, ending(null, null));

        assertThat(result.clean()).isTrue();
    }
}
