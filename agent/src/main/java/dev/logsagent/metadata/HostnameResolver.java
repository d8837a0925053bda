package dev.logsagent.metadata;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The host's name as logs report it: {@code hostname} from the config (which {@code DD_HOSTNAME} overrides), else
 * the operating system's name. Reads {@code /etc/hostname} and {@code HOSTNAME} before asking the resolver, which
 * can hang for seconds on a host with broken DNS.
 */
public final class HostnameResolver {
    private HostnameResolver() {
    }

    public static String resolve(String configured, Map<String, String> env, Path etcHostname) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
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
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
