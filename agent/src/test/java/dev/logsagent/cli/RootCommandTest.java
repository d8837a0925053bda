package dev.logsagent.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RootCommandTest {

    @Test
    void anUnknownCommandIsAUsageErrorWithExitCode2() {
        CommandRun run = new CommandRun(new RootCommand());

        assertThat(run.execute("frobnicate")).isEqualTo(2);
        assertThat(run.err.toString()).contains("Unmatched argument").contains("frobnicate");
    }

    @Test
    void noCommandAtAllIsAUsageErrorListingTheCommands() {
        CommandRun run = new CommandRun(new RootCommand());

        assertThat(run.execute()).isEqualTo(2);
        assertThat(run.err.toString()).contains("Missing command").contains("status").contains("stream-logs")
                .contains("version");
    }

    @Test
    void anUnknownOptionOfACommandIsAUsageError() {
        assertThat(new CommandRun(new RootCommand()).execute("status", "--yaml")).isEqualTo(2);
    }

    @Test
    void helpListsTheCommandsAndSucceeds() {
        CommandRun run = new CommandRun(new RootCommand());

        assertThat(run.execute("--help")).isZero();
        assertThat(run.out.toString()).contains("status").contains("stream-logs").contains("version");
    }

    @Test
    void everyCommandTakesHelpAndVersion() {
        CommandRun help = new CommandRun(new RootCommand());
        CommandRun version = new CommandRun(new RootCommand());

        assertThat(help.execute("status", "--help")).isZero();
        assertThat(version.execute("stream-logs", "--version")).isZero();

        assertThat(help.out.toString()).contains("Usage: logs-agent status").contains("--json").contains("--config");
        assertThat(version.out.toString()).startsWith("logs-agent ");
    }
}
