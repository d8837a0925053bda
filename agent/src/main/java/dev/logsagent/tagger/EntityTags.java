package dev.logsagent.tagger;

import java.util.ArrayList;
import java.util.List;

/**
 * The tags of one entity, by cardinality. The lists for each level (that level and those below) are built once,
 * so a caller can hand the same list instance to every message of an input.
 */
public final class EntityTags {
    private final List<String> low;
    private final List<String> upToOrchestrator;
    private final List<String> all;

    public EntityTags(List<String> low, List<String> orchestrator, List<String> high) {
        this.low = List.copyOf(low);
        this.upToOrchestrator = concat(this.low, orchestrator);
        this.all = concat(upToOrchestrator, high);
    }

    /** The tags of {@code cardinality} and of every level below it. */
    public List<String> tags(Cardinality cardinality) {
        return switch (cardinality) {
            case LOW -> low;
            case ORCHESTRATOR -> upToOrchestrator;
            case HIGH -> all;
        };
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> joined = new ArrayList<>(first.size() + second.size());
        joined.addAll(first);
        for (String tag : second) {
            if (!joined.contains(tag)) {
                joined.add(tag);
            }
        }
        return List.copyOf(joined);
    }

    @Override
    public String toString() {
        return all.toString();
    }
}
