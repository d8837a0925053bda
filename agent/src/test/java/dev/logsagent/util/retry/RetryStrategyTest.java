package dev.logsagent.util.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryStrategyTest {

    @Test
    void retryCountNeedsAtLeastOneTry() {
        assertThatThrownBy(() -> new RetryStrategy.RetryCount(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxTries must be at least 1, got 0");
    }

    @Test
    void retryCountRefusesANegativeDelay() {
        assertThatThrownBy(() -> new RetryStrategy.RetryCount(3, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delay must not be negative, got PT-1S");
    }

    @Test
    void backoffRefusesAZeroInitialDelay() {
        assertThatThrownBy(() -> new RetryStrategy.Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("initialDelay must be positive");
    }

    @Test
    void backoffRefusesAMaxBelowTheInitialDelay() {
        assertThatThrownBy(() -> new RetryStrategy.Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDelay PT1S is shorter than initialDelay PT2S");
    }
}
