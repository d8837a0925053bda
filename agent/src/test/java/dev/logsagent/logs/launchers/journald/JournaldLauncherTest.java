package dev.logsagent.logs.launchers.journald;

import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.auditor.Auditor;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.logs.sources.Sources;
import dev.logsagent.telemetry.LogsMetrics;
import dev.logsagent.util.retry.BackoffPolicy;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.logsagent.logs.launchers.journald.TestJournal.append;
import static dev.logsagent.logs.launchers.journald.TestJournal.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The launcher with a real auditor (registry in a temp folder), real journal files and the real journalctl. */
class JournaldLauncherTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private Path journal;
    private Auditor auditor;
    private final Sources sources = new Sources();
    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final List<String> sinkKeys = new CopyOnWriteArrayList<>();
    private JournaldLauncher launcher;

    @BeforeEach
    void setUp() {
        TestJournal.assumeToolsInstalled();
        journal = dir.resolve("test.journal");
        auditor = new Auditor(dir.resolve("run"), Duration.ofHours(1), InstantSource.system(), Duration.ofSeconds(1));
        auditor.start();
        launcher = new JournaldLauncher(sources, auditor, key -> {
            sinkKeys.add(key);
            return received::add;
        }, new LogsMetrics(new PrometheusRegistry()), new JournaldLauncherSettings("journalctl", null,
                new BackoffPolicy(0.01, 2, 0.05, 1, new Random(1))));
        launcher.start();
    }

    @AfterEach
    void tearDown() {
        if (launcher != null) {
            launcher.stop();
            auditor.close();
        }
    }

    private LogSource add(String name, StartPosition start, Map<String, Object> extra) {
        LogSource source = TestJournal.source(name, journal, null, start, extra);
        sources.add(source);
        return source;
    }

    private List<String> contents() {
        return received.stream().map(Message::contentAsString).toList();
    }

    private void awaitOnly(String... expected) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(contents()).containsExactly(expected));
        await().during(Duration.ofMillis(300)).atMost(WAIT)
                .untilAsserted(() -> assertThat(contents()).containsExactly(expected));
    }

    @Test
    void readsASourceIntoThePipelineOfItsJournalAndShowsItAsInput() throws Exception {
        append(journal, numbered("m", 0, 2));

        LogSource source = add("sys", StartPosition.BEGINNING, Map.of());

        awaitOnly("m0", "m1");
        assertThat(sinkKeys).containsExactly("journald:" + journal);
        assertThat(source.status()).isEqualTo("OK");
        assertThat(source.inputs()).containsExactly("journald:" + journal);
    }

    @Test
    void resumesJustAfterTheCursorSavedInTheRegistry() throws Exception {
        append(journal, numbered("m", 0, 4));
        LogSource first = add("sys", StartPosition.BEGINNING, Map.of());
        awaitOnly("m0", "m1", "m2", "m3");
        String delivered = received.get(1).origin().position();
        sources.remove(first);
        auditor.commit("journald:" + journal, delivered, "beginning", null);
        received.clear();

        add("sys", StartPosition.BEGINNING, Map.of());

        awaitOnly("m2", "m3");
    }

    @ParameterizedTest
    @CsvSource({"forceBeginning, m0 m1 m2", "forceEnd, m3"})
    void forcedStartPositionsIgnoreTheSavedCursor(String position, String expected) throws Exception {
        append(journal, numbered("m", 0, 3));
        LogSource first = add("sys", StartPosition.BEGINNING, Map.of());
        awaitOnly("m0", "m1", "m2");
        auditor.commit("journald:" + journal, received.get(1).origin().position(), "beginning", null);
        sources.remove(first);
        received.clear();

        StartPosition start = position.equals("forceEnd") ? StartPosition.FORCE_END : StartPosition.FORCE_BEGINNING;
        LogSource forced = add("sys", start, Map.of());
        if (start == StartPosition.FORCE_END) {
            await().atMost(WAIT).until(() -> forced.inputs().size() == 1);
            // The end is where the journal stood when the source started: wait until journalctl follows it.
            await().atMost(WAIT).until(() -> journalctlFollowing());
            append(journal, numbered("m", 3, 4));
        }

        awaitOnly(expected.split(" "));
    }

    @Test
    void anUnusableSavedCursorFallsBackToTheStartPosition() throws Exception {
        append(journal, numbered("m", 0, 2));
        auditor.commit("journald:" + journal, "not-a-cursor", "beginning", null);

        LogSource source = add("sys", StartPosition.BEGINNING, Map.of());

        awaitOnly("m0", "m1");
        assertThat(source.messages()).anyMatch(m -> m.contains("saved cursor is unusable"));
    }

    @Test
    void aSecondSourceOnTheSameJournalIsRefused() throws Exception {
        append(journal, numbered("m", 0, 1));
        add("first", StartPosition.BEGINNING, Map.of());
        awaitOnly("m0");

        LogSource second = add("second", StartPosition.BEGINNING, Map.of("include_units", List.of("a.service")));

        assertThat(second.status()).isEqualTo("Error: journal journald:" + journal
                + " is already read by source first (test); a journal can be read by one source only");
        assertThat(second.inputs()).isEmpty();
    }

    @Test
    void aMalformedMatchPutsTheSourceInError() {
        LogSource source = add("sys", StartPosition.BEGINNING, Map.of("include_matches", List.of("oops")));

        assertThat(source.status()).startsWith("Error: include_matches[0]: expected FIELD=value");
        assertThat(source.inputs()).isEmpty();
    }

    @Test
    void removingTheSourceStopsJournalctlAndFreesTheJournal() throws Exception {
        append(journal, numbered("m", 0, 1));
        LogSource first = add("first", StartPosition.BEGINNING, Map.of());
        awaitOnly("m0");

        sources.remove(first);

        assertThat(first.inputs()).isEmpty();
        await().atMost(WAIT).until(() -> !journalctlFollowing());
        received.clear();
        add("second", StartPosition.BEGINNING, Map.of());
        awaitOnly("m0");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "beginning, s=1, AFTER_CURSOR", "end, s=1, AFTER_CURSOR",
            "beginning, none, BEGINNING", "end, none, END", "end, '', END",
            "forceBeginning, s=1, BEGINNING", "forceEnd, s=1, END"})
    void startPositionIsTheSavedCursorUnlessForced(String mode, String saved, JournalPosition.Kind expected) {
        StartPosition start = java.util.Arrays.stream(StartPosition.values()).filter(p -> p.key().equals(mode))
                .findFirst().orElseThrow();

        JournalPosition position = JournaldLauncher.startPosition(start, saved);

        assertThat(position.kind()).isEqualTo(expected);
        assertThat(position.cursor()).isEqualTo(expected == JournalPosition.Kind.AFTER_CURSOR ? saved : null);
    }

    @Test
    void theMachineIdIsReadFromItsFileWhenWellFormed() throws Exception {
        Path good = Files.writeString(dir.resolve("good"), "0123456789abcdef0123456789abcdef\n");
        Path bad = Files.writeString(dir.resolve("bad"), "uninitialized\n");

        assertThat(JournaldLauncherSettings.readMachineId(good)).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(JournaldLauncherSettings.readMachineId(bad)).isNull();
        assertThat(JournaldLauncherSettings.readMachineId(dir.resolve("missing"))).isNull();
    }

    private boolean journalctlFollowing() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .anyMatch(h -> h.info().arguments().map(a -> List.of(a).contains("--file=" + journal)
                        && List.of(a).contains("--follow")).orElse(false));
    }
}
