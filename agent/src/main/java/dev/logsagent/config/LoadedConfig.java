package dev.logsagent.config;

import dev.logsagent.errors.ConfigProblem;

import java.util.List;

/** A main config that was accepted, with the warnings found on the way (unknown keys ...). */
public record LoadedConfig(AgentConfig config, List<ConfigProblem> warnings) {
    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
