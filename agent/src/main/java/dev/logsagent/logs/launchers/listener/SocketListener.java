package dev.logsagent.logs.launchers.listener;

import java.io.IOException;

/** The socket of one {@code tcp} or {@code udp} source and the tailers reading from it. */
interface SocketListener {
    /** Binds and starts reading; a failure to bind leaves nothing running. */
    void start() throws IOException;

    /** The port bound, once started (the one asked for, or the one chosen for port 0). */
    int port();

    /** Closes the socket and every connection: readers hand on what they read, then end. */
    void stop();

    /** Waits for every reader until the deadline ({@link System#nanoTime()}), then interrupts those left. */
    void awaitStopped(long deadlineNanos) throws InterruptedException;
}
