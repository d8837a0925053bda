package dev.logsagent.cli;

import picocli.CommandLine;

/** Entry point of {@code bin/logs-agent}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RootCommand()).execute(args));
    }
}
