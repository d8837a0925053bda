package dev.logsagent.autodiscovery.store;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What autodiscovery runs and why, as {@code /agent/configcheck} serves it and {@code logs-agent configcheck}
 * prints it.
 *
 * @param configs            every resolved config, a template once per service it was resolved for
 * @param unmatchedTemplates templates no service matches now
 * @param errors             what was refused or could not be resolved, one line each naming where
 */
public record ConfigCheck(List<Config> configs,
                          @JsonProperty("unmatched_templates") List<Template> unmatchedTemplates,
                          List<String> errors, List<String> warnings) {
    public ConfigCheck {
        configs = List.copyOf(configs);
        unmatchedTemplates = List.copyOf(unmatchedTemplates);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /**
     * A config as scheduled.
     *
     * @param service the service id a template was resolved for; null for a config that is not a template
     */
    public record Config(String provider, String name, String origin,
                         @JsonProperty("ad_identifiers") List<String> adIdentifiers, String service,
                         List<Source> sources) {
        public Config {
            adIdentifiers = List.copyOf(adIdentifiers);
            sources = List.copyOf(sources);
        }
    }

    public record Template(String provider, String name, String origin,
                           @JsonProperty("ad_identifiers") List<String> adIdentifiers) {
        public Template {
            adIdentifiers = List.copyOf(adIdentifiers);
        }
    }

    /** A log source of a config, as it runs: template variables resolved. */
    public record Source(String type, String path, int port, String service, String source, List<String> tags,
                         String identifier) {
        public Source {
            tags = List.copyOf(tags);
        }
    }
}
