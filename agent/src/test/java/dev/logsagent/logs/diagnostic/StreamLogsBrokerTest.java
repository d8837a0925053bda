package dev.logsagent.logs.diagnostic;

import dev.logsagent.config.Encoding;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.Origin;
import dev.logsagent.logs.sources.LogSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class StreamLogsBrokerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

    private final StreamLogsBroker broker = new StreamLogsBroker(Clock.fixed(NOW, ZoneOffset.UTC));
    private final LogSource nginx = new LogSource("nginx",
            SourceConfig.file("nginx", Path.of("/var/log/nginx/access.log"), "web", "nginx"));
    private final LogSource syslog = new LogSource("syslog", new SourceConfig("syslog", "conf.d/syslog.yaml",
            SourceType.TCP, null, List.of(), Encoding.UTF_8, StartPosition.END, 10514, null, "rsyslog", "syslog",
            null, List.of("env:prod"), List.of(), null, null, Map.of()));

    @Test
    void hasSubscribersOnlyWhileASubscriptionIsOpen() {
        assertThat(broker.hasSubscribers()).isFalse();
        Subscription first = broker.subscribe(Filter.ANY, 10);
        Subscription second = broker.subscribe(Filter.ANY, 10);
        assertThat(broker.hasSubscribers()).isTrue();
        first.close();
        assertThat(broker.hasSubscribers()).isTrue();
        second.close();
        second.close();
        assertThat(broker.hasSubscribers()).isFalse();
    }

    @Test
    void rendersEachLogAsOneJsonLineWithItsSourceFields() throws Exception {
        Subscription subscription = broker.subscribe(Filter.ANY, 10);
        Message message = message(syslog, "connection from 10.0.0.1");
        message.setStatus(Message.STATUS_ERROR);
        message.setTags(List.of("peer:10.0.0.1"));
        broker.publish(syslog, message);
        Message stamped = message(nginx, "GET / 200");
        stamped.setTimestamp(1234L);
        broker.publish(nginx, stamped);

        Subscription.Batch batch = subscription.next();

        assertThat(batch.skipped()).isZero();
        assertThat(batch.lines()).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
        JsonNode first = JSON.readTree(batch.lines().get(0));
        assertThat(first.get("message").asString()).isEqualTo("connection from 10.0.0.1");
        assertThat(first.get("status").asString()).isEqualTo("error");
        assertThat(first.get("service").asString()).isEqualTo("rsyslog");
        assertThat(first.get("source").asString()).isEqualTo("syslog");
        assertThat(first.get("type").asString()).isEqualTo("tcp");
        assertThat(first.get("tags").valueStream().map(JsonNode::asString))
                .containsExactly("env:prod", "peer:10.0.0.1");
        assertThat(first.get("timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        JsonNode second = JSON.readTree(batch.lines().get(1));
        assertThat(second.get("timestamp").asLong()).isEqualTo(1234L);
        assertThat(second.get("type").asString()).isEqualTo("file");
    }

    @Test
    void deliversOnlyTheLogsMatchingEachSubscribersFilter() throws Exception {
        Subscription byService = broker.subscribe(new Filter("web", null, null), 10);
        Subscription byType = broker.subscribe(new Filter(null, null, "tcp"), 10);
        Subscription bySourceAndType = broker.subscribe(new Filter("", "nginx", "tcp"), 10);
        Subscription everything = broker.subscribe(Filter.ANY, 10);

        broker.publish(nginx, message(nginx, "from nginx"));
        broker.publish(syslog, message(syslog, "from syslog"));

        assertThat(messages(byService.next())).containsExactly("from nginx");
        assertThat(messages(byType.next())).containsExactly("from syslog");
        assertThat(messages(everything.next())).containsExactly("from nginx", "from syslog");
        bySourceAndType.close();
        assertThat(bySourceAndType.next()).as("closed and never matched").isNull();
    }

    @Test
    void aSlowSubscriberMissesLogsAndIsToldHowManyWhileThePublisherNeverWaits() throws Exception {
        Subscription slow = broker.subscribe(Filter.ANY, 5);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 10_000; i++) {
                broker.publish(nginx, message(nginx, "line " + i));
            }
        });

        Subscription.Batch batch = slow.next();
        assertThat(messages(batch)).containsExactly("line 0", "line 1", "line 2", "line 3", "line 4");
        assertThat(batch.skipped()).isEqualTo(9_995);
        broker.publish(nginx, message(nginx, "after the gap"));
        Subscription.Batch next = slow.next();
        assertThat(messages(next)).containsExactly("after the gap");
        assertThat(next.skipped()).isZero();
    }

    @Test
    void closingWakesAReaderWaitingForLogs() throws Exception {
        Subscription subscription = broker.subscribe(Filter.ANY, 5);
        CompletableFuture<Subscription.Batch> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return subscription.next();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        subscription.close();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isNull();
        broker.publish(nginx, message(nginx, "nobody listens"));
        assertThat(subscription.next()).isNull();
    }

    @Test
    void refusesASubscriptionThatCouldHoldNothing() {
        assertThatThrownBy(() -> broker.subscribe(Filter.ANY, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThat(broker.hasSubscribers()).isFalse();
    }

    private static Message message(LogSource source, String content) {
        return Message.of(content, new Origin(source, new InputIdentity("file:" + source.name(), "end"), 0));
    }

    private static List<String> messages(Subscription.Batch batch) {
        List<String> out = new ArrayList<>();
        for (String line : batch.lines()) {
            out.add(JSON.readTree(line).get("message").asString());
        }
        return out;
    }
}
