package dev.logsagent.util.retry;

/** Where a {@link Retrier} stands. */
public enum RetryStatus {
    /** Built without a strategy; nothing is attempted until {@link Retrier#setup} is called. */
    NEEDS_SETUP,
    /** Set up, never attempted yet. */
    IDLE,
    /** The last attempt succeeded; no further attempts are made. */
    OK,
    /** The last attempt failed; another will be made once {@link Retrier#nextRetry()} has come. */
    FAIL_WILL_RETRY,
    /** Failed for good, or cancelled; no further attempts are made. */
    PERMA_FAIL
}
