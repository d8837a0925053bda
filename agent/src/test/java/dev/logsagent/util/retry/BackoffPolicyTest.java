package dev.logsagent.util.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffPolicyTest {

    /** Always draws the same fraction of the jitter range. */
    private record FixedFraction(double fraction) implements RandomGenerator {
        @Override
        public double nextDouble() {
            return fraction;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only nextDouble is drawn");
        }
    }

    private static BackoffPolicy datadogDefaults(double fraction) {
        return new BackoffPolicy(1, 2, 120, 2, new FixedFraction(fraction));
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    @Test
    void noWaitWithoutErrors() {
        assertThat(datadogDefaults(0.5).delay(0)).isZero();
    }

    @Test
    void waitGrowsByTheFactorPerError() {
        BackoffPolicy lowest = datadogDefaults(0);
        BackoffPolicy highest = datadogDefaults(1);

        assertThat(lowest.delay(1)).isEqualTo(seconds(1));
        assertThat(highest.delay(1)).isEqualTo(seconds(2));
        assertThat(lowest.delay(3)).isEqualTo(seconds(4));
        assertThat(highest.delay(3)).isEqualTo(seconds(8));
        assertThat(datadogDefaults(0.5).delay(2)).isEqualTo(seconds(3));
    }

    @Test
    void cappedWaitIsJitteredBelowTheMax() {
        assertThat(datadogDefaults(0).delay(7)).isEqualTo(seconds(60));
        assertThat(datadogDefaults(1).delay(7)).isEqualTo(seconds(120));
        assertThat(datadogDefaults(0.5).delay(1000)).isEqualTo(seconds(90));
    }

    @Test
    void factorOtherThanTwoIsBothTheGrowthAndTheJitterRange() {
        BackoffPolicy policy = new BackoffPolicy(0.5, 3, 60, 1, new FixedFraction(0.5));

        assertThat(policy.delay(2)).isEqualTo(seconds(3));
    }

    @Test
    void seededRandomStaysWithinTheJitterRangeAndSpreadsOverIt() {
        BackoffPolicy policy = new BackoffPolicy(1, 2, 120, 2, new SplittableRandom(42));

        for (int errors = 1; errors <= 8; errors++) {
            double high = Math.min(Math.pow(2, errors), 120);
            double low = high / 2;
            double seenMin = Double.MAX_VALUE;
            double seenMax = 0;
            for (int i = 0; i < 2000; i++) {
                double s = policy.delay(errors).toNanos() / 1e9;
                seenMin = Math.min(seenMin, s);
                seenMax = Math.max(seenMax, s);
            }
            assertThat(seenMin).isGreaterThanOrEqualTo(low).isLessThan(low + (high - low) * 0.05);
            assertThat(seenMax).isLessThanOrEqualTo(high).isGreaterThan(high - (high - low) * 0.05);
        }
    }

    @Test
    void errorCountStopsGrowingWhereTheWaitReachesTheMax() {
        BackoffPolicy policy = datadogDefaults(0.5);

        assertThat(policy.maxErrors()).isEqualTo(7);
        assertThat(policy.increaseError(0)).isEqualTo(1);
        assertThat(policy.increaseError(6)).isEqualTo(7);
        assertThat(policy.increaseError(7)).isEqualTo(7);
        assertThat(new BackoffPolicy(1, 2, 64, 2, new FixedFraction(0)).maxErrors()).isEqualTo(6);
    }

    @Test
    void errorsStillCountWhenTheBaseIsTheMax() {
        BackoffPolicy policy = new BackoffPolicy(10, 2, 10, 2, new FixedFraction(0));

        assertThat(policy.increaseError(0)).isEqualTo(1);
        assertThat(policy.increaseError(1)).isEqualTo(1);
        assertThat(policy.delay(1)).isEqualTo(seconds(5));
    }

    @Test
    void successLowersTheErrorCountByTheRecoveryIntervalDownToZero() {
        BackoffPolicy policy = datadogDefaults(0.5);

        assertThat(policy.decreaseError(5)).isEqualTo(3);
        assertThat(policy.decreaseError(1)).isZero();
        assertThat(policy.decreaseError(0)).isZero();
    }

    @Test
    void refusesSettingsThatCannotBackOff() {
        RandomGenerator random = new FixedFraction(0);
        assertThatThrownBy(() -> new BackoffPolicy(0, 2, 120, 2, random))
                .hasMessage("backoff base must be a positive number of seconds, got 0.0");
        assertThatThrownBy(() -> new BackoffPolicy(1, 1, 120, 2, random))
                .hasMessage("backoff factor must be greater than 1, got 1.0");
        assertThatThrownBy(() -> new BackoffPolicy(10, 2, 5, 2, random))
                .hasMessage("backoff max (5.0 s) must be at least the base (10.0 s)");
        assertThatThrownBy(() -> new BackoffPolicy(1, 2, 120, 0, random))
                .hasMessage("recovery interval must be at least 1, got 0");
    }
}
