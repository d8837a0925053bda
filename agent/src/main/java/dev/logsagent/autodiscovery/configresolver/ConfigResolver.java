package dev.logsagent.autodiscovery.configresolver;

import dev.logsagent.autodiscovery.IntegrationConfig;
import dev.logsagent.autodiscovery.Service;
import dev.logsagent.autodiscovery.scheduler.ResolvedConfig;
import dev.logsagent.config.FailedSource;
import dev.logsagent.config.ParsedSources;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceConfigParser;
import dev.logsagent.config.SourceType;
import dev.logsagent.errors.ConfigProblem;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns configs into {@link ResolvedConfig}s: a template for each service sharing one of its AD identifiers, with
 * its template variables replaced by the service's values, then bound by {@link SourceConfigParser} (a source
 * without {@code type} takes the service's runtime). Each source of a service carries the service id as its
 * identifier; a {@code docker} or {@code containerd} source reads the service's log through its runtime.
 */
public final class ConfigResolver {
    private final TemplateSubstitution substitution;

    /** @param environment the agent's own environment, for {@code %%env_<VAR>%%} */
    public ConfigResolver(Map<String, String> environment) {
        this.substitution = new TemplateSubstitution(new TemplateVariables(environment));
    }

    /** A template matches a service when they share at least one AD identifier. */
    public static boolean matches(IntegrationConfig template, Service service) {
        for (String identifier : template.adIdentifiers()) {
            if (service.adIdentifiers().contains(identifier)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A config that is not a template, as it is. Its provider has already reported the entries it refused, with
     * where they are written, so they are only left out here.
     */
    public Resolution resolve(IntegrationConfig config) {
        ParsedSources parsed = SourceConfigParser.parse(config.logs(), config.name(), config.origin(), null);
        return new Resolution(new ResolvedConfig(config, null, parsed.sources()), List.of(), List.of());
    }

    /** A template for one service it matches. */
    public Resolution resolve(IntegrationConfig template, Service service) {
        JsonNode logs;
        try {
            logs = substitution.substitute(template.logs(), service);
        } catch (UnresolvableVariableException e) {
            return new Resolution(null, List.of(template.origin() + ": not scheduled for " + service.serviceId()
                    + ": " + e.getMessage()), List.of());
        }
        SourceType runtime = runtimeType(service);
        ParsedSources parsed = SourceConfigParser.parse(logs, template.name(), template.origin(), runtime);
        List<String> errors = new ArrayList<>();
        for (FailedSource failed : parsed.failed()) {
            for (ConfigProblem problem : failed.problems()) {
                errors.add(problem.describe() + " (for " + service.serviceId() + ")");
            }
        }
        List<String> warnings = parsed.warnings().stream()
                .map(w -> w.describe() + " (for " + service.serviceId() + ")").toList();
        if (parsed.sources().isEmpty() && !errors.isEmpty()) {
            return new Resolution(null, errors, warnings);
        }
        List<SourceConfig> sources = parsed.sources().stream().map(s -> forService(s, service, runtime)).toList();
        return new Resolution(new ResolvedConfig(template, service, sources), errors, warnings);
    }

    private static SourceConfig forService(SourceConfig source, Service service, SourceType runtime) {
        SourceConfig bound = source.withIdentifier(service.serviceId());
        if (bound.type() != SourceType.DOCKER && bound.type() != SourceType.CONTAINERD) {
            return bound;
        }
        // The container's own runtime reads it, whatever container type the config names.
        return (runtime == null ? bound : bound.withType(runtime)).withPath(service.logPath());
    }

    /** The source type that reads a service's log: {@code docker} or {@code containerd}; null for another runtime. */
    public static SourceType runtimeType(Service service) {
        String runtime = service.runtime();
        if (SourceType.DOCKER.key().equals(runtime)) {
            return SourceType.DOCKER;
        }
        return SourceType.CONTAINERD.key().equals(runtime) ? SourceType.CONTAINERD : null;
    }
}
