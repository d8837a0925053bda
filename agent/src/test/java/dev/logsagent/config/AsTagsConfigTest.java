package dev.logsagent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AsTagsConfigTest {

    @Test
    void labelsEnvAndAnnotationsAsTagsAreReadFromTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("datadog.yaml"), """
                container_labels_as_tags:
                  com.example.team: team
                container_env_as_tags:
                  APP_TIER: tier
                kubernetes_pod_labels_as_tags:
                  app: kube_app
                kubernetes_pod_annotations_as_tags:
                  owner: owner
                """);
        AsTagsConfig asTags = ConfigLoader.load(file, Map.of()).config().asTags();
        assertThat(asTags.containerLabels()).containsExactly(Map.entry("com.example.team", "team"));
        assertThat(asTags.containerEnv()).containsExactly(Map.entry("APP_TIER", "tier"));
        assertThat(asTags.podLabels()).containsExactly(Map.entry("app", "kube_app"));
        assertThat(asTags.podAnnotations()).containsExactly(Map.entry("owner", "owner"));
    }

    @Test
    void environmentJsonWinsOverTheFileAndDefaultsAreEmpty(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("datadog.yaml"), "container_labels_as_tags: {a: b}\n");
        AsTagsConfig asTags = ConfigLoader.load(file,
                Map.of("DD_CONTAINER_LABELS_AS_TAGS", "{\"com.example.team\":\"team\"}")).config().asTags();
        assertThat(asTags.containerLabels()).containsExactly(Map.entry("com.example.team", "team"));
        assertThat(ConfigLoader.load(null, Map.of()).config().asTags())
                .isEqualTo(new AsTagsConfig(Map.of(), Map.of(), Map.of(), Map.of()));
    }
}
