package dev.logsagent.logs.syslog;

/** How a syslog TCP stream separates its messages (RFC 6587). */
public enum SyslogFraming {
    /** No byte seen yet. */
    UNDETECTED,
    /** {@code MSG-LEN SP SYSLOG-MSG}; detected when the stream starts with a digit. */
    OCTET_COUNTING,
    /** Messages end with {@code \n}; the stream started otherwise, or a length prefix was invalid. */
    NON_TRANSPARENT
}
