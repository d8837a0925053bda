package dev.logsagent.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Exit codes of run, check-config and configcheck: 0 done, 2 configuration refused, 1 other fatal errors. */
class AgentCommandsExitCodesTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static Path config(Path dir, String yaml) throws IOException {
        return Files.writeString(dir.resolve("datadog.yaml"), yaml);
    }

    @Test
    void checkConfigAcceptsAValidConfigWithItsSources(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("conf.d/app.d"));
        Files.writeString(dir.resolve("conf.d/app.d/conf.yaml"), "logs:\n  - type: file\n    path: /var/log/a.log\n");
        assertThat(execute("check-config", "-c", config(dir, "hostname: h\n").toString())).isZero();
        assertThat(out.toString()).contains("configuration OK: 1 log source(s)");
    }

    @Test
    void checkConfigRefusesWithEveryProblemOfMainFileListed(@TempDir Path dir) throws IOException {
        Path file = config(dir, """
                logs_config:
                  compression_kind: lzma
                  batch_wait: abc
                """);
        assertThat(execute("check-config", "-c", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(file + ":2").contains("compression_kind")
                .contains(file + ":3").contains("batch_wait");
    }

    @Test
    void checkConfigRefusesABrokenConfdSourceNamingFileAndKey(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("conf.d/app.d"));
        Path source = Files.writeString(dir.resolve("conf.d/app.d/conf.yaml"), """
                logs:
                  - type: file
                    service: no-path
                  - type: tcp
                    service: no-port
                """);
        assertThat(execute("check-config", "-c", config(dir, "hostname: h\n").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(source.toString()).contains("logs[0]").contains("path")
                .contains("logs[1]").contains("port");
    }

    @Test
    void runRefusesABadConfigWithExitCode2(@TempDir Path dir) throws IOException {
        Path file = config(dir, "cmd_port: 99999999\n");
        assertThat(execute("run", "-c", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cmd_port");
    }

    @Test
    void runFailsWithOneLineWhenThePortIsInUse(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path file = config(dir, "cmd_port: " + taken.getLocalPort() + "\nexpvar_port: 0\n");
            assertThat(execute("run", "-c", file.toString())).isEqualTo(1);
            assertThat(err.toString().strip()).isEqualTo(
                    "logs-agent: local API port 127.0.0.1:" + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void runFailsWithOneLineWhenRunPathIsNotWritable(@TempDir Path dir) throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path file = config(dir, "run_path: " + blocker.resolve("run") + "\ncmd_port: 0\nexpvar_port: 0\n");
        assertThat(execute("run", "-c", file.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("logs-agent: run_path " + blocker.resolve("run"))
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void runFailsWithOneLineWhenTheConfiguredConfdPathIsMissing(@TempDir Path dir) throws IOException {
        Path file = config(dir, "confd_path: " + dir.resolve("nowhere") + "\ncmd_port: 0\nexpvar_port: 0\n");
        assertThat(execute("run", "-c", file.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "logs-agent: confd_path " + dir.resolve("nowhere") + " does not exist or is not a folder");
    }

    @Test
    void configcheckListsTheFileProvidersConfigsAndTemplates(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("conf.d/app.d"));
        Files.writeString(dir.resolve("conf.d/app.d/conf.yaml"),
                "logs:\n  - type: file\n    path: /var/log/a.log\n    service: shop\n");
        Files.writeString(dir.resolve("conf.d/redis.yaml"),
                "ad_identifiers: [redis]\nlogs:\n  - type: docker\n    service: cache\n");
        assertThat(execute("configcheck", "-c", config(dir, "hostname: h\n").toString())).isZero();
        assertThat(out.toString()).contains("app").contains("path: /var/log/a.log").contains("service: shop")
                .contains("redis").contains("ad_identifiers: [redis]");
    }
}
