package dev.logsagent.bench.live;

import java.util.BitSet;

/**
 * What the intake accepted, line by line: which (file, sequence) pairs arrived, how often, and how long after they
 * were written. Thread-safe: the intake answers requests concurrently.
 */
final class DeliveryLedger {
    /** A consistent view of the counters. */
    record Totals(long distinct, long records, long duplicates, long unstamped, long lagP50Nanos, long lagP90Nanos,
                  long lagP99Nanos, long lagMaxNanos) {
    }

    private final BitSet[] seen;
    private final LagHistogram lag = new LagHistogram();
    private long distinct;
    private long records;
    private long duplicates;
    private long unstamped;

    DeliveryLedger(int files) {
        seen = new BitSet[files];
        for (int i = 0; i < files; i++) {
            seen[i] = new BitSet();
        }
    }

    /** One accepted line; its lag counts only the first time it arrives. */
    synchronized void record(LineStamp stamp, long receivedNanos) {
        records++;
        if (stamp.file() >= seen.length || stamp.seq() > Integer.MAX_VALUE) {
            unstamped++;
            return;
        }
        BitSet lines = seen[stamp.file()];
        int seq = (int) stamp.seq();
        if (lines.get(seq)) {
            duplicates++;
            return;
        }
        lines.set(seq);
        distinct++;
        lag.record(receivedNanos - stamp.nanos());
    }

    /** An accepted log whose message does not start with a stamp of this run. */
    synchronized void recordUnstamped() {
        records++;
        unstamped++;
    }

    synchronized long distinct() {
        return distinct;
    }

    synchronized Totals totals() {
        return new Totals(distinct, records, duplicates, unstamped, lag.percentile(0.50), lag.percentile(0.90),
                lag.percentile(0.99), lag.max());
    }
}
