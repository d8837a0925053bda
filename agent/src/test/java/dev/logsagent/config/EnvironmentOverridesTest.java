package dev.logsagent.config;

import dev.logsagent.errors.ConfigException;
import dev.logsagent.errors.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EnvironmentOverridesTest {
    @TempDir
    Path dir;

    @Test
    void environmentWinsOverTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("datadog.yaml"), """
                api_key: from-file-0000000000000000000000
                logs_enabled: false
                logs_config:
                  batch_wait: 3
                  logs_dd_url: file.example.com:443
                """);

        AgentConfig config = ConfigLoader.load(file, Map.of(
                "DD_API_KEY", "from-env-00000000000000000000000",
                "DD_LOGS_ENABLED", "true",
                "DD_LOGS_CONFIG_BATCH_WAIT", "0.5",
                "DD_LOGS_CONFIG_LOGS_DD_URL", "env.example.com:10516")).config();

        assertThat(config.apiKey()).isEqualTo("from-env-00000000000000000000000");
        assertThat(config.logsEnabled()).isTrue();
        assertThat(config.logsConfig().batchWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.logsConfig().logsDdUrl()).isEqualTo("env.example.com:10516");
    }

    @Test
    void everyKnownKeyHasItsEnvironmentVariable() {
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertThat(key.envVars().getFirst())
                    .isEqualTo("DD_" + key.path().toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        AgentConfig config = ConfigLoader.load(null, Map.of("DD_HOSTNAME", "web-2", "DD_SITE", "datadoghq.eu",
                "DD_LOGS_CONFIG_PIPELINES", "3", "DD_LOGS_CONFIG_COMPRESSION_KIND", "gzip",
                "DD_LOGS_CONFIG_PODS_PATH", "/srv/pods")).config();

        assertThat(config.hostname()).isEqualTo("web-2");
        assertThat(config.site()).isEqualTo("datadoghq.eu");
        assertThat(config.logsConfig().pipelines()).isEqualTo(3);
        assertThat(config.logsConfig().compressionKind()).isEqualTo(CompressionKind.GZIP);
        assertThat(config.logsConfig().podsPath()).isEqualTo(Path.of("/srv/pods"));
    }

    @Test
    void tagsAcceptJsonOrSpaceSeparatedWords() {
        assertThat(ConfigLoader.load(null, Map.of("DD_TAGS", "[\"a:b\",\"c:d\"]")).config().tags())
                .containsExactly("a:b", "c:d");
        assertThat(ConfigLoader.load(null, Map.of("DD_TAGS", "a:b  c:d\te:f")).config().tags())
                .containsExactly("a:b", "c:d", "e:f");
    }

    @Test
    void listsOfObjectsAreJson() {
        AgentConfig config = ConfigLoader.load(null, Map.of(
                "DD_LOGS_CONFIG_PROCESSING_RULES",
                "[{\"type\":\"mask_sequences\",\"name\":\"m\",\"pattern\":\"\\\\d+\",\"replace_placeholder\":\"#\"}]",
                "DD_LOGS_CONFIG_ADDITIONAL_ENDPOINTS",
                "[{\"api_key\":\"k2\",\"Host\":\"second.example.com\",\"Port\":443,\"is_reliable\":false}]"))
                .config();

        assertThat(config.logsConfig().processingRules()).containsExactly(
                new ProcessingRuleConfig(ProcessingRuleType.MASK_SEQUENCES, "m", "\\d+", "#"));
        assertThat(config.logsConfig().additionalEndpoints()).containsExactly(
                new EndpointConfig("k2", "second.example.com", 443, true, false));
    }

    @Test
    void problemsOfEnvironmentValuesNameTheVariable() {
        List<ConfigProblem> problems = problemsOf(Map.of(
                "DD_LOGS_CONFIG_BATCH_WAIT", "soon",
                "DD_LOGS_CONFIG_PROCESSING_RULES", "[{\"type\":\"exclude_at_match\",\"name\":\"x\",\"pattern\":\"(?=a)\"}]",
                "DD_CMD_PORT", "99999"));

        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isNull());
        assertThat(problems).extracting(ConfigProblem::describe).containsExactlyInAnyOrder(
                "DD_LOGS_CONFIG_BATCH_WAIT: expected a number of seconds, got 'soon'",
                "DD_LOGS_CONFIG_PROCESSING_RULES[0].pattern: not a valid RE2 pattern: "
                        + "invalid or unsupported Perl syntax: `(?=`",
                "DD_CMD_PORT: must be between 0 and 65535, got '99999'");
    }

    @Test
    void invalidJsonIsReportedWithoutEchoingTheValue() {
        List<ConfigProblem> problems = problemsOf(Map.of(
                "DD_LOGS_CONFIG_ADDITIONAL_ENDPOINTS", "[{\"api_key\": secretsecretsecret}]"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.keyPath()).isEqualTo("DD_LOGS_CONFIG_ADDITIONAL_ENDPOINTS");
            assertThat(p.message()).startsWith("not valid JSON").doesNotContain("secret");
        });
    }

    @Test
    void fileProblemsAndEnvironmentProblemsAreReportedTogether() throws IOException {
        Path file = Files.writeString(dir.resolve("datadog.yaml"), "logs_config:\n  batch_max_size: -1\n");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(file, Map.of("DD_LOGS_ENABLED", "perhaps")));

        assertThat(e.problems()).extracting(ConfigProblem::describe).containsExactly(
                "DD_LOGS_ENABLED: expected true or false, got 'perhaps'",
                file + ":2:3: logs_config.batch_max_size: must be between 1 and 100000, got -1");
    }

    @Test
    void environmentReplacesAWrongFileValue() throws IOException {
        Path file = Files.writeString(dir.resolve("datadog.yaml"), "logs_config:\n  batch_wait: abc\n");

        assertThat(ConfigLoader.load(file, Map.of("DD_LOGS_CONFIG_BATCH_WAIT", "2")).config().logsConfig()
                .batchWait()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void dockerHostHonoursDockerHostButPrefersTheDdVariable() {
        assertThat(ConfigLoader.load(null, Map.of("DOCKER_HOST", "tcp://a:2375")).config().dockerHost())
                .isEqualTo("tcp://a:2375");
        assertThat(ConfigLoader.load(null, Map.of("DOCKER_HOST", "tcp://a:2375", "DD_DOCKER_HOST", "tcp://b:2375"))
                .config().dockerHost()).isEqualTo("tcp://b:2375");
    }

    @Test
    void emptyVariablesCountAsUnset() {
        AgentConfig config = ConfigLoader.load(null, Map.of("DD_SITE", "", "DD_LOGS_CONFIG_BATCH_WAIT", ""))
                .config();

        assertThat(config.site()).isEqualTo("datadoghq.com");
        assertThat(config.logsConfig().batchWait()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void confdPathFromTheEnvironmentIsExplicit() {
        AgentConfig config = ConfigLoader.load(null, Map.of("DD_CONFD_PATH", "/etc/agent/conf.d")).config();

        assertThat(config.confdPath()).isEqualTo(Path.of("/etc/agent/conf.d"));
        assertThat(config.confdPathExplicit()).isTrue();
    }

    private static List<ConfigProblem> problemsOf(Map<String, String> env) {
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(null, env)).problems();
    }
}
