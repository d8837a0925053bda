package dev.logsagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many more files than {@code open_files_limit}: the limit holds, status says so, and every file gets its turn. */
class OpenFilesLimitEndToEndTest {

    @Test
    void twoThousandFilesUnderALimitOf500ShowTheLimitAndAreAllRead(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        int files = 2000;
        for (int f = 0; f < files; f++) {
            LogLines.append(logs.resolve(String.format("f%04d.log", f)), "f" + f, 0, 3);
        }
        try (AgentHarness h = new AgentHarness(dir)) {
            h.logsConfig.put("open_files_limit", 500);
            h.logsConfig.put("file_scan_period", 0.3);
            h.fileSource("many", logs.resolve("*.log").toString(), null);
            h.start();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> sourceInfo(h).contains("500 files tailed out of 2000 files matching"));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> h.intake.logs().size() >= files * 3 || !h.agent().isAlive());
            Set<String> prefixes = new HashSet<>();
            for (String m : h.intake.messages()) {
                prefixes.add(m.substring(0, m.indexOf(' ')));
            }
            assertThat(prefixes).hasSize(files);
            assertThat(h.intake.logs()).hasSize(files * 3);
            assertThat(h.agent().stop()).isZero();
        }
    }

    private static String sourceInfo(AgentHarness h) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (JsonNode integration : h.status().get("logsStats").get("integrations")) {
            for (JsonNode source : integration.get("sources")) {
                source.get("info").forEach(i -> sb.append(i.asString()).append('\n'));
            }
        }
        return sb.toString();
    }
}
