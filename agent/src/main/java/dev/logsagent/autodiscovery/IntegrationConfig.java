package dev.logsagent.autodiscovery;

import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * A config as a provider yields it: either ready to run ({@code adIdentifiers} empty) or a template to be resolved
 * against each service sharing one of its AD identifiers. Container labels and pod annotations become templates
 * whose single identifier is their container's service id.
 *
 * @param name     the integration name (conf.d folder, or the label's/annotation's container)
 * @param provider the provider's name: {@code file}, {@code docker}, {@code kubelet}
 * @param origin   where it was defined, for configcheck and errors (a file, a container label, a pod annotation)
 * @param logs     the raw {@code logs:} list, with {@code %%...%%} template variables still in it
 */
public record IntegrationConfig(String name, String provider, String origin, List<String> adIdentifiers,
                                JsonNode logs) {

    public IntegrationConfig {
        adIdentifiers = List.copyOf(adIdentifiers);
    }

    public boolean isTemplate() {
        return !adIdentifiers.isEmpty();
    }

    /** A stable key for diffing what providers yield across polls. */
    public String digest() {
        return provider + "|" + name + "|" + origin + "|" + adIdentifiers + "|" + logs;
    }
}
