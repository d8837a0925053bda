package dev.logsagent.e2e;

import dev.logsagent.autodiscovery.AutoConfig;
import dev.logsagent.autodiscovery.RecordedServiceListener;
import dev.logsagent.autodiscovery.RecordedWorkloads;
import dev.logsagent.autodiscovery.Service;
import dev.logsagent.autodiscovery.configresolver.ConfigResolver;
import dev.logsagent.autodiscovery.providers.FileConfigProvider;
import dev.logsagent.autodiscovery.scheduler.LogsScheduler;
import dev.logsagent.autodiscovery.workloads.Pod;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.config.AgentConfig;
import dev.logsagent.config.ConfigLoader;
import dev.logsagent.logs.LogsAgent;
import dev.logsagent.logs.launchers.InputTags;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_POD;
import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_PODLIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Autodiscovery driving the real logs pipeline in-process: a conf.d template resolved for a recorded redis pod
 * becomes a file source that the real file launcher tails, and the in-test intake receives its lines; when the pod
 * goes and comes back, tailing resumes where it stopped.
 */
class AutodiscoveryEndToEndTest {
    @Test
    void aTemplateResolvedForAServiceIsTailedAndDeliveredAndResumesWhenTheServiceComesBack(@TempDir Path dir)
            throws Exception {
        Path confd = Files.createDirectories(dir.resolve("conf.d/redis.d"));
        Files.writeString(confd.resolve("conf.yaml"), """
                ad_identifiers: [redis]
                logs:
                  - type: file
                    path: "%s/pods/%%%%kube_namespace%%%%_%%%%kube_pod_name%%%%/redis.log"
                    service: "%%%%kube_container_name%%%%"
                    source: redis
                    start_position: beginning
                """.formatted(dir));
        Path log = Files.createDirectories(dir.resolve("pods/default_" + REDIS_POD)).resolve("redis.log");
        LogLines.append(log, "redis", 0, 100);
        Service redis = RecordedWorkloads.service(REDIS_PODLIST, REDIS_POD, "redis-unready");
        Pod pod = RecordedWorkloads.pod(REDIS_PODLIST, REDIS_POD, Map.of());

        try (TestIntake intake = new TestIntake()) {
            Path config = Files.writeString(dir.resolve("datadog.yaml"), """
                    api_key: %s
                    run_path: %s
                    logs_config:
                      logs_dd_url: %s
                      logs_no_ssl: true
                      batch_wait: 0.2
                      file_scan_period: 0.2
                    """.formatted(AgentHarness.API_KEY, dir.resolve("run"), intake.hostPort()));
            AgentConfig agentConfig = ConfigLoader.load(config, Map.of()).config();
            Sources sources = new Sources();
            LogsAgent logs = new LogsAgent(agentConfig, "e2e-host", sources,
                    new LogsMetrics(new PrometheusRegistry()), new StreamLogsBroker(Clock.systemUTC()), "test", InputTags.NONE);
            RecordedServiceListener listener = new RecordedServiceListener(new WorkloadStore(), false);
            AutoConfig autoConfig = new AutoConfig(new ConfigResolver(Map.of()));
            autoConfig.addProvider(new FileConfigProvider(dir.resolve("conf.d")), Duration.ofSeconds(10));
            autoConfig.addScheduler(new LogsScheduler(sources, false));
            autoConfig.addListener(listener);
            logs.start();
            autoConfig.start();
            try {
                listener.podStarted(pod, redis);
                await().atMost(Duration.ofSeconds(30)).until(() -> intake.messages().size() >= 100);

                JsonNode first = intake.logs().getFirst();
                assertThat(first.get("service").asString()).isEqualTo("redis-unready");
                assertThat(first.get("ddsource").asString()).isEqualTo("redis");
                assertThat(first.get("ddtags").asString()).contains("filename:redis.log");

                listener.podStopped(pod, redis);
                assertThat(sources.all()).isEmpty();
                LogLines.append(log, "redis", 100, 250);
                listener.podStarted(pod, redis);

                await().atMost(Duration.ofSeconds(30)).until(() -> intake.messages().size() >= 250);
                LogLines.assertExactlyOnceInOrder(intake.messages(), "redis", 250);
            } finally {
                autoConfig.stop();
                logs.stop();
            }
        }
    }
}
