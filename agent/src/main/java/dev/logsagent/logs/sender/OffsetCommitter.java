package dev.logsagent.logs.sender;

import dev.logsagent.logs.message.Origin;

/** Told, in order, of each input position whose logs (and all before them) are settled. */
@FunctionalInterface
public interface OffsetCommitter {
    void commit(Origin checkpoint);
}
