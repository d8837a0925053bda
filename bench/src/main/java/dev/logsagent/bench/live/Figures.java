package dev.logsagent.bench.live;

/** The numbers of a result as printed: three decimals, enough to compare runs and short enough to read. */
final class Figures {
    private Figures() {
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double millis(long nanos) {
        return round(nanos / 1e6);
    }

    static double mib(long bytes) {
        return round(bytes / 1048576.0);
    }

    /** Seconds from one instant of the run to another, or null when either was not reached (-1). */
    static Double since(long from, long to) {
        return from < 0 || to < 0 ? null : round(RunClock.seconds(to - from));
    }
}
