package dev.logsagent.logs.launchers.container;

import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.logs.launchers.InputTags;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.tagger.Cardinality;
import dev.logsagent.tagger.Tagger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The high-cardinality tags of the container a {@code docker} or {@code containerd} source reads: the container
 * is the source's service ({@code docker://<id>}, set by autodiscovery), or, for a source written by hand, the
 * one its path names: {@code <docker root>/<id>/<id>-json.log}, or
 * {@code <pods_path>/<namespace>_<pod>_<uid>/<container>/<n>.log} (then the pod's tags and the container's name).
 * Other sources get none.
 */
public final class ContainerTags implements InputTags {
    private static final String DOCKER_LOG_SUFFIX = "-json.log";

    private final Tagger tagger;

    public ContainerTags(Tagger tagger) {
        this.tagger = tagger;
    }

    @Override
    public List<String> of(LogSource source, Path path) {
        SourceConfig config = source.config();
        if (config.type() != SourceType.DOCKER && config.type() != SourceType.CONTAINERD) {
            return List.of();
        }
        String serviceId = config.identifier();
        if (serviceId != null && serviceId.contains("://")) {
            return tagger.tags(Tagger.containerEntity(serviceId.substring(serviceId.indexOf("://") + 3)),
                    Cardinality.HIGH);
        }
        String dockerId = dockerIdOf(path);
        if (dockerId != null) {
            return tagger.tags(Tagger.containerEntity(dockerId), Cardinality.HIGH);
        }
        return podContainerTags(path);
    }

    /** {@code <id>/<id>-json.log}: the file is named after its folder. */
    private static String dockerIdOf(Path path) {
        Path folder = path.getParent();
        String file = path.getFileName().toString();
        if (folder == null || folder.getFileName() == null || !file.endsWith(DOCKER_LOG_SUFFIX)) {
            return null;
        }
        String id = folder.getFileName().toString();
        return file.equals(id + DOCKER_LOG_SUFFIX) ? id : null;
    }

    /** {@code <namespace>_<pod>_<uid>/<container>/<n>.log}; a uid has no underscore, names neither. */
    private List<String> podContainerTags(Path path) {
        Path containerFolder = path.getParent();
        Path podFolder = containerFolder == null ? null : containerFolder.getParent();
        if (podFolder == null || podFolder.getFileName() == null) {
            return List.of();
        }
        String podDir = podFolder.getFileName().toString();
        int sep = podDir.lastIndexOf('_');
        if (sep < 0 || podDir.indexOf('_') == sep) {
            return List.of();
        }
        List<String> podTags = tagger.tags(Tagger.podEntity(podDir.substring(sep + 1)), Cardinality.HIGH);
        if (podTags.isEmpty()) {
            return podTags;
        }
        List<String> tags = new ArrayList<>(podTags);
        tags.add("kube_container_name:" + containerFolder.getFileName());
        return List.copyOf(tags);
    }
}
