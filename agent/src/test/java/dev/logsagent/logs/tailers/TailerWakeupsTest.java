package dev.logsagent.logs.tailers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ticks are driven by the tests ({@link TailerWakeups#tick}), never by time: each test says after which tick a
 * waiter must be awake, and that it is not before.
 */
class TailerWakeupsTest {
    private static final int TURN = 5;
    /** A wait that no test lets run out. */
    private static final int FOREVER = 1_000_000;

    @TempDir
    Path dir;
    private TailerWakeups wakeups;

    @AfterEach
    void close() {
        if (wakeups != null) {
            wakeups.close();
        }
    }

    @Test
    void aTailerWaitingForAChangeWakesUpAtTheFirstTickAfterItsFileIsWritten() throws Exception {
        wakeups = new TailerWakeups(Duration.ofMillis(50), TURN, DirectoryWatch.open());
        Path file = Files.writeString(dir.resolve("app.log"), "caught up\n");
        TailerWakeups.Waiter waiter = wakeups.register(file);
        assertThat(waiter.watched()).isTrue();

        CompletableFuture<Boolean> woken = waitingForChange(waiter);
        for (int i = 0; i < 3 * TURN; i++) {
            wakeups.tick();
        }
        assertThat(waiter.isWaiting()).isTrue();

        append(file, "new line\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            wakeups.tick();
            return woken.isDone();
        });
        assertThat(woken.get()).isTrue();
    }

    @Test
    void writesToAnotherFileOfTheDirectoryDoNotWakeTheTailer() throws Exception {
        wakeups = new TailerWakeups(Duration.ofMillis(50), TURN, DirectoryWatch.open());
        Path quiet = Files.writeString(dir.resolve("quiet.log"), "");
        Path busy = Files.writeString(dir.resolve("busy.log"), "");
        TailerWakeups.Waiter quietWaiter = wakeups.register(quiet);
        TailerWakeups.Waiter busyWaiter = wakeups.register(busy);

        CompletableFuture<Boolean> quietWoken = waitingForChange(quietWaiter);
        CompletableFuture<Boolean> busyWoken = waitingForChange(busyWaiter);
        append(busy, "line\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            wakeups.tick();
            return busyWoken.isDone();
        });

        assertThat(busyWoken.get()).isTrue();
        assertThat(quietWaiter.isWaiting()).isTrue();
        assertThat(quietWoken).isNotDone();
    }

    @Test
    void aTailerWaitingForItsTurnWakesUpOncePerTurnWhateverIsWritten() throws Exception {
        wakeups = new TailerWakeups(Duration.ofMillis(50), TURN, DirectoryWatch.open());
        Path file = Files.writeString(dir.resolve("app.log"), "");
        TailerWakeups.Waiter waiter = wakeups.register(file);

        waitingForTurn(waiter);
        int ticks = 0;
        while (waiter.isWaiting()) {
            append(file, "line " + ticks + "\n");
            wakeups.tick();
            ticks++;
        }

        assertThat(ticks).isEqualTo(TURN);
    }

    @Test
    void tailersTakeTheirTurnsAtDifferentTicks() throws Exception {
        wakeups = new TailerWakeups(Duration.ofMillis(50), TURN, DirectoryWatch.none());
        List<TailerWakeups.Waiter> waiters = new ArrayList<>();
        for (int i = 0; i < TURN; i++) {
            TailerWakeups.Waiter w = wakeups.register(Files.writeString(dir.resolve(i + ".log"), ""));
            waitingForTurn(w);
            waiters.add(w);
        }

        List<Long> wokenPerTick = new ArrayList<>();
        long waiting = TURN;
        for (int tick = 0; tick < TURN; tick++) {
            wakeups.tick();
            long still = waiters.stream().filter(TailerWakeups.Waiter::isWaiting).count();
            wokenPerTick.add(waiting - still);
            waiting = still;
        }

        assertThat(wokenPerTick).containsOnly(1L);
    }

    @Test
    void aDirectoryWithMoreChangedFilesThanTheWatchKeepsWakesEveryTailerInIt() throws Exception {
        wakeups = new TailerWakeups(Duration.ofMillis(50), TURN, DirectoryWatch.open());
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Path f = Files.writeString(dir.resolve("f" + i + ".log"), "");
            wakeups.register(f);
            written.add(f);
        }
        Path quiet = Files.writeString(dir.resolve("quiet.log"), "");
        TailerWakeups.Waiter quietWaiter = wakeups.register(quiet);

        CompletableFuture<Boolean> woken = waitingForChange(quietWaiter);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (Path f : written) {
                append(f, "line\n");
            }
            wakeups.tick();
            return woken.isDone();
        });

        // The quiet file was never written: only the overflow of its directory's events can have woken it.
        assertThat(woken.get()).isTrue();
    }

    @Test
    void aFileThatCannotBeWatchedIsPolledAtItsTurns() throws Exception {
        wakeups = TailerWakeups.polling(Duration.ofMillis(50), TURN);
        Path file = Files.writeString(dir.resolve("app.log"), "");
        TailerWakeups.Waiter waiter = wakeups.register(file);
        assertThat(waiter.watched()).isFalse();

        CompletableFuture<Boolean> woken = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                woken.complete(waiter.awaitChange(2));
            } catch (Throwable e) {
                woken.completeExceptionally(e);
            }
        });
        awaitWaiting(waiter);
        int ticks = 0;
        while (waiter.isWaiting()) {
            append(file, "line " + ticks + "\n");
            wakeups.tick();
            ticks++;
        }

        assertThat(ticks).isEqualTo(2 * TURN);
        assertThat(woken.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void theFilesOfADirectoryThatIsDeletedArePolledFromThenOn() throws Exception {
        wakeups = new TailerWakeups(Duration.ofMillis(50), TURN, DirectoryWatch.open());
        Path sub = Files.createDirectory(dir.resolve("pod"));
        Path file = Files.writeString(sub.resolve("app.log"), "");
        TailerWakeups.Waiter waiter = wakeups.register(file);

        CompletableFuture<Boolean> woken = waitingForChange(waiter);
        Files.delete(file);
        Files.delete(sub);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            wakeups.tick();
            return woken.isDone();
        });

        assertThat(waiter.watched()).isFalse();
    }

    @Test
    void aTailerReadsAgainBeforeWaitingWhenTheWatchOfItsDirectoryWasOffSinceItsLastRead() throws Exception {
        wakeups = new TailerWakeups(Duration.ofMillis(50), TURN, DirectoryWatch.open());
        Path file = Files.writeString(dir.resolve("app.log"), "");
        TailerWakeups.Waiter waiter = wakeups.register(file);
        // Watched from the first wait on.
        assertThat(waiter.awaitChange(FOREVER)).isTrue();

        // Read at every turn for long enough that nobody waited for a change: the watch is dropped meanwhile.
        int turns = TailerWakeups.UNWATCH_TICKS / TURN + 2;
        for (int i = 0; i < turns; i++) {
            CompletableFuture<Void> turn = waitingForTurn(waiter);
            while (waiter.isWaiting()) {
                wakeups.tick();
            }
            turn.get(10, TimeUnit.SECONDS);
        }

        assertThat(waiter.awaitChange(FOREVER)).isTrue();
    }

    @Test
    void waitersAreReleasedWhenTheWakeupsClose() throws Exception {
        wakeups = new TailerWakeups(Duration.ofMillis(50), TURN, DirectoryWatch.open());
        TailerWakeups.Waiter waiter = wakeups.register(Files.writeString(dir.resolve("app.log"), ""));
        CompletableFuture<Boolean> woken = waitingForChange(waiter);

        wakeups.close();

        assertThat(woken.get(10, TimeUnit.SECONDS)).isFalse();
    }

    /** Waits in a virtual thread, as a tailer does, once past the first wait (which returns as the watch starts). */
    private static CompletableFuture<Boolean> waitingForChange(TailerWakeups.Waiter waiter) {
        CompletableFuture<Boolean> woken = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                waiter.awaitChange(FOREVER);
                woken.complete(waiter.awaitChange(FOREVER));
            } catch (Throwable e) {
                woken.completeExceptionally(e);
            }
        });
        awaitWaiting(waiter);
        return woken;
    }

    private static CompletableFuture<Void> waitingForTurn(TailerWakeups.Waiter waiter) {
        CompletableFuture<Void> turn = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                waiter.awaitTurn();
                turn.complete(null);
            } catch (Throwable e) {
                turn.completeExceptionally(e);
            }
        });
        awaitWaiting(waiter);
        return turn;
    }

    private static void awaitWaiting(TailerWakeups.Waiter waiter) {
        await().atMost(Duration.ofSeconds(10)).until(waiter::isWaiting);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }
}
