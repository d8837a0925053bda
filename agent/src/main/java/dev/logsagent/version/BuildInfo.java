package dev.logsagent.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What this build of the agent is and what it runs on: the values Maven wrote into {@code build.properties}
 * at build time, plus the Java runtime of the running process.
 *
 * @param version   the project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit    abbreviated git commit, or {@value #UNKNOWN} when built outside git
 * @param dirty     whether the working tree had uncommitted changes at build time
 * @param buildDate ISO-8601 UTC instant of the build, or {@value #UNKNOWN}
 */
public record BuildInfo(String version, String commit, boolean dirty, String buildDate, String javaVersion,
                        String javaVendor) {
    public static final String UNKNOWN = "unknown";
    private static final String RESOURCE = "build.properties";

    /** The build info of the running agent. */
    public static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            // Absent when the classes were built without Maven's resource filtering; report unknowns.
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the classpath", e);
        }
        return from(properties, Runtime.version(), System.getProperty("java.vendor"));
    }

    static BuildInfo from(Properties properties, Runtime.Version javaVersion, String javaVendor) {
        return new BuildInfo(
                known(properties.getProperty("version")),
                known(properties.getProperty("commit")),
                Boolean.parseBoolean(known(properties.getProperty("dirty"))),
                known(properties.getProperty("date")),
                javaVersion.toString(),
                known(javaVendor));
    }

    /** Blank, or a placeholder that the build did not fill in (no git repository), means unknown. */
    private static String known(String value) {
        if (value == null || value.isBlank() || value.contains("${")) {
            return UNKNOWN;
        }
        return value.strip();
    }

    /** The text of {@code logs-agent version}. */
    public String describe() {
        return "logs-agent " + version + "\n"
                + "Commit: " + commit + (dirty ? " (with uncommitted changes)" : "") + "\n"
                + "Built: " + buildDate + "\n"
                + "Java: " + javaVersion + " (" + javaVendor + ")\n";
    }

    /** The same facts for JSON output, in a stable order. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", version);
        out.put("commit", commit);
        out.put("dirty", dirty);
        out.put("build_date", buildDate);
        out.put("java_version", javaVersion);
        out.put("java_vendor", javaVendor);
        return out;
    }
}
