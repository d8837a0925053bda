package dev.logsagent.tagger;

import dev.logsagent.autodiscovery.workloads.Container;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Tags of the containers the runtime listeners saw (the docker listener's inspected containers): name and ID,
 * image, unified service tagging from {@code com.datadoghq.tags.*} labels and {@code DD_ENV}/{@code DD_SERVICE}/
 * {@code DD_VERSION}, and the labels and variables the user chose.
 */
final class ContainerTagCollector {
    private static final String LABEL_PREFIX = "com.datadoghq.tags.";
    private static final String[] UNIFIED_KEYS = {"env", "service", "version"};

    private final TaggerSettings settings;

    ContainerTagCollector(TaggerSettings settings) {
        this.settings = settings;
    }

    void collect(Collection<Container> containers, Map<String, EntityTagsBuilder> out) {
        for (Container container : containers) {
            EntityTagsBuilder tags = out.computeIfAbsent(Tagger.containerEntity(container.id()),
                    entity -> new EntityTagsBuilder());
            tags.add(Cardinality.HIGH, "container_name", container.name())
                    .add(Cardinality.HIGH, "container_id", container.id());
            ImageTags.add(tags, container.image());
            if ("docker".equals(container.runtime())) {
                tags.add(Cardinality.LOW, "docker_image", container.image());
            }
            for (String key : UNIFIED_KEYS) {
                tags.add(Cardinality.LOW, key, container.labels().get(LABEL_PREFIX + key))
                        .add(Cardinality.LOW, key, container.env().get("DD_" + key.toUpperCase(Locale.ROOT)));
            }
            tags.addNamed(container.labels(), settings.containerLabelsAsTags())
                    .addNamed(container.env(), settings.containerEnvAsTags());
        }
    }
}
