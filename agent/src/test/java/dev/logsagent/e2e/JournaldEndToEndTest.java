package dev.logsagent.e2e;

import dev.logsagent.logs.launchers.journald.TestJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A journald source in the real agent: a real journal file, journalctl, the intake, and the registry's cursor. */
class JournaldEndToEndTest {

    private static List<Map<String, Object>> entries(String prefix, int from, int to, String unit) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = from; i < to; i++) {
            entries.add(TestJournal.entry(LogLines.line(prefix, i), "_SYSTEMD_UNIT", unit, "PRIORITY", "3"));
        }
        return entries;
    }

    @Test
    void restartResumesAfterTheSavedCursorWithNothingLostAndNoDuplicate(@TempDir Path dir) throws Exception {
        TestJournal.assumeToolsInstalled();
        Path journal = dir.resolve("system.journal");
        TestJournal.append(journal, entries("j", 0, 200, "app.service"));
        try (AgentHarness h = new AgentHarness(dir)) {
            Path conf = Files.createDirectories(h.confd.resolve("journald.d")).resolve("conf.yaml");
            Files.writeString(conf, """
                    logs:
                      - type: journald
                        path: "%s"
                        source: journald
                        start_position: beginning
                        exclude_units: [noise.service]
                    """.formatted(journal));
            h.start();
            h.awaitMessages(200, Duration.ofSeconds(30));
            String identifier = "journald:" + journal;
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> h.registry().path("Registry").has(identifier));
            assertThat(h.agent().stop()).isZero();
            String saved = h.registry().path("Registry").path(identifier).path("Offset").asString();
            assertThat(saved).startsWith("s=");

            // Written while the agent is down, with entries the source excludes in between.
            TestJournal.append(journal, entries("noise", 0, 10, "noise.service"));
            TestJournal.append(journal, entries("j", 200, 300, "app.service"));
            h.start();
            h.awaitMessages(300, Duration.ofSeconds(30));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> h.intake.logs().size() == 300);

            LogLines.assertExactlyOnceInOrder(h.intake.messages(), "j", 300);
            JsonNode log = h.intake.logs().get(250);
            assertThat(log.path("service").asString()).isEqualTo("app.service");
            assertThat(log.path("status").asString()).isEqualTo("error");
            assertThat(log.path("ddsource").asString()).isEqualTo("journald");
            assertThat(h.registry().path("Registry").path(identifier).path("Offset").asString())
                    .startsWith("s=").isNotEqualTo(saved);
            assertThat(h.agent().stop()).isZero();
        }
    }
}
