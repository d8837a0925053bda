package dev.logsagent.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/configuration.md must keep up with the keys the loader knows. */
class ConfigurationDocsTest {
    private static final Path DOCS = Path.of("..", "docs", "configuration.md");

    @Test
    void everyMainFileKeyIsDocumentedWithItsEnvironmentVariable() throws IOException {
        String docs = Files.readString(DOCS);

        for (ConfigKey<?> key : ConfigKeys.ALL) {
            String name = key.path().substring(key.path().lastIndexOf('.') + 1);
            assertThat(docs).as(key.path()).contains("| `" + name + "` |").contains(key.envVars().getFirst());
        }
    }

    @Test
    void everySourceKeyIsDocumented() throws IOException {
        String docs = Files.readString(DOCS);

        for (String key : SourceConfigParser.knownKeys()) {
            assertThat(docs).as(key).contains("`" + key + "`");
        }
    }
}
