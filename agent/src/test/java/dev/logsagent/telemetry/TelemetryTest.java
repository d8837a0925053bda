package dev.logsagent.telemetry;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryTest {

    private static boolean hasMetric(PrometheusRegistry registry, String name) {
        return registry.scrape().stream().map(MetricSnapshot::getMetadata).anyMatch(m -> m.getName().equals(name));
    }

    @Test
    void registryHoldsJvmMetricsFromTheStart() {
        Telemetry telemetry = new Telemetry();

        assertThat(hasMetric(telemetry.registry(), "jvm_memory_used_bytes")).isTrue();
        assertThat(hasMetric(telemetry.registry(), "jvm_threads_current")).isTrue();
    }

    @Test
    void eachTelemetryHasItsOwnRegistrySoLogsMetricsCanBeMadeTwice() {
        Telemetry first = new Telemetry();
        Telemetry second = new Telemetry();

        new LogsMetrics(first.registry()).logsSent.inc(5);
        LogsMetrics other = new LogsMetrics(second.registry());

        assertThat(first.registry()).isNotSameAs(second.registry()).isNotSameAs(PrometheusRegistry.defaultRegistry);
        assertThat(other.logsSent.get()).isZero();
        assertThat(hasMetric(PrometheusRegistry.defaultRegistry, "logs_sent")).isFalse();
    }
}
