package dev.logsagent.cli;

import dev.logsagent.api.LocalApiServer;
import dev.logsagent.config.SourceType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code logs-agent stream-logs}: prints the running agent's processed logs as JSON lines, live, until Ctrl-C. */
@Command(name = "stream-logs",
        description = "Streams the running agent's processed logs, one JSON line each, until interrupted.")
final class StreamLogsCommand implements Callable<Integer> {
    private static final String SKIPPED_PREFIX = "{\"skipped\":";

    @Mixin
    private ClientOptions client;

    @Option(names = "--service", paramLabel = "S", description = "Only logs of this service.")
    private String service;

    @Option(names = "--source", paramLabel = "S", description = "Only logs of this source.")
    private String source;

    @Option(names = "--type", paramLabel = "T",
            description = "Only logs of sources of this type: file, tcp, udp, journald, docker, containerd.")
    private String type;

    @Spec
    private CommandSpec spec;

    StreamLogsCommand() {
        this(new ClientOptions());
    }

    StreamLogsCommand(ClientOptions client) {
        this.client = client;
    }

    @Override
    public Integer call() {
        if (type != null && Arrays.stream(SourceType.values()).noneMatch(t -> t.key().equals(type))) {
            throw new ParameterException(spec.commandLine(), "unknown --type '" + type + "': use one of "
                    + Arrays.stream(SourceType.values()).map(SourceType::key).collect(Collectors.joining(", ")));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> query = new HashMap<>();
        query.put("service", service);
        query.put("source", source);
        query.put("type", type);
        return client.withClient(err, agent -> {
            agent.stream(LocalApiServer.STREAM_LOGS_PATH, query, line -> {
                if (line.startsWith(SKIPPED_PREFIX)) {
                    err.println(line.substring(SKIPPED_PREFIX.length(), line.length() - 1)
                            + " logs skipped: this terminal reads slower than the agent processes");
                    err.flush();
                } else {
                    out.println(line);
                    out.flush();
                }
            });
            err.println("Error: the agent ended the stream (is it stopping?)");
            err.flush();
            return 1;
        });
    }
}
