package dev.logsagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The real agent schedules conf.d through autodiscovery, reports refused sources and answers configcheck. */
class ConfigcheckEndToEndTest {
    @Test
    void confdSourcesRunThroughAutodiscoveryAndConfigcheckShowsWhatTheAgentResolved(@TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("app.log");
        LogLines.append(log, "app", 0, 50);
        try (AgentHarness h = new AgentHarness(dir)) {
            h.fileSource("shop", "../app.log", null);
            Path template = Files.writeString(h.confd.resolve("redis.yaml"),
                    "ad_identifiers: [redis]\nlogs:\n  - service: \"%%kube_namespace%%\"\n");
            Path broken = Files.writeString(h.confd.resolve("broken.yaml"), "logs:\n  - type: tcp\n");
            h.start();

            h.awaitMessages(50, Duration.ofSeconds(30));
            LogLines.assertExactlyOnceInOrder(h.intake.messages(), "app", 50);
            assertThat(h.status().get("logsStats").get("errors").get(0).asString()).isEqualTo("integration broken: "
                    + broken + ":2:5: logs[0].port: port is required for a tcp source");

            String printed = h.cli("configcheck");

            assertThat(printed).startsWith("Configs of the agent running on 127.0.0.1:" + h.cmdPort + "\n")
                    .contains("shop  (provider file, from " + h.confd.resolve("shop.d/conf.yaml") + ")\n"
                            + "  - type: file\n    path: " + log + "\n")
                    .contains("=== Templates matching no service ===\n\nredis  (provider file, from " + template
                            + ")\n  ad_identifiers: [redis]\n")
                    .contains("=== Errors ===\n\n  integration broken: " + broken + ":2:5");
            assertThat(h.agent().stop()).isZero();
        }
    }
}
