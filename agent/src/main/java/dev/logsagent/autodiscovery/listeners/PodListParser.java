package dev.logsagent.autodiscovery.listeners;

import dev.logsagent.autodiscovery.Service;
import dev.logsagent.autodiscovery.ServicePort;
import dev.logsagent.autodiscovery.workloads.Pod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.logsagent.autodiscovery.listeners.docker.JsonFields.number;
import static dev.logsagent.autodiscovery.listeners.docker.JsonFields.stringMap;
import static dev.logsagent.autodiscovery.listeners.docker.JsonFields.text;

/**
 * Reads the kubelet's PodList: each pod as a {@link Pod} (its containers and init containers, with the runtime ID
 * of those that started), and each running container as a {@link Service} whose logs are the CRI files the
 * kubelet keeps under {@code pods_path}. Missing fields read as empty, as kubelet versions differ.
 */
final class PodListParser {
    private final Path podsPath;

    /**
     * One pod as the kubelet reported it.
     *
     * @param services its running containers
     */
    record KubeletPod(Pod pod, List<Service> services) {
    }

    /** What the spec and the status tell of one container. */
    private record ContainerView(String name, String image, String runtimeId, boolean running,
                                 List<ServicePort> ports) {
    }

    PodListParser(Path podsPath) {
        this.podsPath = podsPath;
    }

    List<KubeletPod> parse(JsonNode podList) {
        List<KubeletPod> pods = new ArrayList<>();
        for (JsonNode item : podList.path("items")) {
            String uid = text(item.path("metadata"), "uid");
            if (!uid.isEmpty()) {
                pods.add(pod(item));
            }
        }
        return pods;
    }

    private KubeletPod pod(JsonNode item) {
        JsonNode metadata = item.path("metadata");
        JsonNode spec = item.path("spec");
        JsonNode status = item.path("status");
        List<ContainerView> views = new ArrayList<>();
        views.addAll(containers(spec.path("initContainers"), status.path("initContainerStatuses")));
        views.addAll(containers(spec.path("containers"), status.path("containerStatuses")));
        List<String> owners = new ArrayList<>();
        for (JsonNode owner : metadata.path("ownerReferences")) {
            owners.add(text(owner, "kind") + "/" + text(owner, "name"));
        }
        List<Pod.PodContainer> podContainers = views.stream().map(PodListParser::podContainer).toList();
        Pod pod = new Pod(text(metadata, "uid"), text(metadata, "name"), text(metadata, "namespace"),
                text(status, "phase"), text(status, "podIP"), stringMap(metadata.path("labels")),
                stringMap(metadata.path("annotations")), owners, podContainers);
        String hostname = text(spec, "hostname");
        List<Service> services = new ArrayList<>();
        for (ContainerView view : views) {
            if (view.running() && view.runtimeId().contains("://")) {
                services.add(service(pod, view, hostname.isEmpty() ? pod.name() : hostname));
            }
        }
        return new KubeletPod(pod, services);
    }

    /** The spec's containers, with the status of each where there is one (a container not created yet has none). */
    private static List<ContainerView> containers(JsonNode specs, JsonNode statuses) {
        Map<String, JsonNode> statusByName = new HashMap<>();
        for (JsonNode status : statuses) {
            statusByName.put(text(status, "name"), status);
        }
        List<ContainerView> views = new ArrayList<>();
        for (JsonNode spec : specs) {
            String name = text(spec, "name");
            JsonNode status = statusByName.getOrDefault(name, MissingNode.getInstance());
            String image = text(spec, "image");
            List<ServicePort> ports = new ArrayList<>();
            for (JsonNode port : spec.path("ports")) {
                long number = number(port, "containerPort", 0);
                if (number > 0) {
                    String portName = text(port, "name");
                    ports.add(new ServicePort((int) number, portName.isEmpty() ? null : portName));
                }
            }
            ports.sort(Comparator.comparingInt(ServicePort::port)
                    .thenComparing(ServicePort::name, Comparator.nullsFirst(Comparator.naturalOrder())));
            views.add(new ContainerView(name, image.isEmpty() ? text(status, "image") : image,
                    text(status, "containerID"), status.path("state").has("running"), ports));
        }
        return views;
    }

    private static Pod.PodContainer podContainer(ContainerView view) {
        Map<String, String> portNames = new LinkedHashMap<>();
        for (ServicePort port : view.ports()) {
            if (port.name() != null) {
                portNames.put(port.name(), Integer.toString(port.port()));
            }
        }
        return new Pod.PodContainer(view.name(), view.image(), view.runtimeId().isEmpty() ? null : view.runtimeId(),
                view.ports().stream().map(ServicePort::port).distinct().toList(), portNames);
    }

    private Service service(Pod pod, ContainerView view, String hostname) {
        String serviceId = view.runtimeId();
        String runtime = serviceId.substring(0, serviceId.indexOf("://"));
        Map<String, String> hosts = pod.ip().isEmpty() ? Map.of() : Map.of("pod", pod.ip());
        Map<String, String> kube = Map.of("pod_name", pod.name(), "namespace", pod.namespace(),
                "pod_uid", pod.uid(), "container_name", view.name());
        return new Service(serviceId, runtime, AdIdentifiers.of(serviceId, view.image()), hosts, view.ports(), 0,
                hostname, kube, logGlob(pod, view.name()));
    }

    /** The kubelet's layout: {@code <pods_path>/<namespace>_<pod>_<uid>/<container>/<restart count>.log}. */
    private String logGlob(Pod pod, String container) {
        return podsPath.resolve(pod.namespace() + "_" + pod.name() + "_" + pod.uid()).resolve(container)
                .resolve("*.log").toString();
    }
}
