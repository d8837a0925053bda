package dev.logsagent.util.retry;

import dev.logsagent.errors.RetryException;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes attempts at a {@link Retryable} when asked, no more often than its {@link RetryStrategy} allows, and
 * remembers how it went. A component embeds one and calls {@link #triggerRetry()} whenever it wants the thing
 * done; the retrier decides whether an attempt is due. It never sleeps and never starts threads.
 *
 * <p>Thread-safe: attempts are serialized, and the read accessors never wait for an attempt in progress.
 */
public final class Retrier {

    /** Everything that changes, swapped as one so that readers see a consistent picture. */
    private record State(RetryStatus status, RetryStrategy strategy, int tries, Instant nextRetry,
                         Duration backoffDelay, RetryException lastError) {

        State withTries(int newTries) {
            return new State(status, strategy, newTries, nextRetry, backoffDelay, lastError);
        }
    }

    private final String name;
    private final Retryable attempt;
    private final InstantSource clock;
    private final ReentrantLock attempting = new ReentrantLock();
    private final AtomicReference<State> state;

    /** A retrier ready to attempt ({@link RetryStatus#IDLE}). */
    public Retrier(String name, Retryable attempt, RetryStrategy strategy, InstantSource clock) {
        this(name, attempt, clock);
        setup(strategy);
    }

    /** A retrier that attempts nothing until {@link #setup} gives it a strategy ({@link RetryStatus#NEEDS_SETUP}). */
    public Retrier(String name, Retryable attempt, InstantSource clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.attempt = Objects.requireNonNull(attempt, "attempt");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = new AtomicReference<>(
                new State(RetryStatus.NEEDS_SETUP, null, 0, clock.instant(), null, null));
    }

    /** Gives a retrier built without a strategy its strategy; the first attempt is then due at once. */
    public void setup(RetryStrategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        State current = state.get();
        State ready = new State(RetryStatus.IDLE, strategy, 0, clock.instant(), null, null);
        while (current.status() == RetryStatus.NEEDS_SETUP) {
            if (state.compareAndSet(current, ready)) {
                return;
            }
            current = state.get();
        }
        throw new IllegalStateException(name + ": retrier is already set up (status " + current.status() + ")");
    }

    /**
     * Makes an attempt if one is due.
     *
     * @return null once an attempt has succeeded; otherwise the error of the last attempt, which is also what is
     *         returned, without attempting, while {@link #nextRetry()} has not come yet
     */
    public RetryException triggerRetry() {
        attempting.lock();
        try {
            State before = state.get();
            switch (before.status()) {
                case NEEDS_SETUP -> {
                    return new RetryException(name + ": no retry strategy set up yet", false, null);
                }
                case OK -> {
                    return null;
                }
                case PERMA_FAIL -> {
                    return before.lastError();
                }
                case IDLE, FAIL_WILL_RETRY -> {
                    if (clock.instant().isBefore(before.nextRetry())) {
                        return before.lastError();
                    }
                }
            }
            Exception failure = runAttempt();
            Instant now = clock.instant();
            // A cancel() that came in during the attempt wins over its outcome.
            State after = state.updateAndGet(current -> current.status() == RetryStatus.PERMA_FAIL
                    ? current.withTries(current.tries() + 1)
                    : outcome(current, failure, now));
            return after.lastError();
        } finally {
            attempting.unlock();
        }
    }

    private Exception runAttempt() {
        try {
            attempt.attempt();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (Exception e) {
            return e;
        }
    }

    private State outcome(State current, Exception failure, Instant now) {
        int tries = current.tries() + 1;
        RetryStrategy strategy = current.strategy();
        if (failure == null) {
            return new State(RetryStatus.OK, strategy, tries, current.nextRetry(), current.backoffDelay(), null);
        }
        return switch (strategy) {
            case RetryStrategy.OneTry() -> permanentFailure(current, tries, failure);
            case RetryStrategy.RetryCount count -> tries >= count.maxTries()
                    ? permanentFailure(current, tries, failure)
                    : failureWillRetry(strategy, tries, now, count.delay(), null, failure);
            case RetryStrategy.Backoff backoff -> {
                Duration delay = current.backoffDelay() == null
                        ? backoff.initialDelay()
                        : min(current.backoffDelay().multipliedBy(2), backoff.maxDelay());
                yield failureWillRetry(strategy, tries, now, delay, delay, failure);
            }
        };
    }

    private State permanentFailure(State current, int tries, Exception failure) {
        RetryException error = new RetryException(
                name + ": attempt " + tries + " failed, giving up: " + describe(failure), true, failure);
        return new State(RetryStatus.PERMA_FAIL, current.strategy(), tries, current.nextRetry(),
                current.backoffDelay(), error);
    }

    private State failureWillRetry(RetryStrategy strategy, int tries, Instant now, Duration delay,
                                   Duration backoffDelay, Exception failure) {
        RetryException error = new RetryException(name + ": attempt " + tries + " failed, next in "
                + delay.toMillis() + " ms: " + describe(failure), false, failure);
        return new State(RetryStatus.FAIL_WILL_RETRY, strategy, tries, now.plus(delay), backoffDelay, error);
    }

    private static String describe(Exception failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops for good: status becomes {@link RetryStatus#PERMA_FAIL} and no further attempt is made. */
    public void cancel() {
        state.updateAndGet(current -> {
            if (current.status() == RetryStatus.PERMA_FAIL) {
                return current;
            }
            Throwable lastFailure = current.lastError() == null ? null : current.lastError().getCause();
            RetryException cancelled = new RetryException(name + ": cancelled", true, lastFailure);
            return new State(RetryStatus.PERMA_FAIL, current.strategy(), current.tries(), current.nextRetry(),
                    current.backoffDelay(), cancelled);
        });
    }

    public String name() {
        return name;
    }

    public RetryStatus status() {
        return state.get().status();
    }

    /** When the next attempt becomes due; meaningful while the status is IDLE or FAIL_WILL_RETRY. */
    public Instant nextRetry() {
        return state.get().nextRetry();
    }

    /** The error of the last failed attempt (or of cancellation); null before any failure and after success. */
    public RetryException lastError() {
        return state.get().lastError();
    }

    /** How many attempts have been made. */
    public int tries() {
        return state.get().tries();
    }
}
