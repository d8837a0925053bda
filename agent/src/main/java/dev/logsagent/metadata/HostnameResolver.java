package dev.logsagent.metadata;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The host's name as logs report it, first found of: {@code hostname} from the config, {@code DD_HOSTNAME} (for an
 * embedder whose config does not apply the environment), the Kubernetes node name when known (a pod's own name is
 * not the host's), the operating system's name. Reads {@code /etc/hostname} and {@code HOSTNAME} before asking the
 * resolver, which can hang for seconds on a host with broken DNS.
 */
public final class HostnameResolver {
    private HostnameResolver() {
    }

    /** @param kubeletNodeName the node this agent runs on, or null; asked only when nothing before it is set */
    public static ResolvedHostname resolve(String configured, Map<String, String> env,
                                           Supplier<String> kubeletNodeName, Path etcHostname) {
        if (isSet(configured)) {
            return new ResolvedHostname(configured.trim(), "configuration");
        }
        String ddHostname = env.get("DD_HOSTNAME");
        if (isSet(ddHostname)) {
            return new ResolvedHostname(ddHostname.trim(), "DD_HOSTNAME");
        }
        String node = kubeletNodeName.get();
        if (isSet(node)) {
            return new ResolvedHostname(node.trim(), "kubelet");
        }
        return new ResolvedHostname(osHostname(env, etcHostname), "os");
    }

    private static String osHostname(Map<String, String> env, Path etcHostname) {
        try {
            if (Files.isReadable(etcHostname)) {
                String name = Files.readString(etcHostname).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (IOException ignored) {
            // Fall through to the other ways of finding the name.
        }
        String fromEnv = env.get("HOSTNAME");
        if (isSet(fromEnv)) {
            return fromEnv.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
