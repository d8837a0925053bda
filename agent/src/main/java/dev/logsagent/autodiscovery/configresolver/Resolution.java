package dev.logsagent.autodiscovery.configresolver;

import dev.logsagent.autodiscovery.scheduler.ResolvedConfig;

import java.util.List;

/**
 * What resolving a config gave.
 *
 * @param resolved null when nothing can be scheduled: a variable had no value, or every source was refused
 * @param errors   why it, or some of its sources, were not scheduled; one line each, naming the config's origin
 * @param warnings such as unknown keys in a source that was still scheduled
 */
public record Resolution(ResolvedConfig resolved, List<String> errors, List<String> warnings) {
    public Resolution {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}
