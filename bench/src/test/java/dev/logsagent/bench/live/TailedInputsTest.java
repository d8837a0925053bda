package dev.logsagent.bench.live;

import dev.logsagent.status.StatusDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TailedInputsTest {
    private static StatusDocument.Source source(String... inputs) {
        return new StatusDocument.Source("file", Map.of("type", "file"), "OK", List.of(inputs), List.of(), List.of(),
                0);
    }

    @Test
    void countsTheInputsOfEverySource() {
        assertThat(TailedInputs.of(AgentStatus.of(source("/logs/a.log", "/logs/b.log"), source("/other/c.log"))))
                .isEqualTo(3);
        assertThat(TailedInputs.of(AgentStatus.of(source()))).isZero();
    }

    @Test
    void isNullWhileTheAgentHasNoStatusToGive() {
        assertThat(TailedInputs.of(null)).isNull();
    }
}
