package dev.logsagent.status;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusTextTest {

    @Test
    void showsEndpointsCountersAndEachIntegrationsSources() {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("type", "file");
        configuration.put("path", "/var/log/nginx/access.log");
        configuration.put("service", "web");
        configuration.put("start_position", "end");
        configuration.put("tags", List.of("env:prod", "team:a"));
        Map<String, Long> metrics = new LinkedHashMap<>();
        metrics.put("LogsProcessed", 12L);
        metrics.put("LogsSent", 10L);
        StatusDocument document = new StatusDocument(new StatusDocument.LogsStats(true,
                List.of("Reliable: Sending compressed logs in HTTPS to intake.example on port 443"), metrics,
                List.of(new StatusDocument.Integration("nginx", List.of(new StatusDocument.Source("file",
                        configuration, "OK", List.of("/var/log/nginx/access.log"),
                        List.of("1 files tailed out of 1 files matching"), List.of("file rotated"), 2048)))),
                List.of("intake answered 403"), List.of("unknown key: foo"),
                List.of(new StatusDocument.Destination("http", "ok", Map.of("payloads", 3L)))),
                Map.of("hostname", "web-1"));

        String text = StatusText.render(document);

        assertThat(text).startsWith("==========\nLogs Agent\n==========\n")
                .contains("    Reliable: Sending compressed logs in HTTPS to intake.example on port 443\n")
                .contains("    LogsProcessed: 12\n    LogsSent: 10\n")
                .contains("  ======\n  Errors\n  ======\n    intake answered 403\n")
                .contains("  ========\n  Warnings\n  ========\n    unknown key: foo\n")
                .contains("    - http: ok\n      payloads: 3\n")
                .contains("  =====\n  nginx\n  =====\n")
                .contains("    - Type: file\n      Path: /var/log/nginx/access.log\n      Service: web\n"
                        + "      Start Position: end\n      Tags: env:prod, team:a\n      Status: OK\n"
                        + "        file rotated\n        1 files tailed out of 1 files matching\n"
                        + "      Inputs:\n        /var/log/nginx/access.log\n      Bytes Read: 2048\n")
                .contains("    hostname: web-1\n");
        assertThat(text.indexOf("LogsSent")).isLessThan(text.indexOf("nginx"));
    }

    @Test
    void saysSoWhenTheLogsAgentIsNotRunning() {
        StatusDocument document = new StatusDocument(new StatusDocument.LogsStats(false, List.of(), Map.of(),
                List.of(), List.of(), List.of(), List.of()), Map.of());

        assertThat(StatusText.render(document)).contains("Logs Agent is not running").doesNotContain("Bytes Read");
    }
}
