package dev.logsagent.logs.tailers;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code source_host:<ip>} tag list of each peer, one instance per address, so the encoder's cache (per tag
 * list instance) serves every connection and datagram of a peer. Bounded: forgotten all at once when full.
 */
public final class PeerTags {
    private static final int MAX_PEERS = 4096;

    private final Map<InetAddress, List<String>> byAddress = new ConcurrentHashMap<>();

    public List<String> of(InetAddress address) {
        List<String> tags = byAddress.get(address);
        if (tags == null) {
            if (byAddress.size() >= MAX_PEERS) {
                byAddress.clear();
            }
            tags = byAddress.computeIfAbsent(address, a -> List.of("source_host:" + a.getHostAddress()));
        }
        return tags;
    }
}
