package dev.logsagent.bench.live;

import dev.logsagent.api.AgentClient;
import dev.logsagent.api.AuthToken;
import dev.logsagent.errors.TransportException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real agent, {@code bin/logs-agent run -c FILE} from the project folder, as a child process: its config (JSON,
 * which is valid YAML) and conf.d are written into the run's folder, its output goes to {@code agent.log} there.
 */
final class AgentUnderTest implements AutoCloseable {
    private static final String API_KEY = "0123456789abcdef0123456789abcdef";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final long POLL_MILLIS = 250;

    private final Path project;
    private final Path config;
    private final Path runPath;
    private final Path output;
    private final int cmdPort;
    private Process process;

    private AgentUnderTest(Path project, Path config, Path runPath, Path output, int cmdPort) {
        this.project = project;
        this.config = config;
        this.runPath = runPath;
        this.output = output;
        this.cmdPort = cmdPort;
    }

    /** Writes {@code datadog.yaml} and {@code conf.d/live.d/conf.yaml} into {@code dir}: one file source, a glob. */
    static AgentUnderTest configure(LiveTailOptions options, Path dir, String glob, int intakePort) throws IOException {
        Path runPath = Files.createDirectories(dir.resolve("run"));
        Path confd = Files.createDirectories(dir.resolve("conf.d").resolve("live.d"));
        Map<String, Object> logsConfig = new LinkedHashMap<>();
        logsConfig.put("logs_dd_url", "127.0.0.1:" + intakePort);
        logsConfig.put("logs_no_ssl", true);
        logsConfig.put("use_compression", !options.compression().equals("none"));
        if (!options.compression().equals("none")) {
            logsConfig.put("compression_kind", options.compression());
        }
        logsConfig.put("open_files_limit", options.openFilesLimit());
        int cmdPort = freePort();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("api_key", API_KEY);
        root.put("hostname", "live-bench");
        root.put("logs_enabled", true);
        root.put("run_path", runPath.toString());
        root.put("confd_path", confd.getParent().toString());
        // The local API and telemetry default to 5001/5000: free ports, so another agent on the box is no bother.
        root.put("cmd_port", cmdPort);
        root.put("expvar_port", freePort());
        root.put("logs_config", logsConfig);
        Path config = dir.resolve("datadog.yaml");
        Files.writeString(config, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "file");
        source.put("path", glob);
        source.put("service", "live");
        source.put("source", "live");
        source.put("start_position", options.startPosition());
        Files.writeString(confd.resolve("conf.yaml"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("logs", List.of(source))));
        return new AgentUnderTest(options.project(), config, runPath, dir.resolve("agent.log"), cmdPort);
    }

    void start() throws IOException {
        Path launcher = project.resolve("bin").resolve("logs-agent");
        if (!Files.isExecutable(launcher)) {
            throw new IOException(launcher + " not found or not executable: --project must name a logs-agent checkout");
        }
        process = new ProcessBuilder(launcher.toString(), "run", "-c", config.toString()).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        Process started = process;
        // An interrupted run (Ctrl-C) must not leave the agent behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (started.isAlive()) {
                started.destroyForcibly();
            }
        }));
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Waits until the agent's status lists {@code expected} inputs (files being tailed).
     *
     * @return false when the agent exited or the time ran out first
     */
    boolean awaitTailing(int expected, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline && isAlive()) {
            if (tailedInputs() >= expected) {
                return true;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return false;
    }

    /** Inputs the running agent reports, or -1 while its local API is not up. */
    int tailedInputs() throws InterruptedException {
        try (AgentClient client = new AgentClient("127.0.0.1", cmdPort, AuthToken.read(runPath))) {
            JsonNode status = JSON.readTree(client.get("/agent/status"));
            int inputs = 0;
            for (JsonNode integration : status.path("logsStats").path("integrations")) {
                for (JsonNode source : integration.path("sources")) {
                    inputs += source.path("inputs").size();
                }
            }
            return inputs;
        } catch (TransportException e) {
            return -1;
        }
    }

    /** SIGTERM, then SIGKILL after {@code graceSeconds}; returns the exit code. */
    int stop(long graceSeconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    /** The last {@code chars} of the agent's output. */
    String outputTail(int chars) {
        try (RandomAccessFile f = new RandomAccessFile(output.toFile(), "r")) {
            long from = Math.max(0, f.length() - chars);
            byte[] tail = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
