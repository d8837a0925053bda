package dev.logsagent.logs.auditor;

import dev.logsagent.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Registries written by others, by older versions, or damaged: picked up where possible, never a crash. */
class AuditorRegistryRecoveryTest {
    static final Duration TTL = Duration.ofHours(23);
    static final Duration BY_HAND = Duration.ofHours(1);

    @TempDir
    Path runPath;

    final ManualClock clock = new ManualClock(Instant.parse("2024-01-02T04:00:00Z"));

    Auditor startedAuditor() {
        Auditor auditor = new Auditor(runPath, TTL, clock, BY_HAND);
        auditor.start();
        return auditor;
    }

    Path registryFile() {
        return runPath.resolve("registry.json");
    }

    void writeRegistry(String json) throws IOException {
        Files.writeString(registryFile(), json);
    }

    @Test
    void readsARegistryWrittenByTheDatadogAgent() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("datadog-agent-registry.json")) {
            Files.write(registryFile(), in.readAllBytes());
        }

        try (Auditor auditor = startedAuditor()) {
            assertThat(auditor.get("file:/var/log/app.log")).contains(new RegistryEntry(
                    "1234", Instant.parse("2024-01-02T03:04:05.123456789Z"), "end", null));
            assertThat(auditor.get("journald:default")).map(RegistryEntry::offset).hasValueSatisfying(
                    offset -> assertThat(offset).startsWith("s=0a1b2c3d4e5f46a7b8c9d0e1f2a3b4c5;i=2a1;"));
            assertThat(auditor.get("journald:default")).map(RegistryEntry::tailingMode).contains("");
            assertThat(auditor.get("journald:default")).map(RegistryEntry::lastUpdated)
                    .contains(Instant.parse("2024-01-02T03:04:01.500Z"));
            assertThat(auditor.get("docker:3f7b4c2d9e8a1b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c"))
                    .map(RegistryEntry::offset).contains("2024-01-02T03:04:04.987654321Z");
            assertThat(auditor.problems()).isEmpty();
        }
    }

    @Test
    void readsAVersion1RegistryAndRewritesItAsVersion2() throws IOException {
        writeRegistry("""
                {"Version": 1, "Registry": {
                  "file:/var/log/a.log": {"Offset": 300, "Timestamp": "", "LastUpdated": "2024-01-02T05:04:05+02:00"},
                  "docker:abc": {"Offset": 0, "Timestamp": "2024-01-02T03:00:00.000000001Z",
                                 "LastUpdated": "2024-01-02T03:04:05Z"},
                  "file:/var/log/never-read.log": {"Offset": 0, "Timestamp": "", "LastUpdated": "2024-01-02T03:04:05Z"}
                }}""");

        try (Auditor auditor = startedAuditor()) {
            assertThat(auditor.get("file:/var/log/a.log"))
                    .contains(new RegistryEntry("300", Instant.parse("2024-01-02T03:04:05Z"), null, null));
            assertThat(auditor.get("docker:abc")).map(RegistryEntry::offset).contains("2024-01-02T03:00:00.000000001Z");
            assertThat(auditor.get("file:/var/log/never-read.log")).as("no position to resume from").isEmpty();
            auditor.flush();
        }

        assertThat(JsonMapper.shared().readTree(registryFile().toFile()).get("Version").intValue()).isEqualTo(2);
    }

    @Test
    void readsAVersion0RegistryKeyedByBarePaths() throws IOException {
        writeRegistry("""
                {"Version": 0, "Registry": {
                  "/var/log/a.log": {"Path": "/var/log/a.log", "Timestamp": "2024-01-02T03:04:05.5Z", "Offset": 77}
                }}""");

        try (Auditor auditor = startedAuditor()) {
            assertThat(auditor.get("file:/var/log/a.log"))
                    .contains(new RegistryEntry("77", Instant.parse("2024-01-02T03:04:05.5Z"), null, null));
        }
    }

    @Test
    void registryThatWasNeverFilledIsEmpty() throws IOException {
        writeRegistry("{\"Version\":2,\"Registry\":null}");

        try (Auditor auditor = startedAuditor()) {
            assertThat(auditor.get("file:/x.log")).isEmpty();
            assertThat(auditor.problems()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "  \n",
            "{\"Version\":2,\"Registry\":{\"file:/var/log/app.log\":{\"Offset\":\"12",
            "{\"Version\":2,\"Registry\":{}} trailing",
            "\u0000\u0000\u0000\u0000",
            "[1, 2]",
            "{\"Registry\":{}}",
            "{\"Version\":\"2\",\"Registry\":{}}",
            "{\"Version\":2,\"Registry\":[]}",
            "{\"Version\":3,\"Registry\":{}}",
    })
    void unreadableRegistryIsReportedAndMovedAsideAndTheAgentStartsEmpty(String content) throws IOException {
        writeRegistry(content);

        try (Auditor auditor = startedAuditor()) {
            assertThat(auditor.problems()).singleElement().asString()
                    .contains(registryFile().toString(), "was corrupt (",
                            "moved aside to " + runPath.resolve("registry.json.corrupt"))
                    .doesNotContain("\n");
            assertThat(runPath.resolve("registry.json.corrupt")).hasContent(content);
            assertThat(registryFile()).doesNotExist();

            auditor.commit("file:/var/log/app.log", "5", "end", null);
        }

        try (Auditor restarted = startedAuditor()) {
            assertThat(restarted.get("file:/var/log/app.log")).map(RegistryEntry::offset).contains("5");
            assertThat(restarted.problems()).isEmpty();
        }
    }

    @Test
    void unsupportedVersionIsNamedInTheReport() throws IOException {
        writeRegistry("{\"Version\":3,\"Registry\":{}}");

        try (Auditor auditor = startedAuditor()) {
            assertThat(auditor.problems()).singleElement().asString().contains("Version 3 is not supported");
        }
    }

    @Test
    void truncatedRegistryReportSaysWhy() throws IOException {
        writeRegistry("{\"Version\":2,\"Registry\":{\"file:/a.log\":{\"Offset\":\"1");

        try (Auditor auditor = startedAuditor()) {
            assertThat(auditor.problems()).singleElement().asString().contains("not valid JSON", "end-of-input");
        }
    }

    @Test
    void entryThatCannotBeUnderstoodIsDroppedAndTheOthersKept() throws IOException {
        writeRegistry("""
                {"Version": 2, "Registry": {
                  "file:/good.log": {"Offset": "10", "LastUpdated": "2024-01-02T03:04:05Z"},
                  "file:/no-offset.log": {"LastUpdated": "2024-01-02T03:04:05Z"},
                  "file:/bad-time.log": {"Offset": "10", "LastUpdated": "yesterday"},
                  "file:/not-an-object.log": 12
                }}""");

        try (Auditor auditor = startedAuditor()) {
            assertThat(auditor.get("file:/good.log")).isPresent();
            assertThat(auditor.get("file:/no-offset.log")).isEmpty();
            assertThat(auditor.problems()).hasSize(3).anySatisfy(p -> assertThat(p)
                    .contains("\"file:/bad-time.log\" was dropped", "\"yesterday\""));
            auditor.flush();
        }

        String rewritten = Files.readString(registryFile(), StandardCharsets.UTF_8);
        assertThat(rewritten).contains("good.log").doesNotContain("bad-time.log");
        assertThat(runPath.resolve("registry.json.corrupt")).doesNotExist();
    }

    @Test
    void registryThatCannotBeReadIsReportedNotThrown() throws IOException {
        Files.createDirectories(registryFile().resolve("inside"));

        try (Auditor auditor = startedAuditor()) {
            assertThat(auditor.problems()).singleElement().asString()
                    .contains(registryFile().toString(), "could not be read");
            auditor.commit("file:/a.log", "1", "end", null);
        }
    }
}
