package dev.logsagent.tagger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Gathers an entity's tags from several collectors; each tag is kept once, at the lowest cardinality given. */
final class EntityTagsBuilder {
    private final Map<Cardinality, Set<String>> tags = new EnumMap<>(Cardinality.class);

    EntityTagsBuilder() {
        for (Cardinality c : Cardinality.values()) {
            tags.put(c, new LinkedHashSet<>());
        }
    }

    /** Adds {@code key:value}; a missing or blank value adds nothing. */
    EntityTagsBuilder add(Cardinality cardinality, String key, String value) {
        if (value != null && !value.isBlank()) {
            tags.get(cardinality).add(key + ":" + value.strip());
        }
        return this;
    }

    /**
     * Adds, at low cardinality, the values whose name (matched without regard to case) {@code asTags} maps to a tag
     * name: labels, annotations or environment variables chosen by the user.
     */
    EntityTagsBuilder addNamed(Map<String, String> values, Map<String, String> asTags) {
        if (asTags.isEmpty()) {
            return this;
        }
        values.forEach((name, value) -> {
            String tag = asTags.get(name.toLowerCase(Locale.ROOT));
            if (tag != null) {
                add(Cardinality.LOW, tag, value);
            }
        });
        return this;
    }

    EntityTagsBuilder addAll(EntityTagsBuilder other) {
        other.tags.forEach((cardinality, values) -> tags.get(cardinality).addAll(values));
        return this;
    }

    EntityTagsBuilder copy() {
        return new EntityTagsBuilder().addAll(this);
    }

    EntityTags build() {
        Set<String> low = tags.get(Cardinality.LOW);
        Set<String> orchestrator = new LinkedHashSet<>(tags.get(Cardinality.ORCHESTRATOR));
        orchestrator.removeAll(low);
        Set<String> high = new LinkedHashSet<>(tags.get(Cardinality.HIGH));
        high.removeAll(low);
        high.removeAll(orchestrator);
        return new EntityTags(new ArrayList<>(low), new ArrayList<>(orchestrator), new ArrayList<>(high));
    }
}
