package dev.logsagent.config;

import dev.logsagent.errors.ConfigProblem;

import java.util.List;

/** What a {@code logs} list gave: the valid sources, the refused ones, and warnings such as unknown keys. */
public record ParsedSources(List<SourceConfig> sources, List<FailedSource> failed, List<ConfigProblem> warnings) {
    public ParsedSources {
        sources = List.copyOf(sources);
        failed = List.copyOf(failed);
        warnings = List.copyOf(warnings);
    }
}
