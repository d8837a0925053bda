package dev.logsagent.tagger;

import dev.logsagent.autodiscovery.workloads.Pod;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tags of the kubelet's pods, for the pod ({@code kubernetes_pod_uid://<uid>}) and for each of its started
 * containers ({@code container_id://<id>}), which also get the pod's tags: namespace, phase, owners, unified
 * service tagging from {@code tags.datadoghq.com/*} labels (pod-wide, or {@code tags.datadoghq.com/<container>.*}
 * for one container), the recommended {@code app.kubernetes.io/*} labels, and the labels and annotations the user
 * chose.
 */
final class PodTagCollector {
    private static final String UNIFIED_PREFIX = "tags.datadoghq.com/";
    private static final String[] UNIFIED_KEYS = {"env", "service", "version"};
    private static final List<Map.Entry<String, String>> APP_LABELS = List.of(
            Map.entry("app.kubernetes.io/name", "kube_app_name"),
            Map.entry("app.kubernetes.io/instance", "kube_app_instance"),
            Map.entry("app.kubernetes.io/version", "kube_app_version"),
            Map.entry("app.kubernetes.io/component", "kube_app_component"),
            Map.entry("app.kubernetes.io/part-of", "kube_app_part_of"),
            Map.entry("app.kubernetes.io/managed-by", "kube_app_managed_by"));

    private final TaggerSettings settings;

    PodTagCollector(TaggerSettings settings) {
        this.settings = settings;
    }

    void collect(Collection<Pod> pods, Map<String, EntityTagsBuilder> out) {
        for (Pod pod : pods) {
            EntityTagsBuilder podTags = podTags(pod);
            out.computeIfAbsent(Tagger.podEntity(pod.uid()), entity -> new EntityTagsBuilder()).addAll(podTags);
            for (Pod.PodContainer container : pod.containers()) {
                String id = containerId(container.id());
                if (id == null) {
                    continue;
                }
                EntityTagsBuilder tags = podTags.copy()
                        .add(Cardinality.LOW, "kube_container_name", container.name())
                        .add(Cardinality.HIGH, "container_id", id)
                        .add(Cardinality.HIGH, "container_name", container.name())
                        .add(Cardinality.HIGH, "display_container_name", container.name() + "_" + pod.name());
                ImageTags.add(tags, container.image());
                for (String key : UNIFIED_KEYS) {
                    tags.add(Cardinality.LOW, key, pod.labels().get(UNIFIED_PREFIX + container.name() + "." + key));
                }
                out.computeIfAbsent(Tagger.containerEntity(id), entity -> new EntityTagsBuilder()).addAll(tags);
            }
        }
    }

    private EntityTagsBuilder podTags(Pod pod) {
        EntityTagsBuilder tags = new EntityTagsBuilder()
                .add(Cardinality.LOW, "kube_namespace", pod.namespace())
                .add(Cardinality.LOW, "pod_phase", pod.phase() == null ? null : pod.phase().toLowerCase(Locale.ROOT))
                .add(Cardinality.ORCHESTRATOR, "pod_name", pod.name());
        pod.owners().forEach(owner -> OwnerReferenceTags.add(tags, owner));
        for (String key : UNIFIED_KEYS) {
            tags.add(Cardinality.LOW, key, pod.labels().get(UNIFIED_PREFIX + key));
        }
        APP_LABELS.forEach(app -> tags.add(Cardinality.LOW, app.getValue(), pod.labels().get(app.getKey())));
        return tags.addNamed(pod.labels(), settings.podLabelsAsTags())
                .addNamed(pod.annotations(), settings.podAnnotationsAsTags());
    }

    /** {@code containerd://abc} gives {@code abc}; a container not started yet has no ID. */
    private static String containerId(String runtimeId) {
        if (runtimeId == null || runtimeId.isBlank()) {
            return null;
        }
        int sep = runtimeId.indexOf("://");
        return sep < 0 ? runtimeId : runtimeId.substring(sep + 3);
    }
}
