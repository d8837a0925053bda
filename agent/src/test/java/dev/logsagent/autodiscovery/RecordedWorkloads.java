package dev.logsagent.autodiscovery;

import dev.logsagent.autodiscovery.listeners.docker.ImageName;
import dev.logsagent.autodiscovery.workloads.Container;
import dev.logsagent.autodiscovery.workloads.Pod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Containers, pods and services built from the recorded payloads in {@code src/test/resources/autodiscovery/}
 * (see PROVENANCE.md there), the way the docker and kubelet listeners read them.
 */
public final class RecordedWorkloads {
    /** moby's inspect example: image {@code ubuntu}, network {@code bridge} 172.17.0.2. */
    public static final String UBUNTU_INSPECT = "container_inspect_moby_api_v1.43_example.json";
    /** docker-java's inspect: image {@code busybox}, pid 10912. */
    public static final String BUSYBOX_INSPECT = "container_inspect_dockerjava_1.24.json";
    /** Has pod {@code redis-unready-69cfd574f5-wg9vb} (image redis, port 6379 named redis, docker). */
    public static final String REDIS_PODLIST = "datadog-agent_podlist_container_ready.json";
    public static final String REDIS_POD = "redis-unready-69cfd574f5-wg9vb";
    /** Has pod {@code nginx-99d8b564-4r4vq} with container {@code nginx} (docker). */
    public static final String NGINX_PODLIST = "datadog-agent_podlist_1.8-2.json";
    public static final String NGINX_POD = "nginx-99d8b564-4r4vq";
    /** Has pod {@code coredns-747dbcf5df-qmtnl} (containerd). */
    public static final String CONTAINERD_PODLIST = "datadog-agent_podlist_init_container_running.json";
    public static final String COREDNS_POD = "coredns-747dbcf5df-qmtnl";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RecordedWorkloads() {
    }

    public static JsonNode read(String file) {
        try (InputStream in = RecordedWorkloads.class.getResourceAsStream("/autodiscovery/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded payload " + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of one recorded {@code ad.datadoghq.com/<container>.logs} annotation (0 or 1). */
    public static String recordedLogsAnnotation(int index) {
        return read("ad_logs_annotation_examples.json").get(index).get("annotation_value").asString();
    }

    /** A container from an inspect payload, with labels added (a test's label config). */
    public static Container container(String inspectFile, Map<String, String> addedLabels) {
        JsonNode inspect = read(inspectFile);
        JsonNode config = inspect.get("Config");
        Map<String, String> labels = new HashMap<>();
        config.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        labels.putAll(addedLabels);
        Map<String, String> addresses = new LinkedHashMap<>();
        inspect.path("NetworkSettings").path("Networks").properties()
                .forEach(e -> addresses.put(e.getKey(), e.getValue().get("IPAddress").asString()));
        List<Integer> ports = new ArrayList<>();
        config.path("ExposedPorts").propertyNames()
                .forEach(p -> ports.add(Integer.parseInt(p.substring(0, p.indexOf('/')))));
        return new Container(inspect.get("Id").asString(), "docker", inspect.get("Name").asString().substring(1),
                config.get("Image").asString(), labels, Map.of(), inspect.get("State").get("Running").asBoolean(),
                inspect.get("State").get("Pid").asInt(), config.get("Hostname").asString(), addresses, ports, null,
                inspect.get("LogPath").asString());
    }

    /** The docker listener's service for a container: identified by its service id, image and short image. */
    public static Service service(Container container) {
        return new Service(container.serviceId(), container.runtime(),
                identifiers(container.serviceId(), container.image()), container.ipAddresses(),
                container.ports().stream().sorted().map(p -> new ServicePort(p, null)).toList(), container.pid(),
                container.hostname(), Map.of(), container.logPath());
    }

    /** A pod from a PodList payload, with annotations added (a test's annotation config). */
    public static Pod pod(String podlistFile, String podName, Map<String, String> addedAnnotations) {
        JsonNode item = podItem(podlistFile, podName);
        JsonNode metadata = item.get("metadata");
        Map<String, String> annotations = new HashMap<>();
        metadata.path("annotations").properties().forEach(e -> annotations.put(e.getKey(), e.getValue().asString()));
        annotations.putAll(addedAnnotations);
        Map<String, String> labels = new HashMap<>();
        metadata.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        List<String> owners = new ArrayList<>();
        metadata.path("ownerReferences").forEach(o -> owners.add(o.get("kind").asString() + "/"
                + o.get("name").asString()));
        List<Pod.PodContainer> containers = new ArrayList<>();
        for (JsonNode spec : item.get("spec").get("containers")) {
            String name = spec.get("name").asString();
            List<Integer> ports = new ArrayList<>();
            Map<String, String> portNames = new HashMap<>();
            spec.path("ports").forEach(p -> {
                ports.add(p.get("containerPort").asInt());
                if (p.has("name")) {
                    portNames.put(p.get("containerPort").asString(), p.get("name").asString());
                }
            });
            JsonNode status = containerStatus(item, name);
            containers.add(new Pod.PodContainer(name, spec.get("image").asString(),
                    status == null || !status.has("containerID") ? null : status.get("containerID").asString(),
                    ports, portNames));
        }
        JsonNode status = item.path("status");
        return new Pod(metadata.get("uid").asString(), podName, metadata.get("namespace").asString(),
                status.path("phase").asString(""), status.path("podIP").asString(""), labels, annotations, owners,
                containers);
    }

    /** The kubelet listener's service for one container of a recorded pod. */
    public static Service service(String podlistFile, String podName, String containerName) {
        JsonNode item = podItem(podlistFile, podName);
        JsonNode metadata = item.get("metadata");
        JsonNode status = containerStatus(item, containerName);
        String id = status.get("containerID").asString();
        List<ServicePort> ports = new ArrayList<>();
        for (JsonNode spec : item.get("spec").get("containers")) {
            if (spec.get("name").asString().equals(containerName)) {
                spec.path("ports").forEach(p -> ports.add(new ServicePort(p.get("containerPort").asInt(),
                        p.has("name") ? p.get("name").asString() : null)));
            }
        }
        ports.sort((a, b) -> Integer.compare(a.port(), b.port()));
        String namespace = metadata.get("namespace").asString();
        String uid = metadata.get("uid").asString();
        return new Service(id, id.substring(0, id.indexOf("://")), identifiers(id, status.get("image").asString()),
                Map.of("pod", item.get("status").get("podIP").asString()), ports, 0, podName,
                Map.of("pod_name", podName, "namespace", namespace, "pod_uid", uid, "container_name", containerName),
                "/var/log/pods/" + namespace + "_" + podName + "_" + uid + "/" + containerName + "/*.log");
    }

    private static List<String> identifiers(String serviceId, String image) {
        ImageName name = ImageName.parse(image);
        List<String> identifiers = new ArrayList<>(List.of(serviceId, name.name()));
        if (!name.shortName().equals(name.name())) {
            identifiers.add(name.shortName());
        }
        return identifiers;
    }

    private static JsonNode podItem(String podlistFile, String podName) {
        for (JsonNode item : read(podlistFile).get("items")) {
            if (item.get("metadata").get("name").asString().equals(podName)) {
                return item;
            }
        }
        throw new IllegalArgumentException("no pod " + podName + " in " + podlistFile);
    }

    private static JsonNode containerStatus(JsonNode item, String containerName) {
        for (JsonNode status : item.path("status").path("containerStatuses")) {
            if (status.get("name").asString().equals(containerName)) {
                return status;
            }
        }
        return null;
    }
}
