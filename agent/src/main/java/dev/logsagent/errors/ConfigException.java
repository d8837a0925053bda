package dev.logsagent.errors;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration was refused; carries every problem found, not just the first. */
public final class ConfigException extends AgentException {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
