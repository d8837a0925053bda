package dev.logsagent.bench.live;

import dev.logsagent.status.StatusDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerStatusTest {
    private static StatusDocument.Source source(String type, String... info) {
        return new StatusDocument.Source(type, Map.of("type", type), "OK", List.of(), List.of(info), List.of(), 0);
    }

    @Test
    void readsTheCountersOfTheTcpSource() {
        JsonNode status = AgentStatus.of(source("file", "2 files tailed out of 2 files matching"),
                source("tcp", "1000 connections open, 1003 accepted, 3 refused over max_connections (1000)"));

        assertThat(ListenerStatus.of(status)).isEqualTo(new ListenerStatus(1000, 1003, 3));
    }

    @Test
    void countsNoRefusalsWithoutAConnectionLimit() {
        assertThat(ListenerStatus.of(AgentStatus.of(source("tcp", "0 connections open, 0 accepted"))))
                .isEqualTo(new ListenerStatus(0, 0, 0));
    }

    @Test
    void isNullUntilATcpSourceReportsConnections() {
        assertThat(ListenerStatus.of(null)).isNull();
        assertThat(ListenerStatus.of(AgentStatus.of(source("tcp")))).isNull();
        assertThat(ListenerStatus.of(AgentStatus.of(source("udp", "5 datagrams longer than frame_size (9000) cut"))))
                .isNull();
    }
}
