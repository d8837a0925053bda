package dev.logsagent.tagger;

import dev.logsagent.autodiscovery.listeners.docker.ImageName;

/** {@code image_name}, {@code short_image} and {@code image_tag} of an image reference, by Docker's rules. */
final class ImageTags {
    private ImageTags() {
    }

    /** An image ID ({@code sha256:...}) or a reference Docker would refuse gives no tags: it names no image. */
    static void add(EntityTagsBuilder tags, String image) {
        if (image == null || image.isBlank()) {
            return;
        }
        ImageName name;
        try {
            name = ImageName.parse(image);
        } catch (IllegalArgumentException e) {
            return;
        }
        tags.add(Cardinality.LOW, "image_name", name.name())
                .add(Cardinality.LOW, "short_image", name.shortName())
                .add(Cardinality.LOW, "image_tag", name.tag());
    }
}
