package dev.logsagent.util.retry;

import dev.logsagent.errors.RetryException;
import dev.logsagent.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class RetrierTest {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final ManualClock clock = new ManualClock(START);

    /** Fails with "refused #n" on every attempt until told to succeed; records when each attempt was made. */
    private final class Target implements Retryable {
        final List<Instant> attempts = new ArrayList<>();
        volatile boolean succeed;

        @Override
        public void attempt() throws IOException {
            attempts.add(clock.instant());
            if (!succeed) {
                throw new IOException("refused #" + attempts.size());
            }
        }
    }

    private final Target target = new Target();

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void startsIdleWithTheFirstAttemptDueAtOnce() {
        Retrier retrier = new Retrier("db", target, new RetryStrategy.OneTry(), clock);

        assertThat(retrier.status()).isEqualTo(RetryStatus.IDLE);
        assertThat(retrier.tries()).isZero();
        assertThat(retrier.lastError()).isNull();
        assertThat(retrier.nextRetry()).isEqualTo(START);
        assertThat(retrier.name()).isEqualTo("db");
    }

    @Test
    void oneTryFailsForGoodAfterTheFirstFailure() {
        Retrier retrier = new Retrier("db", target, new RetryStrategy.OneTry(), clock);

        RetryException error = retrier.triggerRetry();

        assertThat(error).isNotNull();
        assertThat(error.permanent()).isTrue();
        assertThat(error).hasMessage("db: attempt 1 failed, giving up: refused #1")
                .hasCauseInstanceOf(IOException.class);
        assertThat(retrier.status()).isEqualTo(RetryStatus.PERMA_FAIL);
        assertThat(retrier.lastError()).isSameAs(error);

        clock.advance(Duration.ofHours(1));
        assertThat(retrier.triggerRetry()).isSameAs(error);
        assertThat(target.attempts).hasSize(1);
    }

    @Test
    void successReturnsNullAndNoFurtherAttemptIsMade() {
        target.succeed = true;
        Retrier retrier = new Retrier("db", target, new RetryStrategy.OneTry(), clock);

        assertThat(retrier.triggerRetry()).isNull();
        assertThat(retrier.status()).isEqualTo(RetryStatus.OK);
        assertThat(retrier.triggerRetry()).isNull();
        assertThat(target.attempts).hasSize(1);
        assertThat(retrier.tries()).isEqualTo(1);
    }

    @Test
    void retryCountWaitsTheDelayBetweenTriesAndGivesUpAfterMaxTries() {
        Retrier retrier = new Retrier("db", target, new RetryStrategy.RetryCount(3, ms(100)), clock);

        RetryException first = retrier.triggerRetry();
        assertThat(first.permanent()).isFalse();
        assertThat(first).hasMessage("db: attempt 1 failed, next in 100 ms: refused #1");
        assertThat(retrier.status()).isEqualTo(RetryStatus.FAIL_WILL_RETRY);
        assertThat(retrier.nextRetry()).isEqualTo(START.plus(ms(100)));

        clock.advance(ms(99));
        assertThat(retrier.triggerRetry()).isSameAs(first);
        assertThat(target.attempts).hasSize(1);

        clock.advance(ms(1));
        assertThat(retrier.triggerRetry().permanent()).isFalse();
        clock.advance(ms(100));
        RetryException last = retrier.triggerRetry();

        assertThat(last.permanent()).isTrue();
        assertThat(last).hasMessage("db: attempt 3 failed, giving up: refused #3");
        assertThat(retrier.status()).isEqualTo(RetryStatus.PERMA_FAIL);
        assertThat(target.attempts).containsExactly(START, START.plus(ms(100)), START.plus(ms(200)));

        clock.advance(Duration.ofHours(1));
        assertThat(retrier.triggerRetry()).isSameAs(last);
        assertThat(retrier.tries()).isEqualTo(3);
    }

    @Test
    void retryCountSucceedsOnALaterTry() {
        Retrier retrier = new Retrier("db", target, new RetryStrategy.RetryCount(3, ms(100)), clock);
        retrier.triggerRetry();
        target.succeed = true;
        clock.advance(ms(100));

        assertThat(retrier.triggerRetry()).isNull();
        assertThat(retrier.status()).isEqualTo(RetryStatus.OK);
        assertThat(retrier.lastError()).isNull();
        assertThat(retrier.tries()).isEqualTo(2);
    }

    @Test
    void backoffDoublesTheWaitUpToTheMaxAndNeverGivesUp() {
        Retrier retrier = new Retrier("db", target, new RetryStrategy.Backoff(ms(10), ms(50)), clock);

        List<Duration> waits = new ArrayList<>();
        Instant previous = clock.instant();
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.between(clock.instant(), retrier.nextRetry()));
            waits.add(Duration.between(previous, clock.instant()));
            previous = clock.instant();
            assertThat(retrier.triggerRetry().permanent()).isFalse();
            assertThat(retrier.status()).isEqualTo(RetryStatus.FAIL_WILL_RETRY);
        }

        assertThat(waits).containsExactly(ms(0), ms(10), ms(20), ms(40), ms(50), ms(50));
        assertThat(target.attempts).containsExactly(START, START.plus(ms(10)), START.plus(ms(30)),
                START.plus(ms(70)), START.plus(ms(120)), START.plus(ms(170)));
        assertThat(retrier.lastError()).hasMessage("db: attempt 6 failed, next in 50 ms: refused #6");
    }

    @Test
    void triggerBeforeNextRetryDoesNotAttempt() {
        Retrier retrier = new Retrier("db", target, new RetryStrategy.Backoff(ms(10), ms(50)), clock);
        RetryException first = retrier.triggerRetry();

        clock.advance(ms(9));
        for (int i = 0; i < 5; i++) {
            assertThat(retrier.triggerRetry()).isSameAs(first);
        }

        assertThat(target.attempts).hasSize(1);
        assertThat(retrier.tries()).isEqualTo(1);
    }

    @Test
    void withoutStrategyNothingIsAttemptedUntilSetup() {
        Retrier retrier = new Retrier("db", target, clock);

        RetryException notReady = retrier.triggerRetry();

        assertThat(notReady).hasMessage("db: no retry strategy set up yet");
        assertThat(notReady.permanent()).isFalse();
        assertThat(retrier.status()).isEqualTo(RetryStatus.NEEDS_SETUP);
        assertThat(target.attempts).isEmpty();

        clock.advance(ms(5));
        retrier.setup(new RetryStrategy.OneTry());
        assertThat(retrier.status()).isEqualTo(RetryStatus.IDLE);
        assertThat(retrier.nextRetry()).isEqualTo(START.plus(ms(5)));
        assertThat(retrier.triggerRetry()).isNotNull();
        assertThat(target.attempts).hasSize(1);
    }

    @Test
    void setupIsRefusedOnceSetUp() {
        Retrier retrier = new Retrier("db", target, new RetryStrategy.OneTry(), clock);

        assertThatThrownBy(() -> retrier.setup(new RetryStrategy.OneTry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("db: retrier is already set up (status IDLE)");
    }

    @Test
    void cancelStopsAttemptsAndKeepsTheLastFailureAsCause() {
        Retrier retrier = new Retrier("db", target, new RetryStrategy.Backoff(ms(10), ms(50)), clock);
        retrier.triggerRetry();

        retrier.cancel();
        clock.advance(Duration.ofHours(1));
        RetryException error = retrier.triggerRetry();

        assertThat(retrier.status()).isEqualTo(RetryStatus.PERMA_FAIL);
        assertThat(error).hasMessage("db: cancelled").hasCauseInstanceOf(IOException.class);
        assertThat(error.permanent()).isTrue();
        assertThat(target.attempts).hasSize(1);
    }

    @Test
    void cancelDuringAnAttemptWinsOverItsOutcome() {
        AtomicReference<Retrier> self = new AtomicReference<>();
        Retrier retrier = new Retrier("db", () -> self.get().cancel(), new RetryStrategy.OneTry(), clock);
        self.set(retrier);

        RetryException error = retrier.triggerRetry();

        assertThat(error).hasMessage("db: cancelled");
        assertThat(retrier.status()).isEqualTo(RetryStatus.PERMA_FAIL);
        assertThat(retrier.tries()).isEqualTo(1);
    }

    @Test
    void interruptedAttemptIsAFailureAndKeepsTheInterruptFlag() {
        Retrier retrier = new Retrier("db", () -> {
            throw new InterruptedException();
        }, new RetryStrategy.OneTry(), clock);

        RetryException error = retrier.triggerRetry();

        assertThat(Thread.interrupted()).isTrue();
        assertThat(error).hasMessage("db: attempt 1 failed, giving up: java.lang.InterruptedException");
    }

    @Test
    void concurrentTriggersWaitForTheAttemptInProgressWhileReadersDoNot() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Retrier retrier = new Retrier("db", () -> {
            attempts.incrementAndGet();
            entered.countDown();
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            throw new IOException("refused");
        }, new RetryStrategy.OneTry(), clock);

        Thread first = Thread.ofVirtual().start(retrier::triggerRetry);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Thread second = Thread.ofVirtual().start(retrier::triggerRetry);
        // Parked either on the retrier's lock, or (were attempts not serialized) inside a second attempt.
        await().atMost(Duration.ofSeconds(10)).until(() -> second.getState() == Thread.State.WAITING
                || second.getState() == Thread.State.TIMED_WAITING);

        assertThat(attempts).hasValue(1);
        assertThat(retrier.status()).isEqualTo(RetryStatus.IDLE);
        release.countDown();
        first.join();
        second.join();

        assertThat(attempts).hasValue(1);
        assertThat(retrier.status()).isEqualTo(RetryStatus.PERMA_FAIL);
    }
}
