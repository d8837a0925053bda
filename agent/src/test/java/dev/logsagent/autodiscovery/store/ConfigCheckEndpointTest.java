package dev.logsagent.autodiscovery.store;

import dev.logsagent.api.AuthToken;
import dev.logsagent.api.LocalApiServer;
import dev.logsagent.autodiscovery.AutoConfig;
import dev.logsagent.autodiscovery.RecordedServiceListener;
import dev.logsagent.autodiscovery.RecordedWorkloads;
import dev.logsagent.autodiscovery.Service;
import dev.logsagent.autodiscovery.configresolver.ConfigResolver;
import dev.logsagent.autodiscovery.providers.FileConfigProvider;
import dev.logsagent.autodiscovery.workloads.WorkloadStore;
import dev.logsagent.logs.diagnostic.StreamLogsBroker;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.status.StatusBuilder;
import dev.logsagent.telemetry.LogsMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_POD;
import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_PODLIST;
import static org.assertj.core.api.Assertions.assertThat;

class ConfigCheckEndpointTest {
    @TempDir
    Path dir;

    @Test
    void servesEveryResolvedConfigTheTemplatesMatchingNothingAndTheErrorsAsJson() throws Exception {
        Path confd = Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(confd.resolve("redis.yaml"), """
                ad_identifiers: [redis]
                logs:
                  - type: tcp
                    port: "%%port%%"
                    service: "%%kube_pod_name%%"
                """);
        Files.writeString(confd.resolve("web.yaml"), "ad_identifiers: [nginx]\nlogs:\n  - source: nginx\n");
        Files.writeString(confd.resolve("pid.yaml"), "ad_identifiers: [redis]\nlogs:\n  - source: \"%%pid%%\"\n");
        WorkloadStore workloads = new WorkloadStore();
        RecordedServiceListener listener = new RecordedServiceListener(workloads, false);
        Service redis = RecordedWorkloads.service(REDIS_PODLIST, REDIS_POD, "redis-unready");
        AuthToken token = AuthToken.create(dir.resolve("run"));
        try (AutoConfig autoConfig = new AutoConfig(new ConfigResolver(Map.of()));
             LocalApiServer api = new LocalApiServer("127.0.0.1", 0, token,
                     new StatusBuilder(new Sources(), new LogsMetrics(new PrometheusRegistry()))::build, Map::of,
                     new StreamLogsBroker(Clock.systemUTC()));
             HttpClient http = HttpClient.newHttpClient()) {
            autoConfig.addProvider(new FileConfigProvider(confd), Duration.ofDays(1));
            autoConfig.addListener(listener);
            autoConfig.start();
            listener.podStarted(RecordedWorkloads.pod(REDIS_PODLIST, REDIS_POD, Map.of()), redis);
            api.route(ConfigCheckEndpoint.PATH, new ConfigCheckEndpoint(autoConfig::configCheck));
            api.start();
            URI uri = URI.create("http://127.0.0.1:" + api.port() + ConfigCheckEndpoint.PATH);

            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", token.bearerHeader()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode check = JsonMapper.builder().build().readTree(response.body());
            JsonNode config = check.get("configs").get(0);
            assertThat(check.get("configs")).hasSize(1);
            assertThat(config.get("provider").asString()).isEqualTo("file");
            assertThat(config.get("name").asString()).isEqualTo("redis");
            assertThat(config.get("origin").asString()).isEqualTo(confd.resolve("redis.yaml").toString());
            assertThat(config.get("ad_identifiers").get(0).asString()).isEqualTo("redis");
            assertThat(config.get("service").asString()).isEqualTo(redis.serviceId());
            JsonNode source = config.get("sources").get(0);
            assertThat(source.get("type").asString()).isEqualTo("tcp");
            assertThat(source.get("port").asInt()).isEqualTo(6379);
            assertThat(source.get("service").asString()).isEqualTo(REDIS_POD);
            assertThat(source.get("identifier").asString()).isEqualTo(redis.serviceId());
            assertThat(check.get("unmatched_templates").get(0).get("name").asString()).isEqualTo("web");
            assertThat(check.get("errors").get(0).asString()).isEqualTo(confd.resolve("pid.yaml")
                    + ": not scheduled for " + redis.serviceId() + ": %%pid%%: the service's process id is unknown");

            HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers
                    .noBody()).header("Authorization", token.bearerHeader()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        }
    }
}
