package dev.logsagent.api;

import dev.logsagent.errors.StartupException;
import dev.logsagent.errors.TransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthTokenTest {
    @TempDir
    Path runPath;

    @Test
    void writesAHexTokenOfThirtyTwoRandomBytesReadableByTheOwnerOnly() throws Exception {
        AuthToken token = AuthToken.create(runPath.resolve("state"));

        Path file = runPath.resolve("state").resolve("auth_token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String written = Files.readString(file);
        assertThat(written).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(token.matches(written)).isTrue();
        assertThat(token.toString()).doesNotContain(written);
        try (var files = Files.list(runPath.resolve("state"))) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void eachStartGetsANewTokenThatClientsRead() {
        AuthToken first = AuthToken.create(runPath);
        AuthToken second = AuthToken.create(runPath);

        AuthToken read = AuthToken.read(runPath);

        assertThat(read.bearerHeader()).isEqualTo(second.bearerHeader()).isNotEqualTo(first.bearerHeader());
    }

    @Test
    void matchesOnlyTheExactToken() throws Exception {
        AuthToken token = AuthToken.create(runPath);
        String value = Files.readString(runPath.resolve("auth_token"));

        assertThat(token.matches(value)).isTrue();
        assertThat(token.matches(value.substring(1))).isFalse();
        assertThat(token.matches(value + "0")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void readingWithNoTokenAsksWhetherTheAgentRuns() {
        assertThatThrownBy(() -> AuthToken.read(runPath))
                .isInstanceOf(TransportException.class)
                .hasMessage("no auth token at " + runPath.resolve("auth_token") + ": is the agent running?");
    }

    @Test
    void failsToStartWhenTheRunPathCannotHoldTheToken() throws Exception {
        Path notAFolder = Files.writeString(runPath.resolve("file"), "x");

        assertThatThrownBy(() -> AuthToken.create(notAFolder))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("cannot write the local API auth token " + notAFolder.resolve("auth_token"));
    }
}
