package dev.logsagent.autodiscovery.scheduler;

import dev.logsagent.autodiscovery.IntegrationConfig;
import dev.logsagent.autodiscovery.RecordedWorkloads;
import dev.logsagent.autodiscovery.Service;
import dev.logsagent.autodiscovery.configresolver.ConfigResolver;
import dev.logsagent.config.SourceType;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_POD;
import static dev.logsagent.autodiscovery.RecordedWorkloads.REDIS_PODLIST;
import static dev.logsagent.autodiscovery.RecordedWorkloads.UBUNTU_INSPECT;
import static org.assertj.core.api.Assertions.assertThat;

class LogsSchedulerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Sources sources = new Sources();
    private final ConfigResolver resolver = new ConfigResolver(Map.of());
    private final Service redis = RecordedWorkloads.service(REDIS_PODLIST, REDIS_POD, "redis-unready");
    private final Service ubuntu = RecordedWorkloads.service(RecordedWorkloads.container(UBUNTU_INSPECT, Map.of()));

    private ResolvedConfig resolved(String name, String logs, Service service) {
        return resolver.resolve(new IntegrationConfig(name, "file", "/etc/conf.d/" + name + ".yaml",
                List.of("redis", "ubuntu"), JSON.readTree(logs)), service).resolved();
    }

    @Test
    void eachSourceOfAConfigIsAddedWhenScheduledAndRemovedWhenUnscheduled() {
        LogsScheduler scheduler = new LogsScheduler(sources, false);
        ResolvedConfig cache = resolved("cache", """
                [{"service": "cache"}, {"type": "tcp", "port": "%%port%%"}]""", redis);
        ResolvedConfig audit = resolved("audit", "[{\"source\": \"audit\"}]", redis);

        scheduler.schedule(List.of(cache, audit));
        scheduler.schedule(List.of(cache));

        assertThat(sources.all()).extracting(LogSource::name).containsExactly("cache", "cache", "audit");
        assertThat(sources.all()).allSatisfy(s -> assertThat(s.config().identifier()).isEqualTo(redis.serviceId()));

        scheduler.unschedule(List.of(cache));

        assertThat(sources.all()).extracting(LogSource::name).containsExactly("audit");
        scheduler.unschedule(List.of(audit, cache));
        assertThat(sources.all()).isEmpty();
    }

    @Test
    void collectAllGivesEachUnconfiguredServiceOneSourceNamedAfterItsShortImage() {
        LogsScheduler scheduler = new LogsScheduler(sources, true);

        scheduler.unconfiguredServices(List.of(ubuntu, redis));
        scheduler.unconfiguredServices(List.of(ubuntu, redis));

        assertThat(sources.all()).hasSize(2).allSatisfy(s -> {
            assertThat(s.config().type()).isEqualTo(SourceType.DOCKER);
            assertThat(s.config().origin()).isEqualTo(LogsScheduler.COLLECT_ALL);
        });
        LogSource redisSource = sources.all().get(1);
        assertThat(redisSource.name()).isEqualTo("redis");
        assertThat(redisSource.config().service()).isEqualTo("redis");
        assertThat(redisSource.config().source()).isEqualTo("redis");
        assertThat(redisSource.config().path()).isEqualTo(redis.logPath());
        assertThat(redisSource.config().identifier()).isEqualTo(redis.serviceId());
        assertThat(sources.all().get(0).config().service()).isEqualTo("ubuntu");

        scheduler.unconfiguredServices(List.of(redis));

        assertThat(sources.all()).containsExactly(redisSource);
    }

    @Test
    void withoutCollectAllUnconfiguredServicesGetNothing() {
        LogsScheduler scheduler = new LogsScheduler(sources, false);

        scheduler.unconfiguredServices(List.of(ubuntu, redis));

        assertThat(sources.all()).isEmpty();
    }
}
