package dev.logsagent.cli;

import dev.logsagent.api.LocalApiServer;
import dev.logsagent.status.StatusDocument;
import dev.logsagent.status.StatusText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code logs-agent status [--json]}: what the running agent is doing, from its local API. */
@Command(name = "status",
        description = "Shows what the running agent is doing: sources, inputs, bytes read, logs sent, errors.")
final class StatusCommand implements Callable<Integer> {
    // A newer agent may add fields; an older CLI still shows the ones it knows.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Mixin
    private ClientOptions client;

    @Option(names = "--json", description = "Print the status document as JSON.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    StatusCommand() {
        this(new ClientOptions());
    }

    StatusCommand(ClientOptions client) {
        this.client = client;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return client.withClient(err, agent -> {
            String body = agent.get(LocalApiServer.STATUS_PATH);
            if (json) {
                out.println(body);
            } else {
                StatusDocument document;
                try {
                    document = MAPPER.readValue(body, StatusDocument.class);
                } catch (JacksonException e) {
                    err.println("Error: the agent answered a status this version cannot read: "
                            + e.getOriginalMessage());
                    err.flush();
                    return 1;
                }
                out.print(StatusText.render(document));
            }
            out.flush();
            return 0;
        });
    }
}
