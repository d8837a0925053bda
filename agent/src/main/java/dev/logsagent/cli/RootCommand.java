package dev.logsagent.cli;

import picocli.CommandLine.Command;

/** {@code logs-agent}: the command groups of the contract. */
@Command(name = "logs-agent", mixinStandardHelpOptions = true,
        description = "Collects logs from files, sockets and containers and ships them at least once.")
final class RootCommand {
}
