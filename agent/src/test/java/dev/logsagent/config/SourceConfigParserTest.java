package dev.logsagent.config;

import dev.logsagent.errors.ConfigProblem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SourceConfigParserTest {
    private static final String LABEL = "docker label com.datadoghq.ad.logs of container abc";

    @Test
    void parsesAContainerLabelValue() {
        ParsedSources parsed = SourceConfigParser.parseJson(
                "[{\"source\":\"nginx\",\"service\":\"web\",\"tags\":\"team:a, tier:front\"}]", "nginx", LABEL,
                SourceType.DOCKER);

        assertThat(parsed.failed()).isEmpty();
        assertThat(parsed.sources()).singleElement().satisfies(source -> {
            assertThat(source.integration()).isEqualTo("nginx");
            assertThat(source.origin()).isEqualTo(LABEL);
            assertThat(source.type()).isEqualTo(SourceType.DOCKER);
            assertThat(source.source()).isEqualTo("nginx");
            assertThat(source.service()).isEqualTo("web");
            assertThat(source.tags()).containsExactly("team:a", "tier:front");
            assertThat(source.startPosition()).isEqualTo(StartPosition.END);
            assertThat(source.encoding()).isEqualTo(Encoding.UTF_8);
        });
    }

    @Test
    void entryWithoutTypeFailsWhenThereIsNoDefaultType() {
        ParsedSources parsed = SourceConfigParser.parseJson("[{\"source\":\"nginx\"}]", "nginx", LABEL, null);

        assertThat(parsed.sources()).isEmpty();
        assertThat(parsed.failed()).singleElement().satisfies(failed -> {
            assertThat(failed.file()).isEqualTo(LABEL);
            assertThat(failed.problems()).extracting(ConfigProblem::describe)
                    .containsExactly(LABEL + ":1:2: logs[0].type: type is required");
        });
    }

    @Test
    void invalidJsonLabelFailsAsAWhole() {
        ParsedSources parsed = SourceConfigParser.parseJson("[{\"type\": \"docker\"", "x", LABEL, null);

        assertThat(parsed.sources()).isEmpty();
        assertThat(parsed.failed()).singleElement().satisfies(failed ->
                assertThat(failed.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(LABEL);
                    assertThat(p.message()).startsWith("invalid YAML: ");
                }));
    }

    @Test
    void labelThatIsNotAListFails() {
        ParsedSources parsed = SourceConfigParser.parseJson("{\"type\": \"docker\"}", "x", LABEL, null);

        assertThat(parsed.failed()).singleElement().satisfies(failed -> assertThat(failed.problems())
                .extracting(ConfigProblem::describe).containsExactly(LABEL + ":1:1: logs: expected a list, got a mapping"));
    }

    @Test
    void parsesATreeSuchAsAResolvedTemplate() {
        var logs = JsonMapper.shared().readTree("""
                [{"type": "tcp", "port": "10514", "service": "syslog", "idle_timeout": 30, "max_connections": 8,
                  "frame_size": 65536, "format": "rfc5424", "tls": {"cert_file": "/c.pem"}},
                 {"type": "journald", "include_units": ["a.service", "b.service"], "exclude_matches": "X=1, Y=2"},
                 {"type": "docker", "image": "nginx", "label": "team:a", "name": "web",
                  "auto_multi_line_detection": true, "log_processing_rules":
                    [{"type": "multi_line", "name": "starts", "pattern": "^\\\\d{4}"}]}]
                """);

        ParsedSources parsed = SourceConfigParser.parse(logs, "mixed", "docker://abc", null);

        assertThat(parsed.failed()).isEmpty();
        assertThat(parsed.warnings()).isEmpty();
        assertThat(parsed.sources()).hasSize(3);
        SourceConfig tcp = parsed.sources().get(0);
        assertThat(tcp.port()).isEqualTo(10514);
        assertThat(tcp.extra()).containsEntry("idle_timeout", Duration.ofSeconds(30))
                .containsEntry("max_connections", 8).containsEntry("frame_size", 65536)
                .containsEntry("format", "rfc5424").containsEntry("tls", Map.of("cert_file", "/c.pem"));
        SourceConfig journald = parsed.sources().get(1);
        assertThat(journald.extra()).containsEntry("include_units", List.of("a.service", "b.service"))
                .containsEntry("exclude_matches", List.of("X=1", "Y=2"));
        SourceConfig docker = parsed.sources().get(2);
        assertThat(docker.extra()).containsEntry("image", "nginx").containsEntry("label", "team:a")
                .containsEntry("name", "web");
        assertThat(docker.autoMultiLine()).isTrue();
        assertThat(docker.processingRules()).containsExactly(
                new ProcessingRuleConfig(ProcessingRuleType.MULTI_LINE, "starts", "^\\d{4}", null));
    }

    @Test
    void eachBrokenEntryFailsOnItsOwn() {
        var logs = JsonMapper.shared().readTree("""
                [{"type": "file"},
                 {"type": "udp", "service": "a"},
                 {"type": "file", "path": "/var/log/ok.log"},
                 {"type": "windows_event"},
                 {"type": "file", "path": "/x", "encoding": "latin1", "start_position": "middle", "port": 0}]
                """);

        ParsedSources parsed = SourceConfigParser.parse(logs, "app", "conf.d/app.yaml", null);

        assertThat(parsed.sources()).extracting(SourceConfig::path).containsExactly("/var/log/ok.log");
        assertThat(parsed.failed()).extracting(failed -> failed.problems().stream().map(ConfigProblem::describe)
                .toList()).containsExactly(
                List.of("conf.d/app.yaml: logs[0].path: path is required for a file source"),
                List.of("conf.d/app.yaml: logs[1].port: port is required for a udp source"),
                List.of("conf.d/app.yaml: logs[3].type: unknown value 'windows_event'; expected one of file, tcp, "
                        + "udp, journald, docker, containerd"),
                List.of("conf.d/app.yaml: logs[4].encoding: unknown value 'latin1'; expected one of utf-8, "
                                + "utf-16-le, utf-16-be, shift-jis",
                        "conf.d/app.yaml: logs[4].start_position: unknown value 'middle'; expected one of "
                                + "beginning, end, forceBeginning, forceEnd",
                        "conf.d/app.yaml: logs[4].port: must be between 1 and 65535, got 0"));
    }

    @Test
    void unknownSourceKeysWarn() {
        var logs = JsonMapper.shared().readTree("[{\"type\": \"file\", \"path\": \"/a\", \"servce\": \"x\"}]");

        ParsedSources parsed = SourceConfigParser.parse(logs, "app", "conf.d/app.yaml", null);

        assertThat(parsed.sources()).hasSize(1);
        assertThat(parsed.warnings()).extracting(ConfigProblem::describe)
                .containsExactly("conf.d/app.yaml: logs[0].servce: unknown key, ignored");
    }
}
