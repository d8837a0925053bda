package dev.logsagent.autodiscovery.listeners;

import dev.logsagent.autodiscovery.listeners.docker.ImageName;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The autodiscovery identifiers of a container: its service id, then its image as written ({@code redis:7.2}),
 * the image name without tag ({@code redis}, {@code gcr.io/team/api}) and the short image ({@code api}), so a
 * template may name it by any of them. Each once, in that order.
 */
final class AdIdentifiers {
    private AdIdentifiers() {
    }

    static List<String> of(String serviceId, String image) {
        Set<String> identifiers = new LinkedHashSet<>();
        identifiers.add(serviceId);
        if (image != null && !image.isBlank()) {
            identifiers.add(image);
            try {
                ImageName name = ImageName.parse(image);
                identifiers.add(name.name());
                identifiers.add(name.shortName());
            } catch (IllegalArgumentException e) {
                // An image ID names no image: the container is matched by its id and the ID as written.
            }
        }
        return List.copyOf(identifiers);
    }
}
