package dev.logsagent.util.retry;

import java.time.Duration;
import java.util.Objects;

/** How a {@link Retrier} reacts to a failed attempt. */
public sealed interface RetryStrategy {

    /** A single attempt: the first failure is permanent. */
    record OneTry() implements RetryStrategy {
    }

    /** Up to {@code maxTries} attempts, {@code delay} apart; failure number {@code maxTries} is permanent. */
    record RetryCount(int maxTries, Duration delay) implements RetryStrategy {
        public RetryCount {
            if (maxTries < 1) {
                throw new IllegalArgumentException("maxTries must be at least 1, got " + maxTries);
            }
            requireNotNegative("delay", delay);
        }
    }

    /**
     * Attempts forever; the wait after the first failure is {@code initialDelay} and doubles after each further
     * failure up to {@code maxDelay}.
     */
    record Backoff(Duration initialDelay, Duration maxDelay) implements RetryStrategy {
        public Backoff {
            requireNotNegative("initialDelay", initialDelay);
            requireNotNegative("maxDelay", maxDelay);
            if (initialDelay.isZero()) {
                throw new IllegalArgumentException("initialDelay must be positive, or the delay could never grow");
            }
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException(
                        "maxDelay " + maxDelay + " is shorter than initialDelay " + initialDelay);
            }
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }
}
