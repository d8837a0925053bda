package dev.logsagent.util.retry;

/** One attempt at something that may fail for a while (connecting, opening, resolving) and be retried. */
@FunctionalInterface
public interface Retryable {
    void attempt() throws Exception;
}
