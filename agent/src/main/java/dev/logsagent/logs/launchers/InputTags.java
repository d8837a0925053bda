package dev.logsagent.logs.launchers;

import dev.logsagent.logs.sources.LogSource;

import java.nio.file.Path;
import java.util.List;

/**
 * Tags an input gets from outside its source's config, such as its container's tags. Asked once, when the
 * input's tailer starts, so the messages of the input carry them at no cost per line.
 */
@FunctionalInterface
public interface InputTags {
    /** No tags beyond the source's own. */
    InputTags NONE = (source, path) -> List.of();

    List<String> of(LogSource source, Path path);
}
