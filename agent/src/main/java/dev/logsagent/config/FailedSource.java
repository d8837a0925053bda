package dev.logsagent.config;

import dev.logsagent.errors.ConfigProblem;

import java.util.List;

/**
 * A log source (or a whole conf.d file) that was refused; the others beside it still run.
 *
 * @param file where it was defined: a conf.d file, or another origin such as a container label
 */
public record FailedSource(String integration, String file, List<ConfigProblem> problems) {
    public FailedSource {
        problems = List.copyOf(problems);
    }
}
