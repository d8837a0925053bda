package dev.logsagent.autodiscovery.listeners.docker;

import java.util.Locale;
import java.util.Objects;

/**
 * An image reference taken apart by Docker's rules ({@code distribution/reference}): the first path component
 * is a registry only if it contains a {@code .} or a {@code :}, is {@code localhost}, or has upper-case letters;
 * otherwise the registry is {@code docker.io}, where a one-component repository lives under {@code library/}.
 *
 * @param name       the name as written, without tag or digest: the {@code image_name} tag
 *                   ({@code redis}, {@code gcr.io/a/b/c})
 * @param registry   {@code docker.io} when none is written ({@code index.docker.io} counts as {@code docker.io})
 * @param repository the path in the registry ({@code library/redis}, {@code a/b/c})
 * @param shortName  the last path component: the {@code short_image} tag and autodiscovery identifier
 * @param tag        {@code latest} when neither tag nor digest is written; "" when only a digest pins the image
 * @param digest     {@code sha256:...}, or ""
 */
public record ImageName(String name, String registry, String repository, String shortName, String tag,
                        String digest) {
    private static final String DEFAULT_REGISTRY = "docker.io";
    private static final String LEGACY_DEFAULT_REGISTRY = "index.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";
    private static final int MAX_NAME_LENGTH = 255;
    private static final int MAX_TAG_LENGTH = 128;
    private static final int MIN_DIGEST_HEX = 32;

    public ImageName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    /**
     * @throws IllegalArgumentException naming the reference and what is wrong with it; an image ID
     *                                  ({@code sha256:...} or 64 hex digits) is not an image name
     */
    public static ImageName parse(String reference) {
        Objects.requireNonNull(reference, "reference");
        if (reference.isEmpty()) {
            throw invalid(reference, "it is empty");
        }
        if (reference.startsWith("sha256:") || isHex(reference, 64)) {
            throw invalid(reference, "it is an image ID, not an image name");
        }
        String rest = reference;
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            checkDigest(reference, digest);
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            checkTag(reference, tag);
        }
        if (rest.length() > MAX_NAME_LENGTH) {
            throw invalid(reference, "the name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        String registry = DEFAULT_REGISTRY;
        String repository = rest;
        int slash = rest.indexOf('/');
        if (slash >= 0 && isRegistry(rest.substring(0, slash))) {
            registry = rest.substring(0, slash);
            repository = rest.substring(slash + 1);
            checkRegistry(reference, registry);
            if (registry.equals(LEGACY_DEFAULT_REGISTRY)) {
                registry = DEFAULT_REGISTRY;
            }
        }
        checkRepository(reference, repository);
        if (registry.equals(DEFAULT_REGISTRY) && repository.indexOf('/') < 0) {
            repository = OFFICIAL_PREFIX + repository;
        }
        if (tag.isEmpty() && digest.isEmpty()) {
            tag = "latest";
        }
        String shortName = repository.substring(repository.lastIndexOf('/') + 1);
        return new ImageName(rest, registry, repository, shortName, tag, digest);
    }

    private static boolean isRegistry(String component) {
        return component.indexOf('.') >= 0 || component.indexOf(':') >= 0 || component.equals("localhost")
                || !component.equals(component.toLowerCase(Locale.ROOT));
    }

    /** Host name or IP (IPv6 in brackets), optionally {@code :port}. */
    private static void checkRegistry(String reference, String registry) {
        for (int i = 0; i < registry.length(); i++) {
            char c = registry.charAt(i);
            if (!(isAlphanumeric(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']')) {
                throw invalid(reference, "the registry '" + registry + "' has the character '" + c + "'");
            }
        }
        if (registry.startsWith(".") || registry.startsWith("-") || registry.startsWith(":")) {
            throw invalid(reference, "the registry '" + registry + "' is not a host name");
        }
    }

    /**
     * Components of lower-case letters and digits, joined inside by one {@code .}, one or two {@code _}, or any
     * number of {@code -}.
     */
    private static void checkRepository(String reference, String repository) {
        for (String component : repository.split("/", -1)) {
            if (component.isEmpty()) {
                throw invalid(reference, "the repository '" + repository + "' has an empty path component");
            }
            int separator = 0;
            char previous = 0;
            for (int i = 0; i < component.length(); i++) {
                char c = component.charAt(i);
                if (isLowerAlphanumeric(c)) {
                    separator = 0;
                } else if (c == '.' || c == '_' || c == '-') {
                    boolean allowed = separator == 0
                            || (c == '_' && previous == '_' && separator == 1)
                            || (c == '-' && previous == '-');
                    if (!allowed) {
                        throw invalid(reference, "'" + component + "' has the separators '"
                                + component.substring(i - separator, i + 1) + "' in a row");
                    }
                    separator++;
                } else {
                    throw invalid(reference, "'" + component + "' has the character '" + c
                            + "' (repository names are lower case)");
                }
                previous = c;
            }
            if (!isLowerAlphanumeric(component.charAt(0))
                    || !isLowerAlphanumeric(component.charAt(component.length() - 1))) {
                throw invalid(reference, "'" + component + "' must start and end with a lower-case letter or digit");
            }
        }
    }

    private static void checkTag(String reference, String tag) {
        if (tag.isEmpty() || tag.length() > MAX_TAG_LENGTH) {
            throw invalid(reference, "a tag has 1 to " + MAX_TAG_LENGTH + " characters");
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            boolean allowed = isAlphanumeric(c) || c == '_' || (i > 0 && (c == '.' || c == '-'));
            if (!allowed) {
                throw invalid(reference, "the tag '" + tag + "' has the character '" + c + "' at position " + i);
            }
        }
    }

    private static void checkDigest(String reference, String digest) {
        int colon = digest.indexOf(':');
        if (colon <= 0 || !isAlphanumeric(digest.charAt(0))
                || digest.length() - colon - 1 < MIN_DIGEST_HEX
                || !isHex(digest.substring(colon + 1), digest.length() - colon - 1)) {
            throw invalid(reference, "the digest '" + digest + "' is not algorithm:hex (as in sha256:...)");
        }
    }

    private static boolean isHex(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isAlphanumeric(char c) {
        return isLowerAlphanumeric(c) || (c >= 'A' && c <= 'Z');
    }

    private static IllegalArgumentException invalid(String reference, String why) {
        return new IllegalArgumentException("invalid image name '" + reference + "': " + why);
    }
}
