package dev.logsagent.autodiscovery.listeners.docker;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DockerEventTest {
    private static final String CONTAINER = "ede54ee1afda366ab42f824e8a5ffd195155d853ceaec74a927f249ea270c743";

    private static JsonNode recorded() {
        return FakeDockerDaemon.JSON.readTree(FakeDockerDaemon.read("event_dockerjava_1.24_create.json"));
    }

    @Test
    void readsTypeActionActorAndTime() {
        DockerEvent event = DockerEvent.fromJson(recorded());

        assertThat(event.type()).isEqualTo("container");
        assertThat(event.action()).isEqualTo("create");
        assertThat(event.id()).isEqualTo(CONTAINER);
        assertThat(event.attributes()).containsExactly(entry("com.example.some-label", "some-label-value"),
                entry("image", "alpine"), entry("name", "my-container"));
        assertThat(event.timeNano()).isEqualTo(1461943101381709551L);
        assertThat(event.time()).isEqualTo(Instant.ofEpochSecond(1461943101, 381709551));
    }

    @Test
    void fallsBackToTheLegacyFieldsOfOldDaemons() {
        ObjectNode legacy = (ObjectNode) recorded();
        legacy.remove("Type");
        legacy.remove("Action");
        legacy.remove("Actor");
        legacy.remove("timeNano");

        DockerEvent event = DockerEvent.fromJson(legacy);

        assertThat(event.type()).isEqualTo("container");
        assertThat(event.action()).isEqualTo("create");
        assertThat(event.id()).isEqualTo(CONTAINER);
        assertThat(event.attributes()).containsExactly(entry("image", "alpine"));
        assertThat(event.time()).isEqualTo(Instant.ofEpochSecond(1461943101));
    }
}
