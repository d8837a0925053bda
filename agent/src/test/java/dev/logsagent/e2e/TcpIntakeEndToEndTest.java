package dev.logsagent.e2e;

import dev.logsagent.logs.sender.TcpTestIntake;
import dev.logsagent.logs.sender.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real agent sending to a TCP intake over TLS, trusting a private CA through the JVM's trust store. */
class TcpIntakeEndToEndTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void deliversEveryLineOverTlsAsApiKeyAndJsonAndAdvancesOffsets(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        LogLines.append(log, "t", 0, 2000);
        try (AgentHarness h = new AgentHarness(dir); TcpTestIntake intake =
                new TcpTestIntake(TestCertificates.serverContext())) {
            h.logsConfig.put("force_use_tcp", true);
            h.logsConfig.put("logs_no_ssl", false);
            h.logsConfig.put("logs_dd_url", "127.0.0.1:" + intake.port());
            h.jvmOptions.addAll(List.of("-Djavax.net.ssl.trustStore=" + TestCertificates.truststore(),
                    "-Djavax.net.ssl.trustStorePassword=" + TestCertificates.PASSWORD,
                    "-Djavax.net.ssl.trustStoreType=PKCS12"));
            h.fileSource("shop", log.toString(), null);
            h.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> intake.lines().size() >= 2000 || !h.agent().isAlive());
            List<String> messages = new ArrayList<>();
            for (String line : intake.lines()) {
                assertThat(line).startsWith(AgentHarness.API_KEY + " {");
                JsonNode log0 = JSON.readTree(line.substring(AgentHarness.API_KEY.length() + 1));
                assertThat(log0.get("hostname").asString()).isEqualTo("e2e-host");
                assertThat(log0.get("service").asString()).isEqualTo("shop-svc");
                messages.add(log0.get("message").asString());
            }
            LogLines.assertExactlyOnceInOrder(messages, "t", 2000);
            // One connection per pipeline; the file is pinned to one of them.
            List<JsonNode> destinations = new ArrayList<>();
            h.status().get("logsStats").get("destinations").forEach(destinations::add);
            assertThat(destinations).isNotEmpty().allSatisfy(d -> assertThat(d.get("name").asString())
                    .isEqualTo("tcp+tls://127.0.0.1:" + intake.port()));
            assertThat(destinations).anySatisfy(d -> assertThat(d.get("state").asString()).isEqualTo("connected"));

            assertThat(h.agent().stop()).isZero();
            assertThat(h.registry().get("Registry").get("file:" + log).get("Offset").asString())
                    .isEqualTo(Long.toString(Files.size(log)));
        }
    }
}
