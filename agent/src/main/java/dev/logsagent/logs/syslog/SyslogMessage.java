package dev.logsagent.logs.syslog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A syslog message split into its fields. Absent fields (RFC 5424 nil values {@code -}, parts an RFC 3164
 * sender left out) are {@code null}.
 *
 * @param facility       0..23, or -1 when the message had no valid PRI
 * @param severity       0..7, or -1 when the message had no valid PRI
 * @param timestamp      epoch milliseconds, or 0 when absent or unparseable
 * @param hostname       HOSTNAME
 * @param appName        APP-NAME (the RFC 3164 TAG)
 * @param procId         PROCID (the RFC 3164 {@code [pid]})
 * @param msgId          MSGID (RFC 5424 only)
 * @param structuredData the SD-ELEMENTs in message order (RFC 5424 only), never null
 * @param message        MSG, UTF-8 decoded with invalid sequences replaced by U+FFFD; never null
 * @param format         the grammar the message was read with
 */
public record SyslogMessage(int facility, int severity, long timestamp, String hostname, String appName,
                            String procId, String msgId, List<StructuredDataElement> structuredData,
                            String message, SyslogFormat format) {

    private static final String[] STATUS_BY_SEVERITY =
            {"emergency", "alert", "critical", "error", "warn", "notice", "info", "debug"};

    public SyslogMessage {
        Objects.requireNonNull(structuredData, "structuredData");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(format, "format");
    }

    /** The log status for the severity; {@code info} when the message had no PRI. */
    public String status() {
        return severity < 0 ? "info" : STATUS_BY_SEVERITY[severity];
    }

    /**
     * The fields as pipeline attributes: {@code syslog.hostname}, {@code syslog.appname}, {@code syslog.procid},
     * {@code syslog.msgid}, {@code syslog.severity}, {@code syslog.facility} (Integers) and every SD-PARAM as
     * {@code syslog.sd.<SD-ID>.<PARAM-NAME>}. Absent fields have no entry.
     */
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        putIfPresent(attributes, "syslog.hostname", hostname);
        putIfPresent(attributes, "syslog.appname", appName);
        putIfPresent(attributes, "syslog.procid", procId);
        putIfPresent(attributes, "syslog.msgid", msgId);
        if (severity >= 0) {
            attributes.put("syslog.severity", severity);
            attributes.put("syslog.facility", facility);
        }
        for (StructuredDataElement element : structuredData) {
            String prefix = "syslog.sd." + element.id() + ".";
            element.params().forEach((name, value) -> attributes.put(prefix + name, value));
        }
        return attributes;
    }

    private static void putIfPresent(Map<String, Object> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }
}
