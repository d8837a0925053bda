package dev.logsagent.config;

import java.util.Map;

/**
 * Which container labels and environment variables, pod labels and pod annotations become tags, keyed by their
 * name, valued by the tag name ({@code container_labels_as_tags}, {@code container_env_as_tags},
 * {@code kubernetes_pod_labels_as_tags}, {@code kubernetes_pod_annotations_as_tags}, as in the Datadog Agent).
 */
public record AsTagsConfig(Map<String, String> containerLabels, Map<String, String> containerEnv,
                           Map<String, String> podLabels, Map<String, String> podAnnotations) {
    public AsTagsConfig {
        containerLabels = Map.copyOf(containerLabels);
        containerEnv = Map.copyOf(containerEnv);
        podLabels = Map.copyOf(podLabels);
        podAnnotations = Map.copyOf(podAnnotations);
    }
}
