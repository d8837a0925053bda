package dev.logsagent.logs.tailers;

import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.launchers.journald.JournalExclusions;
import dev.logsagent.logs.launchers.journald.JournalPosition;
import dev.logsagent.logs.launchers.journald.JournalctlCommand;
import dev.logsagent.logs.launchers.journald.JournaldSourceConfig;
import dev.logsagent.logs.launchers.journald.TestJournal;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.telemetry.LogsMetrics;
import dev.logsagent.util.retry.BackoffPolicy;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.logsagent.logs.launchers.journald.TestJournal.append;
import static dev.logsagent.logs.launchers.journald.TestJournal.entry;
import static dev.logsagent.logs.launchers.journald.TestJournal.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Tails real journal files written by systemd-journal-remote, through the real journalctl. */
class JournaldTailerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private Path journal;
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final LogsMetrics metrics = new LogsMetrics(new PrometheusRegistry());
    private final List<JournaldTailer> tailers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        TestJournal.assumeToolsInstalled();
        journal = dir.resolve("test.journal");
    }

    @AfterEach
    void stopTailers() throws InterruptedException {
        for (JournaldTailer t : tailers) {
            t.stop();
            t.awaitStopped(Duration.ofSeconds(5));
        }
    }

    private JournaldTailer start(LogSource source, JournalPosition from) {
        JournaldSourceConfig config = JournaldSourceConfig.of(source.config());
        JournaldTailer tailer = new JournaldTailer(source, new InputIdentity(config.identifier(), "beginning"),
                new JournalctlCommand("journalctl", config, null), JournalExclusions.of(config), from,
                JournalPosition.beginning(), received::add,
                new BackoffPolicy(0.01, 2, 0.05, 1, new Random(1)), metrics);
        tailers.add(tailer);
        tailer.start();
        return tailer;
    }

    private LogSource source(Map<String, Object> extra) {
        return TestJournal.source("journald", journal, null, StartPosition.BEGINNING, extra);
    }

    private List<String> contents() {
        return received.stream().map(Message::contentAsString).toList();
    }

    private void awaitContents(String... expected) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(contents()).containsExactly(expected));
    }

    /** Waits for exactly these contents, then checks for a while that nothing more (a duplicate) comes. */
    private void awaitOnly(String... expected) {
        awaitContents(expected);
        await().during(Duration.ofMillis(300)).atMost(WAIT)
                .untilAsserted(() -> assertThat(contents()).containsExactly(expected));
    }

    @Test
    void priorityBecomesStatusAndRealtimeTimestampBecomesTimestamp() throws Exception {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int p = 0; p <= 7; p++) {
            entries.add(entry("p" + p, "PRIORITY", Integer.toString(p)));
        }
        entries.add(entry("none"));
        entries.add(entry("stamped", "__REALTIME_TIMESTAMP", "1700000000123456"));
        append(journal, entries);

        start(source(Map.of()), JournalPosition.beginning());

        awaitContents("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "none", "stamped");
        assertThat(received.stream().map(Message::status)).containsExactly("emergency", "alert", "critical", "error",
                "warn", "notice", "info", "debug", "info", "info");
        assertThat(received.get(9).timestamp()).isEqualTo(1_700_000_000_123L);
        assertThat(received.get(0).timestamp()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset
                .offset(60_000L));
    }

    @Test
    void everyMessageCarriesItsEntryCursorForTheRegistry() throws Exception {
        append(journal, numbered("m", 0, 3));

        JournaldTailer tailer = start(source(Map.of()), JournalPosition.beginning());

        awaitContents("m0", "m1", "m2");
        List<String> cursors = received.stream().map(m -> m.origin().position()).toList();
        assertThat(cursors).doesNotContainNull().doesNotHaveDuplicates().allMatch(c -> c.startsWith("s="));
        assertThat(received.get(2).origin().registryOffset()).isEqualTo(cursors.get(2));
        assertThat(received.get(0).origin().identifier()).isEqualTo("journald:" + journal);
        await().atMost(WAIT).until(() -> tailer.position().equals(JournalPosition.afterCursor(cursors.get(2))));
    }

    @Test
    void includeUnitsSelectsAndExcludeUnitsDrops() throws Exception {
        append(journal, List.of(
                entry("a1", "_SYSTEMD_UNIT", "a.service"),
                entry("b1", "_SYSTEMD_UNIT", "b.service"),
                entry("c1", "_SYSTEMD_UNIT", "c.service"),
                entry("no unit"),
                entry("a2", "_SYSTEMD_UNIT", "a.service")));

        start(source(Map.of("include_units", List.of("a.service", "b.service"),
                "exclude_units", List.of("b.service"))), JournalPosition.beginning());
        awaitContents("a1", "a2");
    }

    @Test
    void excludeUnitsStarDropsEveryEntryFromAUnit() throws Exception {
        append(journal, List.of(entry("kernel"), entry("a1", "_SYSTEMD_UNIT", "a.service"), entry("last")));

        start(source(Map.of("exclude_units", List.of("*"))), JournalPosition.beginning());
        awaitContents("kernel", "last");
    }

    @Test
    void includeMatchesSelectAndExcludeMatchesDrop() throws Exception {
        append(journal, List.of(
                entry("core info", "TEAM", "core", "CHANNEL", "info"),
                entry("core debug", "TEAM", "core", "CHANNEL", "debug"),
                entry("edge info", "TEAM", "edge", "CHANNEL", "info"),
                entry("core noisy", "TEAM", "core", "PRIORITY", "7"),
                entry("core again", "TEAM", "core")));

        start(source(Map.of("include_matches", List.of("TEAM=core"),
                "exclude_matches", List.of("CHANNEL=debug", "PRIORITY=7"))), JournalPosition.beginning());
        awaitContents("core info", "core again");
    }

    @Test
    void serviceComesFromTheEntryWhenTheSourceNamesNone() throws Exception {
        append(journal, List.of(
                entry("from unit", "_SYSTEMD_UNIT", "app.service"),
                entry("from identifier", "_SYSTEMD_UNIT", "cron.service", "SYSLOG_IDENTIFIER", "CRON"),
                entry("anonymous")));

        start(source(Map.of()), JournalPosition.beginning());

        awaitContents("from unit", "from identifier", "anonymous");
        assertThat(received.stream().map(Message::service)).containsExactly("app.service", "CRON", null);
    }

    @Test
    void theSourceServiceWinsOverTheEntry() throws Exception {
        append(journal, List.of(entry("from unit", "_SYSTEMD_UNIT", "app.service")));

        start(TestJournal.source("journald", journal, "web", StartPosition.BEGINNING, Map.of()),
                JournalPosition.beginning());

        awaitContents("from unit");
        assertThat(received.get(0).service()).isNull();
    }

    @Test
    void binaryAndMultiLineMessagesArriveAsUtf8() throws Exception {
        byte[] invalid = {'a', 'b', (byte) 0xff, 'c', 'd'};
        byte[] escape = "colour \u001b[31mred".getBytes(StandardCharsets.UTF_8);
        append(journal, List.of(entry("x", "MESSAGE", invalid), entry("x", "MESSAGE", escape),
                entry("line 1\nline 2\ttabbed"), entry("caf\u00e9 \u65e5\u672c")));

        start(source(Map.of()), JournalPosition.beginning());

        awaitContents("ab\uFFFDcd", "colour \u001b[31mred", "line 1\nline 2\ttabbed", "caf\u00e9 \u65e5\u672c");
    }

    @Test
    void followsEntriesAppendedWhileRunning() throws Exception {
        append(journal, numbered("m", 0, 2));
        start(source(Map.of()), JournalPosition.beginning());
        awaitContents("m0", "m1");

        append(journal, numbered("m", 2, 5));
        awaitContents("m0", "m1", "m2", "m3", "m4");
    }

    @Test
    void endSkipsWhatIsThereAndReadsEverythingAppendedAfter() throws Exception {
        append(journal, numbered("old", 0, 3));
        JournaldTailer tailer = start(source(Map.of()), JournalPosition.end());
        await().atMost(WAIT).until(() -> tailer.position().kind() == JournalPosition.Kind.AFTER_CURSOR);

        append(journal, numbered("new", 0, 2));
        awaitOnly("new0", "new1");
    }

    @Test
    void aNewTailerFromTheLastCursorReadsOnlyWhatCameAfter() throws Exception {
        append(journal, numbered("m", 0, 3));
        JournaldTailer first = start(source(Map.of()), JournalPosition.beginning());
        awaitContents("m0", "m1", "m2");
        first.stop();
        first.awaitStopped(WAIT);
        String lastCursor = received.get(2).origin().position();
        received.clear();

        append(journal, numbered("m", 3, 5));
        start(source(Map.of()), JournalPosition.afterCursor(lastCursor));
        awaitOnly("m3", "m4");
    }

    @Test
    void journalctlThatDiesIsStartedAgainAfterTheLastEntryRead() throws Exception {
        append(journal, numbered("m", 0, 3));
        LogSource source = source(Map.of());
        JournaldTailer tailer = start(source, JournalPosition.beginning());
        awaitContents("m0", "m1", "m2");

        List<ProcessHandle> journalctl = journalctlProcesses();
        assertThat(journalctl).hasSize(1);
        journalctl.get(0).destroyForcibly();
        await().atMost(WAIT).until(() -> tailer.processesStarted() == 2 && journalctlProcesses().size() == 1);
        assertThat(source.messages()).anyMatch(m -> m.contains("journalctl for journald:" + journal + " exited"));

        append(journal, numbered("m", 3, 5));
        awaitOnly("m0", "m1", "m2", "m3", "m4");
    }

    @Test
    void stopKillsJournalctl() throws Exception {
        append(journal, numbered("m", 0, 1));
        JournaldTailer tailer = start(source(Map.of()), JournalPosition.beginning());
        awaitContents("m0");
        assertThat(journalctlProcesses()).hasSize(1);

        tailer.stop();
        tailer.awaitStopped(WAIT);

        assertThat(tailer.isAlive()).isFalse();
        await().atMost(WAIT).until(() -> journalctlProcesses().isEmpty());
    }

    @Test
    void aJournalThatDoesNotExistYetIsAnErrorUntilItAppears() throws Exception {
        LogSource source = source(Map.of());
        JournaldTailer tailer = start(source, JournalPosition.beginning());
        await().atMost(WAIT).until(() -> source.status().startsWith("Error: journalctl for journald:" + journal)
                && tailer.processesStarted() >= 2);

        append(journal, numbered("m", 0, 2));
        awaitContents("m0", "m1");
        assertThat(source.status()).isEqualTo("OK");
    }

    /** The journalctl processes this test started for its journal. */
    private List<ProcessHandle> journalctlProcesses() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("journalctl")).orElse(false))
                .filter(h -> h.info().arguments().map(a -> List.of(a).contains("--file=" + journal)).orElse(false))
                .toList();
    }
}
