package dev.logsagent.config;

import dev.logsagent.errors.ConfigProblem;

import java.util.List;

/** Everything found in a conf.d folder, in a deterministic order (file names sorted). */
public record ConfdResult(List<SourceConfig> sources, List<LogsTemplate> templates, List<FailedSource> failed,
                          List<ConfigProblem> warnings) {
    public ConfdResult {
        sources = List.copyOf(sources);
        templates = List.copyOf(templates);
        failed = List.copyOf(failed);
        warnings = List.copyOf(warnings);
    }
}
