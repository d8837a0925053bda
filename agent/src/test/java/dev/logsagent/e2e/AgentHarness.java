package dev.logsagent.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * One agent under test: its folder (config, conf.d, run path, output), the in-test intake it sends to, and the real
 * agent process. Settings are small so tests run fast: short batch wait, frequent scans.
 */
final class AgentHarness implements AutoCloseable {
    static final String API_KEY = "0123456789abcdef0123456789abcdef";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    final Path dir;
    final Path runPath;
    final Path confd;
    final TestIntake intake;
    final int cmdPort;
    final int expvarPort;
    final Map<String, Object> logsConfig = new LinkedHashMap<>();
    /** Extra options for the agent's JVM. */
    final List<String> jvmOptions = new ArrayList<>();
    /** The top-level {@code api_key}; null leaves it out (with {@code logs_dd_url} removed: no intake). */
    String apiKey = API_KEY;
    private AgentProcess agent;
    private int starts;

    AgentHarness(Path dir) throws IOException {
        this.dir = dir;
        this.runPath = dir.resolve("run");
        this.confd = dir.resolve("conf.d");
        Files.createDirectories(confd);
        this.intake = new TestIntake();
        this.cmdPort = AgentProcess.freePort();
        this.expvarPort = AgentProcess.freePort();
        logsConfig.put("logs_dd_url", intake.hostPort());
        logsConfig.put("logs_no_ssl", true);
        logsConfig.put("batch_wait", 0.2);
        logsConfig.put("file_scan_period", 0.2);
        logsConfig.put("close_timeout", 1);
        logsConfig.put("sender_backoff_base", 0.05);
        logsConfig.put("sender_backoff_max", 0.5);
        logsConfig.put("stop_grace_period", 10);
    }

    /** Writes a conf.d integration with one file source. */
    Path fileSource(String integration, String path, String extraYaml) throws IOException {
        Path d = Files.createDirectories(confd.resolve(integration + ".d"));
        return Files.writeString(d.resolve("conf.yaml"), """
                logs:
                  - type: file
                    path: "%s"
                    service: %s-svc
                    source: %s-src
                    start_position: beginning
                """.formatted(path, integration, integration) + (extraYaml == null ? "" : extraYaml.indent(4)));
    }

    Path writeConfig() throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        if (apiKey != null) {
            root.put("api_key", apiKey);
        }
        root.put("hostname", "e2e-host");
        root.put("tags", List.of("env:test"));
        root.put("run_path", runPath.toString());
        root.put("confd_path", confd.toString());
        root.put("cmd_port", cmdPort);
        root.put("expvar_port", expvarPort);
        root.put("logs_enabled", true);
        root.put("logs_config", logsConfig);
        return Files.writeString(dir.resolve("datadog.yaml"), JSON.writeValueAsString(root));
    }

    /** Starts the agent and waits until its local API answers. */
    AgentProcess start() throws IOException {
        Path config = writeConfig();
        Files.deleteIfExists(runPath.resolve("auth_token"));
        agent = new AgentProcess(config, dir.resolve("agent-" + (++starts) + ".log"), jvmOptions).start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> !agent.isAlive() || status().has("logsStats"));
        if (!agent.isAlive()) {
            throw new AssertionError("agent exited at start:\n" + output());
        }
        return agent;
    }

    AgentProcess agent() {
        return agent;
    }

    void awaitMessages(int count, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> intake.logs().size() >= count || !agent.isAlive());
        if (!agent.isAlive() && intake.logs().size() < count) {
            throw new AssertionError("agent exited early:\n" + output());
        }
    }

    /** The running agent's status document, through the local API with its token. */
    JsonNode status() throws IOException, InterruptedException {
        return api("/agent/status");
    }

    /** A JSON answer of the running agent's local API, asked with its token. */
    JsonNode api(String path) throws IOException, InterruptedException {
        String token = Files.readString(runPath.resolve("auth_token")).trim();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + cmdPort + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        }
    }

    /** The registry as the agent last wrote it. */
    JsonNode registry() throws IOException {
        return JSON.readTree(Files.readString(runPath.resolve("registry.json")));
    }

    /** Runs {@code logs-agent <command> -c <this agent's config>} as its own process; returns what it printed. */
    String cli(String command) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process cli = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.logsagent.cli.Main",
                command, "-c", dir.resolve("datadog.yaml").toString()).redirectErrorStream(true).start();
        String printed = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (cli.waitFor() != 0) {
            throw new AssertionError("logs-agent " + command + " exited with " + cli.exitValue() + ":\n" + printed);
        }
        return printed;
    }

    String output() {
        try {
            return agent == null ? "" : agent.output();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (agent != null) {
            agent.close();
        }
        intake.close();
    }
}
