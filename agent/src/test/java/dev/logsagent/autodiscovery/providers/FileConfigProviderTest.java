package dev.logsagent.autodiscovery.providers;

import dev.logsagent.autodiscovery.IntegrationConfig;
import dev.logsagent.config.FailedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileConfigProviderTest {
    @TempDir
    Path confd;

    private Path write(String name, String yaml) throws IOException {
        Path file = confd.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yaml);
    }

    @Test
    void aFileOfSourcesIsOneConfigReadyToRunAndAFileWithAdIdentifiersATemplate() throws Exception {
        Path app = write("app.d/conf.yaml", """
                logs:
                  - type: file
                    path: logs/app.log
                    service: shop
                  - type: tcp
                    port: 10514
                """);
        Path redis = write("redis.yaml", """
                ad_identifiers: [redis, redis-cache]
                logs:
                  - type: docker
                    service: "%%kube_namespace%%-cache"
                """);
        FileConfigProvider provider = new FileConfigProvider(confd);

        List<IntegrationConfig> configs = provider.collect();

        assertThat(configs).hasSize(2);
        IntegrationConfig plain = configs.get(0);
        assertThat(plain.name()).isEqualTo("app");
        assertThat(plain.provider()).isEqualTo("file");
        assertThat(plain.origin()).isEqualTo(app.toString());
        assertThat(plain.isTemplate()).isFalse();
        assertThat(plain.logs().get(0).get("path").asString()).isEqualTo(confd.resolve("logs/app.log").toString());
        assertThat(plain.logs().get(1).get("port").asInt()).isEqualTo(10514);
        IntegrationConfig template = configs.get(1);
        assertThat(template.name()).isEqualTo("redis");
        assertThat(template.origin()).isEqualTo(redis.toString());
        assertThat(template.adIdentifiers()).containsExactly("redis", "redis-cache");
        assertThat(template.logs().get(0).get("service").asString()).isEqualTo("%%kube_namespace%%-cache");
        assertThat(provider.problems()).isEmpty();
    }

    @Test
    void isUpToDateUntilAFileIsAddedChangedTouchedOrRemoved() throws Exception {
        Path app = write("app.d/conf.yaml", "logs:\n  - type: file\n    path: /var/log/a.log\n");
        FileConfigProvider provider = new FileConfigProvider(confd);
        assertThat(provider.isUpToDate()).isFalse();
        provider.collect();
        assertThat(provider.isUpToDate()).isTrue();

        Files.writeString(app, "logs:\n  - type: file\n    path: /var/log/ab.log\n");
        assertThat(provider.isUpToDate()).isFalse();
        provider.collect();
        assertThat(provider.isUpToDate()).isTrue();

        Files.setLastModifiedTime(app, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(provider.isUpToDate()).isFalse();
        provider.collect();

        Path added = write("app.d/second.yaml", "logs:\n  - type: udp\n    port: 514\n");
        assertThat(provider.isUpToDate()).isFalse();
        assertThat(provider.collect()).hasSize(2);

        Files.delete(added);
        assertThat(provider.isUpToDate()).isFalse();
        assertThat(provider.collect()).hasSize(1);
        assertThat(provider.isUpToDate()).isTrue();
    }

    @Test
    void brokenFilesAndSourcesAreReportedWithTheirLineWhileTheOthersLoad() throws Exception {
        Path broken = write("broken.d/conf.yaml", "logs:\n  - type: file\n    path: [unclosed\n");
        Path halfBad = write("web.d/conf.yaml", """
                logs:
                  - type: file
                    path: /var/log/web.log
                  - type: tcp
                    service: no-port
                """);
        write("good.yaml", "logs:\n  - type: udp\n    port: 514\n");
        FileConfigProvider provider = new FileConfigProvider(confd);

        List<IntegrationConfig> configs = provider.collect();

        assertThat(configs).extracting(IntegrationConfig::name).containsExactly("good", "web");
        assertThat(provider.problems()).extracting(FailedSource::file).containsExactly(broken.toString(),
                halfBad.toString());
        assertThat(provider.problems().get(0).problems().getFirst().describe()).startsWith(broken + ":4:")
                .contains("invalid YAML");
        assertThat(provider.problems().get(1).problems().getFirst().describe())
                .isEqualTo(halfBad + ":4:5: logs[1].port: port is required for a tcp source");
    }

    @Test
    void unknownKeysAreWarningsAndTheSourceStillLoads() throws Exception {
        write("app.yaml", "logs:\n  - type: udp\n    port: 514\n    colour: blue\n");
        FileConfigProvider provider = new FileConfigProvider(confd);

        assertThat(provider.collect()).hasSize(1);
        assertThat(provider.warnings()).singleElement().asString().contains("colour");
    }

    @Test
    void aMissingFolderHoldsNoConfigs() throws Exception {
        FileConfigProvider provider = new FileConfigProvider(confd.resolve("absent"));

        assertThat(provider.collect()).isEmpty();
        assertThat(provider.isUpToDate()).isTrue();
        assertThat(provider.problems()).isEmpty();
    }
}
