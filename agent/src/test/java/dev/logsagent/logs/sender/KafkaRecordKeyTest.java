package dev.logsagent.logs.sender;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaRecordKeyTest {
    private final KafkaRecordKey keys = new KafkaRecordKey();

    private String keyOf(Payload payload, int record) {
        return new String(keys.of(payload.body(), payload.recordStarts()[record], payload.recordEnds()[record]),
                StandardCharsets.UTF_8);
    }

    @Test
    void keyIsHostnameSlashDdsourceOfTheEncodedRecord() throws InterruptedException {
        Payload p = TestPayloads.encoded("web-1", "m", 2, 10, TestPayloads.source("nginx"),
                TestPayloads.source("app")).getFirst();

        assertThat(keyOf(p, 0)).isEqualTo("web-1/nginx");
        assertThat(keyOf(p, 1)).isEqualTo("web-1/app");
    }

    @Test
    void fieldNamesInsideTheContentAreNotMistakenForTheFields() {
        Payload p = TestPayloads.of(0, "{\"message\":\"x\\\",\\\"hostname\\\":\\\"evil\\\",\\\"ddsource\\\":\\\"evil\","
                + "\"status\":\"info\",\"timestamp\":1,\"hostname\":\"web-1\",\"service\":\"s\",\"ddsource\":\"db\","
                + "\"ddtags\":\"note:\\\",\\\"ddsource\\\":\\\"evil\"}");

        assertThat(keyOf(p, 0)).isEqualTo("web-1/db");
    }

    @Test
    void aRecordWithoutDdsourceIsKeyedByItsHostAlone() {
        Payload p = TestPayloads.of(0, "{\"message\":\"m\",\"status\":\"info\",\"timestamp\":1,\"hostname\":\"web-1\","
                + "\"service\":\"s\",\"ddtags\":\"a:b\"}");

        assertThat(keyOf(p, 0)).isEqualTo("web-1/");
    }

    @Test
    void consecutiveRecordsOfOneSourceShareOneKeyArray() throws InterruptedException {
        Payload p = TestPayloads.encoded("web-1", "m", 3, 10, TestPayloads.source("nginx")).getFirst();

        List<byte[]> arrays = List.of(keys.of(p.body(), p.recordStarts()[0], p.recordEnds()[0]),
                keys.of(p.body(), p.recordStarts()[1], p.recordEnds()[1]),
                keys.of(p.body(), p.recordStarts()[2], p.recordEnds()[2]));

        assertThat(arrays.get(1)).isSameAs(arrays.get(0));
        assertThat(arrays.get(2)).isSameAs(arrays.get(0));
    }
}
