package dev.logsagent.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real agent as a separate JVM ({@code logs-agent run -c FILE}), so tests can stop it with SIGTERM or kill it
 * with SIGKILL like a node would.
 */
final class AgentProcess implements AutoCloseable {
    private final Path config;
    private final Path output;
    private final List<String> jvmOptions;
    private Process process;

    AgentProcess(Path config, Path output) {
        this(config, output, List.of());
    }

    /** @param jvmOptions extra options for the agent's JVM, such as {@code -Djavax.net.ssl.trustStore=...} */
    AgentProcess(Path config, Path output, List<String> jvmOptions) {
        this.config = config;
        this.output = output;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    AgentProcess start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.logsagent.cli.Main", "run", "-c",
                config.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("DD_"));
        process = pb.start();
        return this;
    }

    /** SIGTERM and wait for a clean exit; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no final flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
