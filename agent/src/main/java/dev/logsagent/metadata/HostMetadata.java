package dev.logsagent.metadata;

import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.version.BuildInfo;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this agent says about itself and its host: the hostname and where it came from, the host tags, the
 * agent's build, the operating system, how long it has run and which kinds of sources it reads. Served at
 * {@value #PATH} and included in the status document.
 */
public final class HostMetadata {
    public static final String PATH = "/agent/metadata";

    private final ResolvedHostname hostname;
    private final List<String> hostTags;
    private final BuildInfo build;
    private final Sources sources;
    private final InstantSource clock;
    private final Instant startedAt;

    /** The agent counts as started now. */
    public HostMetadata(ResolvedHostname hostname, List<String> hostTags, BuildInfo build, Sources sources,
                        InstantSource clock) {
        this.hostname = hostname;
        this.hostTags = List.copyOf(hostTags);
        this.build = build;
        this.sources = sources;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** A fresh snapshot, in a stable key order. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hostname", hostname.name());
        out.put("hostname_source", hostname.source());
        out.put("host_tags", hostTags);
        out.put("version", build.version());
        out.put("agent", build.toMap());
        Map<String, Object> os = new LinkedHashMap<>();
        os.put("name", System.getProperty("os.name"));
        os.put("version", System.getProperty("os.version"));
        os.put("arch", System.getProperty("os.arch"));
        out.put("os", os);
        out.put("started_at", startedAt.toString());
        out.put("uptime_seconds", Duration.between(startedAt, clock.instant()).toSeconds());
        out.put("enabled_sources", sourcesByType());
        return out;
    }

    /** How many sources of each type ({@code file}, {@code docker} ...) are configured now. */
    private Map<String, Integer> sourcesByType() {
        Map<String, Integer> counts = new TreeMap<>();
        for (LogSource source : sources.all()) {
            counts.merge(source.config().type().key(), 1, Integer::sum);
        }
        return counts;
    }
}
