package dev.logsagent.telemetry;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The agent's one metrics registry, holding the JVM's own metrics from the start; components register theirs
 * (such as {@link LogsMetrics}) in it. It is deliberately not Prometheus' static default registry, so that
 * several agents (tests, embedding) can live in one process without their metrics colliding.
 */
public final class Telemetry {
    private final PrometheusRegistry registry = new PrometheusRegistry();

    public Telemetry() {
        JvmMetrics.builder().register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }
}
