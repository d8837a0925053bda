package dev.logsagent.config;

import dev.logsagent.errors.ConfigProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the errors and warnings found while binding, so that every problem is reported at once; they are
 * listed in the order of the file (environment variables first), not in the order keys happen to be read.
 */
final class Diagnostics {
    private static final Comparator<ConfigProblem> FILE_ORDER =
            Comparator.comparing(ConfigProblem::file, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                    .thenComparingInt(ConfigProblem::line)
                    .thenComparingInt(ConfigProblem::column);

    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();

    void error(ConfigProblem problem) {
        errors.add(problem);
    }

    void warning(ConfigProblem problem) {
        warnings.add(problem);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<ConfigProblem> errors() {
        return errors.stream().sorted(FILE_ORDER).toList();
    }

    List<ConfigProblem> warnings() {
        return warnings.stream().sorted(FILE_ORDER).toList();
    }
}
