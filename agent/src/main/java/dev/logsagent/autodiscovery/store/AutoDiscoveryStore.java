package dev.logsagent.autodiscovery.store;

import dev.logsagent.autodiscovery.IntegrationConfig;
import dev.logsagent.autodiscovery.Service;
import dev.logsagent.autodiscovery.configresolver.ConfigResolver;
import dev.logsagent.autodiscovery.configresolver.Resolution;
import dev.logsagent.autodiscovery.scheduler.ResolvedConfig;
import dev.logsagent.config.SourceConfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What autodiscovery knows: the configs of each provider, the services running, and what resolving each config
 * (a template once per matching service) gave: the resolved config, or why there is none. Thread-safe; read by
 * status and configcheck while autodiscovery updates it.
 */
public final class AutoDiscoveryStore {
    private final Map<String, Map<String, IntegrationConfig>> configsByProvider = new LinkedHashMap<>();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

    /** Resolving one config for one service (null for a config that is not a template). */
    private record Outcome(IntegrationConfig config, Service service, Resolution resolution) {
        boolean scheduled() {
            return resolution.resolved() != null;
        }
    }

    public synchronized void addConfig(IntegrationConfig config) {
        configsByProvider.computeIfAbsent(config.provider(), p -> new LinkedHashMap<>()).put(config.digest(), config);
    }

    public synchronized void removeConfig(IntegrationConfig config) {
        Map<String, IntegrationConfig> configs = configsByProvider.get(config.provider());
        if (configs != null) {
            configs.remove(config.digest());
        }
    }

    public synchronized List<IntegrationConfig> templates() {
        return configsByProvider.values().stream().flatMap(m -> m.values().stream())
                .filter(IntegrationConfig::isTemplate).toList();
    }

    /** Returns the service known before under the same id, or null. */
    public synchronized Service putService(Service service) {
        return services.put(service.serviceId(), service);
    }

    public synchronized void removeService(String serviceId) {
        services.remove(serviceId);
    }

    public synchronized List<Service> services() {
        return List.copyOf(services.values());
    }

    /** @param service null for a config that is not a template */
    public synchronized void putResolution(IntegrationConfig config, Service service, Resolution resolution) {
        outcomes.put(key(config, service), new Outcome(config, service, resolution));
    }

    /** Forgets every resolution of this config; returns those that were scheduled. */
    public synchronized List<ResolvedConfig> removeResolutionsOf(IntegrationConfig config) {
        return removeOutcomes(o -> o.config().digest().equals(config.digest()));
    }

    /** Forgets every resolution for this service; returns those that were scheduled. */
    public synchronized List<ResolvedConfig> removeResolutionsFor(String serviceId) {
        return removeOutcomes(o -> o.service() != null && o.service().serviceId().equals(serviceId));
    }

    /** Services no config was resolved for, in the order they came. */
    public synchronized List<Service> unconfiguredServices() {
        List<Service> unconfigured = new ArrayList<>();
        for (Service service : services.values()) {
            boolean configured = outcomes.values().stream().anyMatch(o -> o.scheduled() && o.service() != null
                    && o.service().serviceId().equals(service.serviceId()));
            if (!configured) {
                unconfigured.add(service);
            }
        }
        return unconfigured;
    }

    public synchronized List<String> resolutionErrors() {
        return outcomes.values().stream().flatMap(o -> o.resolution().errors().stream()).toList();
    }

    public synchronized List<String> resolutionWarnings() {
        return outcomes.values().stream().flatMap(o -> o.resolution().warnings().stream()).toList();
    }

    /** The resolved configs and the templates that match no service; errors and warnings are the caller's. */
    public synchronized ConfigCheck snapshot(List<String> errors, List<String> warnings) {
        List<ConfigCheck.Config> configs = new ArrayList<>();
        for (Outcome outcome : outcomes.values()) {
            ResolvedConfig resolved = outcome.resolution().resolved();
            if (resolved != null) {
                IntegrationConfig c = resolved.config();
                configs.add(new ConfigCheck.Config(c.provider(), c.name(), c.origin(), c.adIdentifiers(),
                        outcome.service() == null ? null : outcome.service().serviceId(),
                        resolved.sources().stream().map(AutoDiscoveryStore::source).toList()));
            }
        }
        List<ConfigCheck.Template> unmatched = new ArrayList<>();
        for (IntegrationConfig template : templates()) {
            if (services.values().stream().noneMatch(s -> ConfigResolver.matches(template, s))) {
                unmatched.add(new ConfigCheck.Template(template.provider(), template.name(), template.origin(),
                        template.adIdentifiers()));
            }
        }
        return new ConfigCheck(configs, unmatched, errors, warnings);
    }

    private List<ResolvedConfig> removeOutcomes(Predicate<Outcome> which) {
        List<ResolvedConfig> removed = new ArrayList<>();
        for (Iterator<Outcome> it = outcomes.values().iterator(); it.hasNext(); ) {
            Outcome outcome = it.next();
            if (which.test(outcome)) {
                it.remove();
                if (outcome.scheduled()) {
                    removed.add(outcome.resolution().resolved());
                }
            }
        }
        return removed;
    }

    private static ConfigCheck.Source source(SourceConfig sc) {
        return new ConfigCheck.Source(sc.type().key(), sc.path(), sc.port(), sc.service(), sc.source(), sc.tags(),
                sc.identifier());
    }

    private static String key(IntegrationConfig config, Service service) {
        return config.digest() + (service == null ? "" : "@" + service.serviceId());
    }
}
