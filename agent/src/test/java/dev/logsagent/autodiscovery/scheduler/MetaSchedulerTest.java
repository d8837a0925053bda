package dev.logsagent.autodiscovery.scheduler;

import dev.logsagent.autodiscovery.IntegrationConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetaSchedulerTest {
    private static final ResolvedConfig APP = new ResolvedConfig(new IntegrationConfig("app", "file",
            "/etc/conf.d/app.yaml", List.of(), JsonMapper.builder().build().readTree("[]")), null, List.of());

    @Test
    void everyRegisteredSchedulerIsToldEvenWhenAnotherFails() {
        MetaScheduler meta = new MetaScheduler();
        RecordingScheduler first = new RecordingScheduler();
        RecordingScheduler last = new RecordingScheduler();
        meta.register(first);
        meta.register(new Scheduler() {
            @Override
            public void schedule(List<ResolvedConfig> configs) {
                throw new IllegalStateException("broken scheduler");
            }

            @Override
            public void unschedule(List<ResolvedConfig> configs) {
                throw new IllegalStateException("broken scheduler");
            }
        });
        meta.register(last);

        meta.schedule(List.of(APP));
        meta.unschedule(List.of(APP));
        meta.unconfiguredServices(List.of());

        assertThat(first.events()).containsExactly("+app", "-app", "unconfigured []");
        assertThat(last.events()).isEqualTo(first.events());
    }

    @Test
    void nothingIsHandedOnForAnEmptyChange() {
        MetaScheduler meta = new MetaScheduler();
        RecordingScheduler recording = new RecordingScheduler();
        meta.register(recording);

        meta.schedule(List.of());
        meta.unschedule(List.of());

        assertThat(recording.events()).isEmpty();
    }
}
