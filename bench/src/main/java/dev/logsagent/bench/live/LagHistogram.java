package dev.logsagent.bench.live;

/**
 * Counts of durations in log-linear buckets (128 per power of two, so a percentile is off by less than 0.8 %), in a
 * fixed 57 KiB whatever the run's length: a run can see tens of millions of lines. Not thread-safe.
 */
final class LagHistogram {
    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS;
    private final long[] counts = new long[SUB + (Long.SIZE - 1 - SUB_BITS) * SUB];
    private long total;
    private long max;

    void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        max = Math.max(max, v);
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    /** The smallest bucket bound that at least {@code quantile} of the values do not exceed (never above the max). */
    long percentile(double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), max);
            }
        }
        return max;
    }

    private static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int shift = Long.SIZE - 1 - Long.numberOfLeadingZeros(v) - SUB_BITS;
        return SUB + shift * SUB + (int) (v >>> shift) - SUB;
    }

    private static long upperBound(int index) {
        if (index < SUB) {
            return index;
        }
        int shift = (index - SUB) / SUB;
        long sub = SUB + (index - SUB) % SUB;
        return ((sub + 1) << shift) - 1;
    }
}
