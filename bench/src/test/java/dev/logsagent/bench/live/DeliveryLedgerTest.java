package dev.logsagent.bench.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryLedgerTest {

    @Test
    void countsEachLineOnceAndItsLagOnlyOnItsFirstArrival() {
        DeliveryLedger ledger = new DeliveryLedger(2);
        ledger.record(new LineStamp(0, 0, 1_000_000), 3_000_000);
        ledger.record(new LineStamp(1, 0, 1_000_000), 2_000_000);
        ledger.record(new LineStamp(0, 0, 1_000_000), 900_000_000);

        DeliveryLedger.Totals t = ledger.totals();
        assertThat(t.distinct()).isEqualTo(2);
        assertThat(t.records()).isEqualTo(3);
        assertThat(t.duplicates()).isEqualTo(1);
        assertThat(t.lagMaxNanos()).isEqualTo(2_000_000);
        assertThat(t.lagP50Nanos()).isBetween(1_000_000L, 1_010_000L);
    }

    @Test
    void aStampOfAFileThatIsNotPartOfTheRunIsNotALineOfIt() {
        DeliveryLedger ledger = new DeliveryLedger(2);
        ledger.record(new LineStamp(2, 0, 0), 1);
        ledger.recordUnstamped();

        DeliveryLedger.Totals t = ledger.totals();
        assertThat(t.distinct()).isZero();
        assertThat(t.records()).isEqualTo(2);
        assertThat(t.unstamped()).isEqualTo(2);
    }
}
