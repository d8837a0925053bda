package dev.logsagent.bench.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LagHistogramTest {

    @Test
    void percentilesAreWithinOnePercentOfTheExactValues() {
        LagHistogram h = new LagHistogram();
        for (long ms = 1; ms <= 10_000; ms++) {
            h.record(ms * 1_000_000);
        }

        assertThat(h.count()).isEqualTo(10_000);
        assertThat((double) h.percentile(0.50)).isCloseTo(5_000e6, within(50e6));
        assertThat((double) h.percentile(0.90)).isCloseTo(9_000e6, within(90e6));
        assertThat((double) h.percentile(0.99)).isCloseTo(9_900e6, within(99e6));
        assertThat(h.percentile(0.50)).isGreaterThanOrEqualTo(5_000_000_000L);
        assertThat(h.max()).isEqualTo(10_000_000_000L);
        assertThat(h.percentile(1.0)).isEqualTo(h.max());
    }

    @Test
    void smallValuesAreExactAndNegativeOnesCountAsZero() {
        LagHistogram h = new LagHistogram();
        h.record(-5);
        h.record(3);
        h.record(100);

        assertThat(h.percentile(0.34)).isEqualTo(3);
        assertThat(h.percentile(0.33)).isZero();
        assertThat(h.percentile(1.0)).isEqualTo(100);
    }

    @Test
    void anEmptyHistogramAnswersZero() {
        assertThat(new LagHistogram().percentile(0.99)).isZero();
    }

    @Test
    void holdsTheLargestDurations() {
        LagHistogram h = new LagHistogram();
        h.record(Long.MAX_VALUE);

        assertThat(h.percentile(0.5)).isEqualTo(Long.MAX_VALUE);
    }
}
