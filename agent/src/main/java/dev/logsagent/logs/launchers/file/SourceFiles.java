package dev.logsagent.logs.launchers.file;

import dev.logsagent.logs.sources.LogSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files each file-like source stands for now: its glob expanded, its {@code exclude_paths} left out, each file
 * given to the first source (by path) that names it. Sources learn what was found through their status.
 */
final class SourceFiles {
    private SourceFiles() {
    }

    static Map<Path, LogSource> match(Collection<LogSource> fileSources) {
        Map<Path, LogSource> matched = new LinkedHashMap<>();
        List<LogSource> ordered = new ArrayList<>(fileSources);
        ordered.sort(Comparator.comparing(s -> s.config().path(), Comparator.nullsFirst(Comparator.naturalOrder())));
        for (LogSource source : ordered) {
            if (source.config().path() == null) {
                source.setError("no path: a " + source.config().type().key() + " source is read from its log files");
                continue;
            }
            try {
                var excludes = source.config().excludePaths().stream().map(GlobExpander::matcher).toList();
                int count = 0;
                for (Path p : GlobExpander.expand(source.config().path())) {
                    if (excludes.stream().anyMatch(m -> m.matches(p))) {
                        continue;
                    }
                    count++;
                    matched.putIfAbsent(p, source);
                }
                if (count == 0 && !GlobExpander.hasMeta(source.config().path())) {
                    source.setInfo("missing", "file " + source.config().path() + " does not exist (yet)");
                } else {
                    source.setInfo("missing", null);
                }
                source.setOk();
            } catch (IOException | RuntimeException e) {
                source.setError("cannot expand path " + source.config().path() + ": " + e.getMessage());
            }
        }
        return matched;
    }
}
