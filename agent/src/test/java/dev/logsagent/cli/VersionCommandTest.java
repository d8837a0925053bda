package dev.logsagent.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionCommandTest {

    @Test
    void printsVersionCommitBuildDateAndJavaRuntime() {
        CommandRun run = new CommandRun(new RootCommand());

        assertThat(run.execute("version")).isZero();

        String[] lines = run.out.toString().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).matches("logs-agent \\d+\\.\\d+\\.\\d+\\S*");
        assertThat(lines[1]).startsWith("Commit: ");
        assertThat(lines[2]).startsWith("Built: ");
        assertThat(lines[3]).startsWith("Java: " + Runtime.version() + " (");
    }

    @Test
    void dashDashVersionPrintsTheSame() {
        CommandRun command = new CommandRun(new RootCommand());
        CommandRun option = new CommandRun(new RootCommand());

        assertThat(command.execute("version")).isZero();
        assertThat(option.execute("--version")).isZero();

        assertThat(option.out.toString()).isEqualTo(command.out.toString());
    }

}
