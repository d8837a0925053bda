package dev.logsagent.logs.sender;

/** What became of a payload at one destination. */
public enum DeliveryResult {
    /** The destination acknowledged it. */
    DELIVERED,
    /** The destination refused it for good (e.g. HTTP 400/401/403/413); it is counted and not retried. */
    DROPPED
}
