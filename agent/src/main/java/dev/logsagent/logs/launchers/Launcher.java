package dev.logsagent.logs.launchers;

/** Turns sources of the types it handles into running tailers (files, sockets, journals, containers). */
public interface Launcher {
    void start();

    /** Stops every tailer it started; what was not delivered is read again after a restart. */
    void stop();
}
