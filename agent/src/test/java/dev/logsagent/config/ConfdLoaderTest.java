package dev.logsagent.config;

import dev.logsagent.errors.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ConfdLoaderTest {
    @TempDir
    Path confd;

    @Test
    void readsBothLayoutsInNameOrder() throws IOException {
        write("nginx.d/conf.yaml", """
                logs:
                  - type: file
                    path: /var/log/nginx/access.log
                    service: web
                    source: nginx
                    start_position: beginning
                  - type: file
                    path: /var/log/nginx/error.log
                    exclude_paths: [/var/log/nginx/old.log]
                """);
        write("nginx.d/conf.yaml.example", "logs: [{type: file}]\n");
        write("app.yml", """
                logs:
                  - type: tcp
                    port: 10514
                    tags: [team:a]
                """);
        write("notes.txt", "not config\n");

        ConfdResult result = ConfdLoader.load(confd);

        assertThat(result.failed()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.sources()).extracting(SourceConfig::integration, SourceConfig::type, SourceConfig::origin)
                .containsExactly(
                        tuple("app", SourceType.TCP, confd.resolve("app.yml").toString()),
                        tuple("nginx", SourceType.FILE, confd.resolve("nginx.d/conf.yaml").toString()),
                        tuple("nginx", SourceType.FILE, confd.resolve("nginx.d/conf.yaml").toString()));
        SourceConfig access = result.sources().get(1);
        assertThat(access.path()).isEqualTo("/var/log/nginx/access.log");
        assertThat(access.service()).isEqualTo("web");
        assertThat(access.source()).isEqualTo("nginx");
        assertThat(access.startPosition()).isEqualTo(StartPosition.BEGINNING);
        assertThat(result.sources().get(2).excludePaths()).containsExactly("/var/log/nginx/old.log");
        assertThat(result.sources().get(0).tags()).containsExactly("team:a");
    }

    @Test
    void fileWithAdIdentifiersIsATemplateKeptRaw() throws IOException {
        Path file = write("redis.d/auto_conf.yaml", """
                ad_identifiers:
                  - redis
                  - redis-server
                logs:
                  - type: tcp
                    port: "%%port%%"
                    source: redis
                """);

        ConfdResult result = ConfdLoader.load(confd);

        assertThat(result.sources()).isEmpty();
        assertThat(result.failed()).isEmpty();
        assertThat(result.templates()).singleElement().satisfies(template -> {
            assertThat(template.integration()).isEqualTo("redis");
            assertThat(template.file()).isEqualTo(file.toString());
            assertThat(template.adIdentifiers()).containsExactly("redis", "redis-server");
            assertThat(template.logs().get(0).get("port").stringValue()).isEqualTo("%%port%%");
        });
    }

    @Test
    void templateWithBadIdentifiersFails() throws IOException {
        Path file = write("redis.yaml", "ad_identifiers: redis\nlogs: [{type: tcp}]\n");

        ConfdResult result = ConfdLoader.load(confd);

        assertThat(result.templates()).isEmpty();
        assertThat(result.failed()).singleElement().satisfies(failed -> assertThat(failed.problems())
                .extracting(ConfigProblem::describe)
                .containsExactly(file + ":1:1: ad_identifiers: expected a list of identifiers, got 'redis'"));
    }

    @Test
    void oneBadSourceDoesNotStopTheOthersOfItsFile() throws IOException {
        Path file = write("app.d/conf.yaml", """
                logs:
                  - type: file
                    path: /var/log/app/a.log
                  - type: file
                    service: b
                  - type: tcp
                  - type: file
                    path: /var/log/app/c.log
                    log_processing_rules:
                      - type: mask_sequences
                        name: mask
                        pattern: 'x'
                """);

        ConfdResult result = ConfdLoader.load(confd);

        assertThat(result.sources()).extracting(SourceConfig::path)
                .containsExactly("/var/log/app/a.log");
        assertThat(result.failed()).extracting(FailedSource::integration).containsOnly("app");
        assertThat(result.failed()).extracting(FailedSource::file).containsOnly(file.toString());
        assertThat(result.failed()).flatExtracting(FailedSource::problems).extracting(ConfigProblem::describe)
                .containsExactly(
                        file + ":4:5: logs[1].path: path is required for a file source",
                        file + ":6:5: logs[2].port: port is required for a tcp source",
                        file + ":10:9: logs[3].log_processing_rules[0].replace_placeholder: "
                                + "replace_placeholder is required for mask_sequences");
    }

    @Test
    void brokenYamlFileFailsAloneWithLineAndColumn() throws IOException {
        Path broken = write("broken.yaml", "logs:\n  - type: file\n    path: [unclosed\n");
        write("good.yaml", "logs:\n  - type: udp\n    port: 514\n");

        ConfdResult result = ConfdLoader.load(confd);

        assertThat(result.sources()).extracting(SourceConfig::integration).containsExactly("good");
        assertThat(result.failed()).singleElement().satisfies(failed -> {
            assertThat(failed.integration()).isEqualTo("broken");
            assertThat(failed.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(broken.toString());
                assertThat(p.line()).isEqualTo(4);
                assertThat(p.column()).isEqualTo(1);
                assertThat(p.message()).startsWith("invalid YAML: ");
            });
        });
    }

    @Test
    void logsThatIsNotAListFailsTheFile() throws IOException {
        Path file = write("app.yaml", "logs:\n  type: file\n");

        ConfdResult result = ConfdLoader.load(confd);

        assertThat(result.failed()).singleElement().satisfies(failed -> assertThat(failed.problems())
                .extracting(ConfigProblem::describe).containsExactly(file + ":1:1: logs: expected a list, got a mapping"));
    }

    @Test
    void checkConfigsWithoutLogsAndEmptyFilesAreSkipped() throws IOException {
        write("disk.d/conf.yaml", "init_config:\ninstances:\n  - use_mount: false\n");
        write("empty.yaml", "");

        ConfdResult result = ConfdLoader.load(confd);

        assertThat(List.of(result.sources(), result.templates(), result.failed(), result.warnings()))
                .allSatisfy(list -> assertThat(list).isEmpty());
    }

    @Test
    void unknownSourceKeysWarnWithTheirLine() throws IOException {
        Path file = write("app.yaml", "logs:\n  - type: file\n    path: /a.log\n    sevice: typo\n");

        ConfdResult result = ConfdLoader.load(confd);

        assertThat(result.sources()).hasSize(1);
        assertThat(result.warnings()).extracting(ConfigProblem::describe)
                .containsExactly(file + ":4:5: logs[0].sevice: unknown key, ignored");
    }

    @Test
    void missingFolderHoldsNoSources() {
        ConfdResult result = ConfdLoader.load(confd.resolve("absent"));

        assertThat(result.sources()).isEmpty();
        assertThat(result.failed()).isEmpty();
    }

    private Path write(String name, String content) throws IOException {
        Path file = confd.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
