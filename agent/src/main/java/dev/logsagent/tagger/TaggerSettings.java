package dev.logsagent.tagger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which container labels, container environment variables, pod labels and pod annotations become tags, as the
 * Datadog Agent's {@code container_labels_as_tags}, {@code container_env_as_tags},
 * {@code kubernetes_pod_labels_as_tags} and {@code kubernetes_pod_annotations_as_tags}: each maps a name (matched
 * without regard to case) to the tag name its value goes under. Such tags are of low cardinality.
 *
 * @param gracePeriod how long a stopped container's or deleted pod's tags are still given, so that its last
 *                    lines, read after it stopped, are tagged too
 */
public record TaggerSettings(Map<String, String> containerLabelsAsTags, Map<String, String> containerEnvAsTags,
                             Map<String, String> podLabelsAsTags, Map<String, String> podAnnotationsAsTags,
                             Duration gracePeriod) {
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofMinutes(5);

    public TaggerSettings {
        containerLabelsAsTags = lowerCaseKeys(containerLabelsAsTags);
        containerEnvAsTags = lowerCaseKeys(containerEnvAsTags);
        podLabelsAsTags = lowerCaseKeys(podLabelsAsTags);
        podAnnotationsAsTags = lowerCaseKeys(podAnnotationsAsTags);
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("tagger grace period must not be negative, got " + gracePeriod);
        }
    }

    /** No extra tags; stopped entities kept five minutes. */
    public static TaggerSettings defaults() {
        return new TaggerSettings(Map.of(), Map.of(), Map.of(), Map.of(), DEFAULT_GRACE_PERIOD);
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> names) {
        Map<String, String> lower = new HashMap<>();
        if (names != null) {
            names.forEach((name, tag) -> lower.put(name.toLowerCase(Locale.ROOT), tag));
        }
        return Map.copyOf(lower);
    }
}
