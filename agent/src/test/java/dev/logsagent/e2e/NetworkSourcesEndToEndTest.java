package dev.logsagent.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real agent with {@code tcp} and {@code udp} sources in conf.d, fed by util-linux {@code logger} (RFC 3164 and
 * 5424, newline and octet-counted framing) and by a plain socket client.
 */
class NetworkSourcesEndToEndTest {

    @Test
    void loggerMessagesArriveWithTheirStatusHostServiceTagsAndText(@TempDir Path dir) throws Exception {
        int tcp = AgentProcess.freePort();
        int tcpWithService = AgentProcess.freePort();
        int plain = AgentProcess.freePort();
        int udp = freeUdpPort();
        try (AgentHarness h = new AgentHarness(dir)) {
            Path conf = Files.createDirectories(h.confd.resolve("net.d")).resolve("conf.yaml");
            Files.writeString(conf, """
                    logs:
                      - {type: tcp, port: %d, bind_host: 127.0.0.1, format: syslog, source: syslog}
                      - {type: udp, port: %d, bind_host: 127.0.0.1, format: syslog, source: syslog}
                      - {type: tcp, port: %d, bind_host: 127.0.0.1, format: syslog, service: billing}
                      - {type: tcp, port: %d, bind_host: 127.0.0.1, service: plain-svc}
                    """.formatted(tcp, udp, tcpWithService, plain));
            h.start();
            long sentAt = System.currentTimeMillis();

            logger(tcp, "--tcp", "--rfc3164", "-p", "local0.err", "-t", "app", "tcp-3164");
            logger(tcp, "--tcp", "--rfc5424", "--octet-count", "-p", "local0.warning", "-t", "app", "--msgid", "M7",
                    "--sd-id", "order@32473", "--sd-param", "id=\"42\"", "tcp-5424-octets");
            logger(tcp, "--tcp", "--rfc5424", "-p", "local0.info", "-t", "app", "tcp-5424-lines");
            logger(udp, "--udp", "--rfc3164", "-p", "local0.notice", "-t", "app", "udp-3164");
            logger(udp, "--udp", "--rfc5424", "-p", "local0.debug", "-t", "app", "udp-5424");
            logger(tcpWithService, "--tcp", "--rfc5424", "-p", "user.crit", "-t", "cron", "service-kept");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), plain)) {
                s.getOutputStream().write("a plain line\n".getBytes(StandardCharsets.UTF_8));
            }
            h.awaitMessages(7, Duration.ofSeconds(30));

            Map<String, JsonNode> logs = new HashMap<>();
            h.intake.logs().forEach(l -> logs.put(l.get("message").asString(), l));
            assertThat(logs).containsOnlyKeys("tcp-3164", "tcp-5424-octets", "tcp-5424-lines", "udp-3164",
                    "udp-5424", "service-kept", "a plain line");
            assertLog(logs.get("tcp-3164"), "error", "app", sentAt);
            assertLog(logs.get("tcp-5424-octets"), "warn", "app", sentAt);
            assertLog(logs.get("tcp-5424-lines"), "info", "app", sentAt);
            assertLog(logs.get("udp-3164"), "notice", "app", sentAt);
            assertLog(logs.get("udp-5424"), "debug", "app", sentAt);
            assertLog(logs.get("service-kept"), "critical", "billing", sentAt);
            assertThat(logs.get("tcp-3164").get("timestamp").asLong() % 1000)
                    .as("RFC 3164 timestamps have whole seconds: this one came from the message").isZero();
            assertThat(tags(logs.get("tcp-5424-octets"))).contains("source_host:127.0.0.1", "syslog.appname:app",
                    "syslog.msgid:M7", "syslog.sd.order@32473.id:42", "env:test");
            assertThat(logs.get("tcp-5424-octets").get("ddsource").asString()).isEqualTo("syslog");
            assertThat(tags(logs.get("service-kept"))).contains("syslog.appname:cron");

            JsonNode line = logs.get("a plain line");
            assertThat(line.get("hostname").asString()).isEqualTo("e2e-host");
            assertThat(line.get("service").asString()).isEqualTo("plain-svc");
            assertThat(line.get("status").asString()).isEqualTo("info");
            assertThat(tags(line)).contains("source_host:127.0.0.1", "env:test");

            List<String> inputs = new ArrayList<>();
            for (JsonNode integration : h.status().get("logsStats").get("integrations")) {
                for (JsonNode source : integration.get("sources")) {
                    assertThat(source.get("status").asString()).isEqualTo("OK");
                    source.get("inputs").forEach(i -> inputs.add(i.asString()));
                }
            }
            assertThat(inputs).contains("tcp://127.0.0.1:" + tcp, "udp://127.0.0.1:" + udp);
            assertThat(h.agent().stop()).isZero();
        }
    }

    private static void assertLog(JsonNode log, String status, String service, long sentAt) throws IOException {
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        assertThat(log.get("status").asString()).isEqualTo(status);
        assertThat(log.get("service").asString()).isEqualTo(service);
        assertThat(log.get("hostname").asString()).isIn(host, host.split("\\.")[0]);
        assertThat(log.get("timestamp").asLong()).isBetween(sentAt - 60_000, System.currentTimeMillis() + 60_000);
    }

    private static List<String> tags(JsonNode log) {
        return List.of(log.get("ddtags").asString().split(","));
    }

    private static void logger(int port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("logger", "-n", "127.0.0.1", "-P", Integer.toString(port)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
