package dev.logsagent.logs.syslog;

/** Which syslog grammar a message was read with. */
public enum SyslogFormat {
    /** Strict RFC 5424: every header field and the structured data were valid. */
    RFC5424,
    /** Lenient BSD syslog (RFC 3164 and the variants rsyslog and util-linux {@code logger} write). */
    RFC3164,
    /** Neither grammar applied; the whole input is the message body. */
    UNPARSED
}
