package dev.logsagent.logs.sender;

import dev.logsagent.logs.message.Origin;

import java.util.HashMap;
import java.util.Map;

/**
 * Commits checkpoints in payload order even when payloads settle out of order (several in flight): a payload's
 * offsets move only once every payload before it in the same pipeline is settled, delivered or dropped.
 */
final class PayloadTracker {
    private final OffsetCommitter committer;
    private final Map<Long, Payload> settled = new HashMap<>();
    private long next;

    PayloadTracker(OffsetCommitter committer) {
        this.committer = committer;
    }

    synchronized void settle(Payload payload) {
        settled.put(payload.sequence(), payload);
        Payload p;
        while ((p = settled.remove(next)) != null) {
            for (Origin checkpoint : p.checkpoints()) {
                committer.commit(checkpoint);
            }
            next++;
        }
    }

    /** Payloads settled but waiting for an earlier one. */
    synchronized int waiting() {
        return settled.size();
    }
}
