package dev.logsagent.logs.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Parses one syslog message: strict RFC 5424 when the PRI is followed by a VERSION, lenient RFC 3164 otherwise.
 * Nothing is ever dropped: input without a valid PRI, or claiming RFC 5424 but breaking its grammar, comes back
 * as {@link SyslogFormat#UNPARSED} with the whole input as the message (and the PRI's severity when it had one).
 * Stateless and thread-safe.
 */
public final class SyslogParser {

    private static final int MAX_PRI = 191;
    private static final int MAX_PRI_DIGITS = 3;
    private static final int MAX_VERSION_DIGITS = 3;

    private final Clock clock;

    /**
     * @param clock gives the current year for BSD timestamps, and its zone is the one they and offset-less
     *              RFC 3339 timestamps of BSD messages are read in
     */
    public SyslogParser(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Parses {@code buf[off, off + len)}; the caller may reuse the buffer afterwards. */
    public SyslogMessage parse(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        int end = off + len;
        int pri = pri(buf, off, end);
        if (pri < 0) {
            return unparsed(buf, off, end, -1);
        }
        int afterPri = off + (pri < 10 ? 3 : pri < 100 ? 4 : 5);
        if (claimsRfc5424(buf, afterPri, end)) {
            SyslogMessage message = Rfc5424Reader.read(buf, afterPri, end, pri);
            return message != null ? message : unparsed(buf, off, end, pri);
        }
        return Rfc3164Reader.read(buf, afterPri, end, pri, clock);
    }

    /** {@code <PRIVAL>}: 0..191 without leading zeros, or -1 when absent or invalid. */
    private static int pri(byte[] b, int off, int end) {
        if (end - off < 3 || b[off] != '<') {
            return -1;
        }
        int i = off + 1;
        int value = 0;
        while (i < end && i - off <= MAX_PRI_DIGITS && SyslogTimestamps.isDigit(b[i])) {
            value = value * 10 + b[i] - '0';
            i++;
        }
        int digits = i - off - 1;
        if (digits == 0 || i >= end || b[i] != '>' || value > MAX_PRI
                || (digits > 1 && b[off + 1] == '0')) {
            return -1;
        }
        return value;
    }

    /**
     * A VERSION (1..3 digits, not starting with 0) followed by a space or the end of input. A BSD message never
     * starts so: its timestamp begins with a month name or four year digits.
     */
    private static boolean claimsRfc5424(byte[] b, int start, int end) {
        if (start >= end || b[start] < '1' || b[start] > '9') {
            return false;
        }
        int i = start + 1;
        while (i < end && SyslogTimestamps.isDigit(b[i])) {
            i++;
        }
        return i - start <= MAX_VERSION_DIGITS && (i == end || b[i] == ' ');
    }

    private static SyslogMessage unparsed(byte[] b, int off, int end, int pri) {
        String message = new String(b, off, end - off, StandardCharsets.UTF_8);
        int facility = pri < 0 ? -1 : pri >> 3;
        int severity = pri < 0 ? -1 : pri & 7;
        return new SyslogMessage(facility, severity, 0, null, null, null, null, List.of(), message,
                SyslogFormat.UNPARSED);
    }
}
