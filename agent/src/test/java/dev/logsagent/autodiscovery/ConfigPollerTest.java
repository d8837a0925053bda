package dev.logsagent.autodiscovery;

import dev.logsagent.autodiscovery.providers.ConfigProvider;
import dev.logsagent.autodiscovery.providers.FileConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConfigPollerTest {
    @TempDir
    Path confd;

    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final ConfigPoller.Changes recorder = new ConfigPoller.Changes() {
        @Override
        public void changed(ConfigProvider provider, List<IntegrationConfig> removed, List<IntegrationConfig> added) {
            changes.add("removed " + removed.stream().map(ConfigPollerTest::describe).toList() + " added "
                    + added.stream().map(ConfigPollerTest::describe).toList());
        }

        @Override
        public void polled(ConfigPoller poller) {
        }
    };
    private ConfigPoller poller;

    private static String describe(IntegrationConfig config) {
        return config.name() + ":" + config.logs().get(0).get("port");
    }

    private void source(String name, int port) throws IOException {
        Files.writeString(confd.resolve(name + ".yaml"), "logs:\n  - type: udp\n    port: " + port + "\n");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (poller != null) {
            poller.stop();
        }
    }

    @Test
    void theFirstPollHappensOnStartAndHandsEveryConfigAsAdded() throws IOException {
        source("a", 514);
        source("b", 515);
        poller = new ConfigPoller(new FileConfigProvider(confd), Duration.ofDays(1), recorder);

        poller.start();

        assertThat(changes).containsExactly("removed [] added [a:514, b:515]");
        assertThat(poller.completedPolls()).isEqualTo(1);
    }

    @Test
    void aChangedConfigIsRemovedAndAddedAgainAndTheUntouchedOnesAreNotHandedOn() throws IOException {
        source("a", 514);
        source("b", 515);
        poller = new ConfigPoller(new FileConfigProvider(confd), Duration.ofDays(1), recorder);
        poller.start();

        source("b", 516);
        Files.delete(confd.resolve("a.yaml"));
        source("c", 517);
        poller.pollNow();

        await().atMost(Duration.ofSeconds(5)).until(() -> changes.size() == 2);
        assertThat(changes.get(1)).isEqualTo("removed [a:514, b:515] added [b:516, c:517]");
    }

    @Test
    void nothingIsHandedOnWhileTheProviderIsUpToDate() throws IOException {
        source("a", 514);
        poller = new ConfigPoller(new FileConfigProvider(confd), Duration.ofDays(1), recorder);
        poller.start();

        poller.pollNow();

        await().atMost(Duration.ofSeconds(5)).until(() -> poller.completedPolls() == 2);
        assertThat(changes).hasSize(1);
    }

    @Test
    void aFailingProviderKeepsItsConfigsAndIsReportedUntilAPollSucceeds() throws IOException {
        source("a", 514);
        FlakyProvider flaky = new FlakyProvider(new FileConfigProvider(confd));
        poller = new ConfigPoller(flaky, Duration.ofDays(1), recorder);
        poller.start();

        flaky.failing = true;
        source("a", 600);
        poller.pollNow();
        await().atMost(Duration.ofSeconds(5)).until(() -> poller.error() != null);
        assertThat(poller.error()).isEqualTo("conf.d is on a disk that went away");
        assertThat(changes).hasSize(1);

        flaky.failing = false;
        poller.pollNow();
        await().atMost(Duration.ofSeconds(5)).until(() -> poller.error() == null);
        assertThat(changes).containsExactly("removed [] added [a:514]", "removed [a:514] added [a:600]");
    }

    /** The file provider, but its collect fails while {@code failing} is set: like a folder on a lost mount. */
    private static final class FlakyProvider implements ConfigProvider {
        private final FileConfigProvider files;
        volatile boolean failing;

        FlakyProvider(FileConfigProvider files) {
            this.files = files;
        }

        @Override
        public String name() {
            return files.name();
        }

        @Override
        public boolean isUpToDate() throws IOException {
            return files.isUpToDate();
        }

        @Override
        public List<IntegrationConfig> collect() throws IOException {
            if (failing) {
                throw new IOException("conf.d is on a disk that went away");
            }
            return files.collect();
        }
    }
}
