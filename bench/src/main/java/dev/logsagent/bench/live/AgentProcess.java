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
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The real agent, {@code bin/logs-agent run -c FILE} from the project folder, as a child process, with whatever
 * sources a bench gives it: its config (JSON, which is valid YAML) and {@code conf.d/bench.d/conf.yaml} are written
 * into the run's folder, its output goes to {@code agent.log} there, and its status is read from its local API.
 */
final class AgentProcess implements AutoCloseable {
    private static final String API_KEY = "0123456789abcdef0123456789abcdef";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final long STATUS_POLL_MILLIS = 250;

    private final Path project;
    private final Path config;
    private final Path runPath;
    private final Path output;
    private final int cmdPort;
    private Process process;

    private AgentProcess(Path project, Path config, Path runPath, Path output, int cmdPort) {
        this.project = project;
        this.config = config;
        this.runPath = runPath;
        this.output = output;
        this.cmdPort = cmdPort;
    }

    /**
     * Writes {@code datadog.yaml} (logs on, sent to {@code logsConfig}'s intake, the local API and telemetry on
     * free ports) and the sources into {@code dir}.
     *
     * @param logsConfig the {@code logs_config} section as is
     * @param sources    the {@code logs} entries of the one integration, {@code bench}
     */
    /**
     * The {@code logs_config} that sends to this process's intake on 127.0.0.1: plain HTTP, {@code compression}
     * {@code none}, {@code zstd} or {@code gzip}. Mutable, for a bench's own settings.
     */
    static Map<String, Object> intakeConfig(int intakePort, String compression) {
        Map<String, Object> logsConfig = new LinkedHashMap<>();
        logsConfig.put("logs_dd_url", "127.0.0.1:" + intakePort);
        logsConfig.put("logs_no_ssl", true);
        logsConfig.put("use_compression", !compression.equals("none"));
        if (!compression.equals("none")) {
            logsConfig.put("compression_kind", compression);
        }
        return logsConfig;
    }

    static AgentProcess configure(Path project, Path dir, Map<String, Object> logsConfig,
                                  List<Map<String, Object>> sources) throws IOException {
        Path runPath = Files.createDirectories(dir.resolve("run"));
        Path confd = Files.createDirectories(dir.resolve("conf.d").resolve("bench.d"));
        int cmdPort = freePort();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("api_key", API_KEY);
        root.put("hostname", "bench");
        root.put("logs_enabled", true);
        root.put("run_path", runPath.toString());
        root.put("confd_path", confd.getParent().toString());
        // The local API and telemetry default to 5001/5000: free ports, so another agent on the box is no bother.
        root.put("cmd_port", cmdPort);
        root.put("expvar_port", freePort());
        root.put("logs_config", logsConfig);
        Path config = dir.resolve("datadog.yaml");
        Files.writeString(config, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Files.writeString(confd.resolve("conf.yaml"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("logs", sources)));
        return new AgentProcess(project, config, runPath, dir.resolve("agent.log"), cmdPort);
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

    /** The agent's {@code /agent/status} document, or null while its local API is not up. */
    JsonNode status() throws InterruptedException {
        try (AgentClient client = new AgentClient("127.0.0.1", cmdPort, AuthToken.read(runPath))) {
            return JSON.readTree(client.get("/agent/status"));
        } catch (TransportException e) {
            return null;
        }
    }

    /**
     * Polls {@link #status} until what {@code read} makes of it (null: nothing yet) satisfies {@code done}.
     *
     * @return the reading, the last one when {@code timeoutNanos} ran out first, or null when there was none or
     *         the agent exited
     */
    <T> T awaitStatus(Function<JsonNode, T> read, Predicate<T> done, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        T last = null;
        while (isAlive()) {
            T now = read.apply(status());
            last = now == null ? last : now;
            if (now != null && done.test(now)) {
                return now;
            }
            if (System.nanoTime() - deadline >= 0) {
                return last;
            }
            Thread.sleep(STATUS_POLL_MILLIS);
        }
        return null;
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

    /** A port nothing listens on now (another process may take it before the agent does: rare on one box). */
    static int freePort() throws IOException {
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
