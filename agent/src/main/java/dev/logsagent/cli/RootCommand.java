package dev.logsagent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code logs-agent}: the command groups of the contract. Every command inherits {@code --help} and
 * {@code --version}.
 */
@Command(name = "logs-agent", mixinStandardHelpOptions = true, versionProvider = VersionCommand.class,
        scope = ScopeType.INHERIT,
        description = "Collects logs from files, sockets and containers and ships them at least once.",
        subcommands = {RunCommand.class, StatusCommand.class, CheckConfigCommand.class, ConfigcheckCommand.class,
                StreamLogsCommand.class, VersionCommand.class})
final class RootCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Without a command there is nothing to do: a usage error, like an unknown command. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.commandLine().getCommandSpec().exitCodeOnInvalidInput();
    }
}
