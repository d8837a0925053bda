package dev.logsagent.util.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a sender waits before sending again after errors, as the Datadog Agent's senders do
 * ({@code sender_backoff_base}, {@code sender_backoff_factor}, {@code sender_backoff_max},
 * {@code sender_recovery_interval}). The caller keeps the error count; this class only does the arithmetic.
 *
 * <p>After {@code n} errors the nominal wait is {@code base * factor^n} seconds, capped at {@code max}; the
 * actual wait is drawn uniformly from {@code [nominal / factor, nominal]} so that many agents recovering from
 * the same outage do not retry in step.
 */
public final class BackoffPolicy {
    private final double baseSeconds;
    private final double factor;
    private final double maxSeconds;
    private final int recoveryInterval;
    private final RandomGenerator random;
    private final int maxErrors;

    public BackoffPolicy(double baseSeconds, double factor, double maxSeconds, int recoveryInterval,
                         RandomGenerator random) {
        if (!(baseSeconds > 0) || Double.isInfinite(baseSeconds)) {
            throw new IllegalArgumentException("backoff base must be a positive number of seconds, got " + baseSeconds);
        }
        if (!(factor > 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("backoff factor must be greater than 1, got " + factor);
        }
        if (!(maxSeconds >= baseSeconds) || Double.isInfinite(maxSeconds)) {
            throw new IllegalArgumentException(
                    "backoff max (" + maxSeconds + " s) must be at least the base (" + baseSeconds + " s)");
        }
        if (recoveryInterval < 1) {
            throw new IllegalArgumentException("recovery interval must be at least 1, got " + recoveryInterval);
        }
        this.baseSeconds = baseSeconds;
        this.factor = factor;
        this.maxSeconds = maxSeconds;
        this.recoveryInterval = recoveryInterval;
        this.random = Objects.requireNonNull(random, "random");
        this.maxErrors = errorsToReachMax(baseSeconds, factor, maxSeconds);
    }

    /** The smallest error count whose nominal wait reaches the cap; at least 1 so that errors always count. */
    private static int errorsToReachMax(double baseSeconds, double factor, double maxSeconds) {
        int errors = 1;
        double nominal = baseSeconds * factor;
        while (nominal < maxSeconds) {
            nominal *= factor;
            errors++;
        }
        return errors;
    }

    /** The wait before the next send after {@code errors} consecutive errors; zero when there are none. */
    public Duration delay(int errors) {
        if (errors <= 0) {
            return Duration.ZERO;
        }
        double nominal = Math.min(baseSeconds * Math.pow(factor, errors), maxSeconds);
        double low = nominal / factor;
        double seconds = low + random.nextDouble() * (nominal - low);
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** The error count after one more error; it stops growing once the wait is at the cap, so recovery is quick. */
    public int increaseError(int errors) {
        return Math.min(errors + 1, maxErrors);
    }

    /** The error count after a success: {@code recoveryInterval} fewer, never below zero. */
    public int decreaseError(int errors) {
        return Math.max(errors - recoveryInterval, 0);
    }

    /** The error count at which the wait reaches {@code maxSeconds}. */
    public int maxErrors() {
        return maxErrors;
    }
}
