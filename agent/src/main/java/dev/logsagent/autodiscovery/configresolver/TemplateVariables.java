package dev.logsagent.autodiscovery.configresolver;

import dev.logsagent.autodiscovery.Service;
import dev.logsagent.autodiscovery.ServicePort;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values of the template variables for one service, as the Datadog Agent names them: {@code host},
 * {@code host_<network>}, {@code port}, {@code port_<index>}, {@code port_<name>}, {@code hostname}, {@code pid},
 * {@code env_<VAR>} and {@code kube_<field>}.
 */
final class TemplateVariables {
    private static final String BRIDGE = "bridge";

    private final Map<String, String> environment;

    /** @param environment the agent's own environment, for {@code env_<VAR>} */
    TemplateVariables(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** @param name a variable without its {@code %%} delimiters */
    String value(String name, Service service) throws UnresolvableVariableException {
        return switch (name) {
            case "host" -> defaultHost(name, service);
            case "port" -> highestPort(name, service);
            case "hostname" -> hostname(name, service);
            case "pid" -> pid(name, service);
            default -> prefixed(name, service);
        };
    }

    private String prefixed(String name, Service service) throws UnresolvableVariableException {
        if (name.startsWith("host_")) {
            return networkHost(name, name.substring(5), service);
        }
        if (name.startsWith("port_")) {
            return port(name, name.substring(5), service);
        }
        if (name.startsWith("env_")) {
            String value = environment.get(name.substring(4));
            if (value == null) {
                throw new UnresolvableVariableException(name, "the agent's environment has no variable "
                        + name.substring(4));
            }
            return value;
        }
        if (name.startsWith("kube_")) {
            String value = service.kube().get(name.substring(5));
            if (value == null) {
                throw new UnresolvableVariableException(name, service.kube().isEmpty()
                        ? "the service is not in a Kubernetes pod"
                        : "no pod field " + name.substring(5) + " (known: " + new TreeMap<>(service.kube()).keySet()
                        + ")");
            }
            return value;
        }
        throw new UnresolvableVariableException(name, "unknown template variable");
    }

    /** The only network's address, else the bridge network's, else the first network's by name. */
    private static String defaultHost(String name, Service service) throws UnresolvableVariableException {
        Map<String, String> hosts = new TreeMap<>(service.hosts());
        if (hosts.isEmpty()) {
            throw new UnresolvableVariableException(name, "the service has no network address");
        }
        String bridge = hosts.get(BRIDGE);
        return bridge != null ? bridge : hosts.values().iterator().next();
    }

    private static String networkHost(String name, String network, Service service)
            throws UnresolvableVariableException {
        String address = service.hosts().get(network);
        if (address == null) {
            throw new UnresolvableVariableException(name, "no network " + network + " (networks: "
                    + new TreeMap<>(service.hosts()).keySet() + ")");
        }
        return address;
    }

    private static String highestPort(String name, Service service) throws UnresolvableVariableException {
        List<ServicePort> ports = service.ports();
        if (ports.isEmpty()) {
            throw new UnresolvableVariableException(name, "the service exposes no port");
        }
        return Integer.toString(ports.stream().mapToInt(ServicePort::port).max().orElseThrow());
    }

    /** By index into the sorted ports when {@code key} is a number, else by port name. */
    private static String port(String name, String key, Service service) throws UnresolvableVariableException {
        List<ServicePort> ports = service.ports();
        if (!key.isEmpty() && key.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int index = key.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(key);
            if (index >= ports.size()) {
                throw new UnresolvableVariableException(name, "no port at index " + key + " (the service exposes "
                        + ports.size() + ")");
            }
            return Integer.toString(ports.get(index).port());
        }
        for (ServicePort port : ports) {
            if (key.equals(port.name())) {
                return Integer.toString(port.port());
            }
        }
        throw new UnresolvableVariableException(name, "no port named " + key + " (ports: " + describe(ports) + ")");
    }

    private static String hostname(String name, Service service) throws UnresolvableVariableException {
        if (service.hostname() == null || service.hostname().isEmpty()) {
            throw new UnresolvableVariableException(name, "the service has no hostname");
        }
        return service.hostname();
    }

    private static String pid(String name, Service service) throws UnresolvableVariableException {
        if (service.pid() <= 0) {
            throw new UnresolvableVariableException(name, "the service's process id is unknown");
        }
        return Integer.toString(service.pid());
    }

    private static String describe(List<ServicePort> ports) {
        if (ports.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        for (ServicePort port : ports) {
            out.append(out.isEmpty() ? "" : ", ").append(port.port());
            if (port.name() != null) {
                out.append('/').append(port.name());
            }
        }
        return out.toString();
    }
}
