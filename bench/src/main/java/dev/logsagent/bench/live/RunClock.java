package dev.logsagent.bench.live;

/**
 * The run's time line: nanoseconds since the run began, from the monotonic clock the writer and the intake share
 * (they run in one JVM, so a line's write stamp and its arrival compare directly).
 */
record RunClock(long epochNanos) {
    static RunClock start() {
        return new RunClock(System.nanoTime());
    }

    long nanos() {
        return System.nanoTime() - epochNanos;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static long toNanos(double seconds) {
        return (long) (seconds * 1e9);
    }
}
