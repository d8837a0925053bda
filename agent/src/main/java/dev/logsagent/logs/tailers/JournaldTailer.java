package dev.logsagent.logs.tailers;

import dev.logsagent.logs.launchers.journald.JournalEntry;
import dev.logsagent.logs.launchers.journald.JournalEntryParser;
import dev.logsagent.logs.launchers.journald.JournalExclusions;
import dev.logsagent.logs.launchers.journald.JournalLineReader;
import dev.logsagent.logs.launchers.journald.JournalPosition;
import dev.logsagent.logs.launchers.journald.JournalctlCommand;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.message.Origin;
import dev.logsagent.logs.sources.LogSource;
import dev.logsagent.telemetry.LogsMetrics;
import dev.logsagent.util.retry.BackoffPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads one journal through {@code journalctl --output=json --follow}, on its own virtual thread: each entry becomes a
 * message whose origin carries the entry's cursor, which the registry stores once the message is delivered.
 *
 * <p>journalctl is supervised: when it exits it is started again, after a backoff, just after the last entry read, so
 * nothing is read twice or skipped. {@code END} is first resolved to the cursor of the journal's last entry, so a
 * restart never skips what was written while journalctl was down. Its stderr goes to the agent's log.
 */
public final class JournaldTailer {
    private static final Logger LOG = LoggerFactory.getLogger(JournaldTailer.class);
    private static final int INITIAL_LINE_BYTES = 64 << 10;
    /** Far above any usual entry (journald cuts stream lines at 48 KiB by default); bounds memory per journal. */
    private static final int MAX_LINE_BYTES = 64 << 20;
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);
    private static final File DEV_NULL = new File("/dev/null");

    private final LogSource source;
    private final InputIdentity identity;
    private final JournalctlCommand command;
    private final JournalEntryParser parser;
    private final JournalExclusions exclusions;
    private final JournalPosition ifCursorRejected;
    private final MessageSink sink;
    private final BackoffPolicy restartBackoff;
    private final LogsMetrics metrics;
    private final boolean serviceFromEntry;
    private volatile JournalPosition position;
    private volatile Process process;
    private volatile boolean stopping;
    private volatile Thread thread;
    private volatile int processesStarted;
    /** Why journalctl keeps failing, as the source's error shows; the next entry read clears it. */
    private volatile String failure;
    /** Entries read by this tailer: the origin offset of its messages, whose cursor is what the registry keeps. */
    private long entriesRead;

    /**
     * @param start            where to read from: a saved cursor, the beginning or the end
     * @param ifCursorRejected where to read from instead when journalctl refuses the saved cursor as malformed
     * @param restartBackoff   the pause before journalctl is started again after it exited
     */
    public JournaldTailer(LogSource source, InputIdentity identity, JournalctlCommand command,
                          JournalExclusions exclusions, JournalPosition start, JournalPosition ifCursorRejected,
                          MessageSink sink, BackoffPolicy restartBackoff, LogsMetrics metrics) {
        this.source = source;
        this.identity = identity;
        this.command = command;
        this.parser = new JournalEntryParser(exclusions.fields());
        this.exclusions = exclusions;
        this.position = start;
        this.ifCursorRejected = ifCursorRejected;
        this.sink = sink;
        this.restartBackoff = restartBackoff;
        this.metrics = metrics;
        String service = source.config().service();
        this.serviceFromEntry = service == null || service.isBlank();
    }

    public void start() {
        thread = Thread.ofVirtual().name("journald-" + identity).start(this::run);
    }

    public InputIdentity identity() {
        return identity;
    }

    /** Where the next journalctl would start: just after the last entry read. */
    public JournalPosition position() {
        return position;
    }

    /** How many times journalctl was started to follow the journal (1 until it first exits). */
    public int processesStarted() {
        return processesStarted;
    }

    /** Stops reading and kills journalctl; what was not delivered is read again after a restart. */
    public void stop() {
        stopping = true;
        Process p = process;
        if (p != null) {
            p.destroy();
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    public void awaitStopped(Duration timeout) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(timeout);
        }
    }

    public boolean isAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    private void run() {
        int errors = 0;
        try {
            while (!stopping) {
                boolean readSome = false;
                try {
                    readSome = follow();
                } catch (IOException e) {
                    problem("cannot run journalctl for " + identity + ": " + e.getMessage());
                }
                if (stopping) {
                    return;
                }
                errors = readSome ? 1 : restartBackoff.increaseError(errors);
                Thread.sleep(restartBackoff.delay(errors));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one journalctl until it exits or the tailer stops; returns whether it read any entry. */
    private boolean follow() throws IOException, InterruptedException {
        if (position.kind() == JournalPosition.Kind.END) {
            position = lastEntry();
        }
        JournalPosition from = position;
        long before = entriesRead;
        Process p = launch(command.follow(from));
        processesStarted++;
        ErrorLog errors = new ErrorLog(p.getErrorStream());
        int exitCode;
        try {
            new JournalLineReader(p.getInputStream(), INITIAL_LINE_BYTES, MAX_LINE_BYTES)
                    .readAll(this::line, this::tooLong);
            exitCode = awaitExit(p);
        } finally {
            p.destroyForcibly();
        }
        String lastError = errors.await();
        boolean readSome = entriesRead > before;
        if (!stopping) {
            String why = "journalctl for " + identity + " exited (code " + exitCode + ")"
                    + (lastError == null ? "" : ": " + lastError);
            if (!readSome && from.kind() == JournalPosition.Kind.AFTER_CURSOR && lastError != null
                    && lastError.contains("cursor")) {
                problem(why + "; the saved cursor is unusable, reading from the " + ifCursorRejected.kind() + " instead");
                position = ifCursorRejected;
            } else if (!readSome && exitCode != 0) {
                // Failing again and again (a journal not there yet): warn once, not at every restart.
                if (!why.equals(failure)) {
                    LOG.warn("{}; starting it again until it works", why);
                }
                failure = why;
                source.setError(why);
            } else {
                problem(why + "; starting it again");
            }
        }
        return readSome;
    }

    /** Where the journal (as this source filters it) ends now: after its last entry, or its beginning if empty. */
    private JournalPosition lastEntry() throws IOException, InterruptedException {
        Process p = launch(command.lastEntry());
        ErrorLog errors = new ErrorLog(p.getErrorStream());
        String[] cursor = new String[1];
        int exitCode;
        try {
            new JournalLineReader(p.getInputStream(), INITIAL_LINE_BYTES, MAX_LINE_BYTES).readAll(
                    (buf, off, len) -> cursor[0] = len == 0 ? cursor[0] : parser.parse(buf, off, len).cursor(),
                    this::tooLong);
            exitCode = awaitExit(p);
        } catch (IllegalArgumentException e) {
            throw new IOException("unreadable output of journalctl: " + e.getMessage(), e);
        } finally {
            p.destroyForcibly();
        }
        String lastError = errors.await();
        if (exitCode != 0) {
            throw new IOException("journalctl exited (code " + exitCode + ")"
                    + (lastError == null ? "" : ": " + lastError));
        }
        return cursor[0] == null ? JournalPosition.beginning() : JournalPosition.afterCursor(cursor[0]);
    }

    private Process launch(List<String> commandLine) throws IOException {
        LOG.debug("{}: running {}", identity, commandLine);
        Process p = new ProcessBuilder(commandLine).redirectInput(ProcessBuilder.Redirect.from(DEV_NULL)).start();
        process = p;
        if (stopping) {
            p.destroy();
        }
        return p;
    }

    private void line(byte[] buf, int off, int len) throws InterruptedException {
        if (len == 0) {
            return;
        }
        source.addBytesRead(len);
        JournalEntry entry;
        try {
            entry = parser.parse(buf, off, len);
        } catch (IllegalArgumentException e) {
            problem("unreadable journalctl output for " + identity + " (" + e.getMessage() + "): "
                    + new String(buf, off, Math.min(len, 200), StandardCharsets.UTF_8));
            return;
        }
        entriesRead++;
        if (failure != null) {
            failure = null;
            source.setOk();
        }
        if (!exclusions.excludes(entry)) {
            sink.accept(toMessage(entry, len));
            metrics.logsDecoded.inc();
        }
        position = JournalPosition.afterCursor(entry.cursor());
    }

    private Message toMessage(JournalEntry entry, int rawSize) {
        Message m = new Message(entry.message(), new Origin(source, identity, entriesRead, entry.cursor()), rawSize);
        m.setStatus(entry.status());
        m.setTimestamp(entry.realtimeMicros() / 1000);
        if (serviceFromEntry) {
            m.setService(entry.applicationName());
        }
        return m;
    }

    private void tooLong(long bytes) {
        metrics.bytesMissed.inc(bytes);
        problem("a journal entry of " + identity + " takes " + bytes + " bytes as JSON, more than "
                + MAX_LINE_BYTES + ": skipped");
    }

    private void problem(String message) {
        LOG.warn(message);
        source.addMessage(message);
    }

    /** journalctl closed its output, so it is exiting: its exit code, killing it if it lingers. */
    private static int awaitExit(Process p) throws InterruptedException {
        if (!p.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
        }
        return p.exitValue();
    }

    /** journalctl's stderr, line by line into the agent's log; remembers the last line to explain an exit. */
    private final class ErrorLog {
        private final Thread pump;
        private volatile String lastLine;

        ErrorLog(InputStream stderr) {
            pump = Thread.ofVirtual().name("journalctl-stderr-" + identity).start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
                    for (String l = r.readLine(); l != null; l = r.readLine()) {
                        if (!l.isBlank()) {
                            LOG.warn("{}: journalctl: {}", identity, l);
                            lastLine = l.strip();
                        }
                    }
                } catch (IOException e) {
                    LOG.debug("{}: journalctl's stderr: {}", identity, e.toString());
                }
            });
        }

        String await() throws InterruptedException {
            pump.join(KILL_GRACE);
            return lastLine;
        }
    }
}
