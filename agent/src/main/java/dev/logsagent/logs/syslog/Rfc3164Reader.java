package dev.logsagent.logs.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Lenient BSD syslog reader for what follows the PRI: {@code [TIMESTAMP SP [HOSTNAME SP]] [TAG[PID]: ]MSG}.
 * TIMESTAMP is {@code Mmm dd hh:mm:ss[.frac]} in the clock's zone (the year inferred), or RFC 3339 as rsyslog
 * forwards. Every part is optional and whatever is not recognised stays in MSG, so it never fails.
 * One instance reads one message.
 */
final class Rfc3164Reader {

    private static final int MAX_HOSTNAME = 255;
    private static final int MAX_TAG = 48;

    private final byte[] b;
    private final int end;
    private final Clock clock;
    private int pos;
    private long timestamp;
    private boolean hasTimestamp;
    private String appName;
    private String procId;

    private Rfc3164Reader(byte[] b, int start, int end, Clock clock) {
        this.b = b;
        this.pos = start;
        this.end = end;
        this.clock = clock;
    }

    /** Reads {@code [start, end)}, the bytes after the PRI. */
    static SyslogMessage read(byte[] b, int start, int end, int pri, Clock clock) {
        return new Rfc3164Reader(b, start, end, clock).message(pri);
    }

    private SyslogMessage message(int pri) {
        if (!bsdTimestamp()) {
            isoTimestamp();
        }
        String hostname = null;
        if (hasTimestamp) {
            while (pos < end && b[pos] == ' ') {
                pos++;
            }
            hostname = hostname();
        }
        tag();
        String message = new String(b, pos, end - pos, StandardCharsets.UTF_8);
        return new SyslogMessage(pri >> 3, pri & 7, timestamp, hostname, appName, procId, null, List.of(),
                message, SyslogFormat.RFC3164);
    }

    /** {@code Mmm dd hh:mm:ss[.frac]}, the day space- or zero-padded or a single digit. */
    private boolean bsdTimestamp() {
        int i = pos;
        if (end - i < 14) {
            return false;
        }
        int month = SyslogTimestamps.month(b, i);
        if (month == 0 || b[i + 3] != ' ') {
            return false;
        }
        i += 4;
        if (b[i] == ' ') {
            i++;
        }
        int dayStart = i;
        while (i < end && i - dayStart < 2 && SyslogTimestamps.isDigit(b[i])) {
            i++;
        }
        if (i == dayStart || end - i < 9 || b[i] != ' ' || b[i + 3] != ':' || b[i + 6] != ':') {
            return false;
        }
        int day = SyslogTimestamps.digits(b, dayStart, i - dayStart);
        int hour = SyslogTimestamps.digits(b, i + 1, 2);
        int minute = SyslogTimestamps.digits(b, i + 4, 2);
        int second = SyslogTimestamps.digits(b, i + 7, 2);
        if (!SyslogTimestamps.validTime(hour, minute, second)) {
            return false;
        }
        i += 9;
        int millis = 0;
        if (i + 1 < end && b[i] == '.' && SyslogTimestamps.isDigit(b[i + 1])) {
            int fractionStart = ++i;
            while (i < end && SyslogTimestamps.isDigit(b[i])) {
                if (i - fractionStart < 3) {
                    millis = millis * 10 + b[i] - '0';
                }
                i++;
            }
            for (int scale = i - fractionStart; scale < 3; scale++) {
                millis *= 10;
            }
        }
        if (i < end && b[i] != ' ') {
            return false;
        }
        pos = i;
        hasTimestamp = true;
        timestamp = inferYear(month, day, hour, minute, second, millis);
        return true;
    }

    /**
     * BSD timestamps carry no year: take the receiver's, except around New Year, where a December message read
     * in January is from last year and a January one read in December (a sender clock ahead) from next year.
     * An impossible date (Feb 29 of a common year) gives 0.
     */
    private long inferYear(int month, int day, int hour, int minute, int second, int millis) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        int year = today.getYear();
        if (month == 12 && today.getMonthValue() == 1) {
            year--;
        } else if (month == 1 && today.getMonthValue() == 12) {
            year++;
        }
        if (!SyslogTimestamps.validDate(year, month, day)) {
            return 0;
        }
        return SyslogTimestamps.localMillis(year, month, day, hour, minute, second, millis, zone);
    }

    /** An RFC 3339 token as rsyslog writes, e.g. {@code 2026-11-26T01:02:03.123456+00:00}. */
    private void isoTimestamp() {
        if (pos >= end || !SyslogTimestamps.isDigit(b[pos])) {
            return;
        }
        int tokenEnd = indexOfSpace(pos);
        long millis = SyslogTimestamps.rfc3339(b, pos, tokenEnd, false, clock.getZone());
        if (millis != SyslogTimestamps.INVALID) {
            timestamp = millis;
            hasTimestamp = true;
            pos = tokenEnd;
        }
    }

    /** The word after the timestamp, unless it is the tag (no hostname, as local senders write) or the last word. */
    private String hostname() {
        int tokenEnd = indexOfSpace(pos);
        int length = tokenEnd - pos;
        if (tokenEnd == end || length == 0 || length > MAX_HOSTNAME || isTag(pos, tokenEnd)) {
            return null;
        }
        for (int i = pos; i < tokenEnd; i++) {
            if (b[i] < 33 || b[i] > 126) {
                return null;
            }
        }
        String hostname = new String(b, pos, length, StandardCharsets.ISO_8859_1);
        pos = tokenEnd + 1;
        return hostname;
    }

    /** {@code TAG:} or {@code TAG[PID]:} and the one space after it. */
    private void tag() {
        int tokenEnd = indexOfSpace(pos);
        if (!isTag(pos, tokenEnd)) {
            return;
        }
        int nameEnd = tokenEnd - 1;
        if (b[tokenEnd - 2] == ']') {
            int pidStart = lastIndexOf('[', pos, tokenEnd - 2) + 1;
            nameEnd = pidStart - 1;
            if (tokenEnd - 2 > pidStart) {
                procId = new String(b, pidStart, tokenEnd - 2 - pidStart, StandardCharsets.ISO_8859_1);
            }
        }
        appName = new String(b, pos, nameEnd - pos, StandardCharsets.ISO_8859_1);
        pos = tokenEnd < end ? tokenEnd + 1 : tokenEnd;
    }

    private boolean isTag(int start, int tokenEnd) {
        if (tokenEnd - start < 2 || b[tokenEnd - 1] != ':') {
            return false;
        }
        int nameEnd = tokenEnd - 1;
        if (b[tokenEnd - 2] == ']') {
            nameEnd = lastIndexOf('[', start, tokenEnd - 2);
            if (nameEnd < 0 || !isPid(nameEnd + 1, tokenEnd - 2)) {
                return false;
            }
        }
        if (nameEnd == start || nameEnd - start > MAX_TAG) {
            return false;
        }
        for (int i = start; i < nameEnd; i++) {
            byte c = b[i];
            if (c < 33 || c > 126 || c == '[' || c == ']' || c == ':') {
                return false;
            }
        }
        return true;
    }

    private boolean isPid(int start, int pidEnd) {
        for (int i = start; i < pidEnd; i++) {
            if (b[i] < 33 || b[i] > 126 || b[i] == '[') {
                return false;
            }
        }
        return true;
    }

    private int indexOfSpace(int from) {
        int i = from;
        while (i < end && b[i] != ' ') {
            i++;
        }
        return i;
    }

    private int lastIndexOf(char c, int from, int before) {
        for (int i = before - 1; i >= from; i--) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
