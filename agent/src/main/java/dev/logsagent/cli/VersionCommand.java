package dev.logsagent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code logs-agent version}: version, commit, build date and Java runtime. Also the provider of
 * {@code logs-agent --version}, and {@link #info()} is what the local API serves at {@code /agent/version}.
 */
@Command(name = "version",
        description = "Prints the version, commit, build date and Java runtime.")
final class VersionCommand implements Callable<Integer>, IVersionProvider {
    /** Written by the build (Maven resource filtering). */
    private static final String BUILD_PROPERTIES = "/dev/logsagent/version/build.properties";
    private static final String UNKNOWN = "unknown";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String line : getVersion()) {
            out.println(line);
        }
        out.flush();
        return 0;
    }

    @Override
    public String[] getVersion() {
        Map<String, Object> info = info();
        String dirty = Boolean.TRUE.equals(info.get("dirty")) ? " (with uncommitted changes)" : "";
        return new String[] {
            "logs-agent " + info.get("version"),
            "Commit: " + info.get("commit") + dirty,
            "Build date: " + info.get("build_date"),
            "Java: " + info.get("java_version") + " (" + info.get("java_vendor") + ", " + info.get("java_vm") + ")",
        };
    }

    /** The build and runtime facts, as a flat map. */
    static Map<String, Object> info() {
        Properties build = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILD_PROPERTIES, e);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", built(build, "version"));
        info.put("commit", built(build, "commit"));
        info.put("dirty", Boolean.parseBoolean(build.getProperty("dirty")));
        info.put("build_date", built(build, "date"));
        info.put("java_version", Runtime.version().toString());
        info.put("java_vendor", System.getProperty("java.vendor", UNKNOWN));
        info.put("java_vm", System.getProperty("java.vm.name", UNKNOWN));
        return info;
    }

    /** A value the build filled in; a left-over {@code ${...}} placeholder means the build did not know it. */
    private static String built(Properties build, String key) {
        String value = build.getProperty(key);
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value;
    }
}
