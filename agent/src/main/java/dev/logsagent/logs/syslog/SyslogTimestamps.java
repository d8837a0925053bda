package dev.logsagent.logs.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/** Byte-level date arithmetic for syslog timestamps, without the allocations of java.time parsing. */
final class SyslogTimestamps {

    /** Returned when a timestamp is not valid. */
    static final long INVALID = Long.MIN_VALUE;

    private static final int MAX_STRICT_FRACTION_DIGITS = 6;
    private static final byte[] MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec".getBytes(StandardCharsets.US_ASCII);

    private SyslogTimestamps() {
    }

    /**
     * Reads an RFC 3339 timestamp filling exactly {@code [start, end)}. Strict is the RFC 5424 profile (upper case
     * {@code T}/{@code Z}, 1..6 fraction digits, mandatory offset); lenient also takes what rsyslog and other
     * senders write in BSD messages: lower case, any number of fraction digits, {@code +hhmm}, or no offset
     * (then the time is in {@code localZone}).
     */
    static long rfc3339(byte[] b, int start, int end, boolean strict, ZoneId localZone) {
        if (end - start < 19 || b[start + 4] != '-' || b[start + 7] != '-' || b[start + 13] != ':'
                || b[start + 16] != ':' || !(b[start + 10] == 'T' || !strict && b[start + 10] == 't')) {
            return INVALID;
        }
        int year = digits(b, start, 4);
        int month = digits(b, start + 5, 2);
        int day = digits(b, start + 8, 2);
        int hour = digits(b, start + 11, 2);
        int minute = digits(b, start + 14, 2);
        int second = digits(b, start + 17, 2);
        if (year < 0 || !validDate(year, month, day) || !validTime(hour, minute, second)) {
            return INVALID;
        }
        int i = start + 19;
        int millis = 0;
        if (i < end && b[i] == '.') {
            int fractionStart = ++i;
            while (i < end && isDigit(b[i])) {
                if (i - fractionStart < 3) {
                    millis = millis * 10 + b[i] - '0';
                }
                i++;
            }
            int fractionDigits = i - fractionStart;
            if (fractionDigits == 0 || strict && fractionDigits > MAX_STRICT_FRACTION_DIGITS) {
                return INVALID;
            }
            for (int scale = fractionDigits; scale < 3; scale++) {
                millis *= 10;
            }
        }
        if (i == end) {
            return strict ? INVALID : localMillis(year, month, day, hour, minute, second, millis, localZone);
        }
        int offsetSeconds = offsetSeconds(b, i, end, strict);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return INVALID;
        }
        return utcMillis(year, month, day, hour, minute, second, millis) - offsetSeconds * 1000L;
    }

    private static int offsetSeconds(byte[] b, int i, int end, boolean strict) {
        byte sign = b[i];
        if (sign == 'Z' || !strict && sign == 'z') {
            return i + 1 == end ? 0 : Integer.MIN_VALUE;
        }
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        int hours;
        int minutes;
        if (end - i == 6 && b[i + 3] == ':') {
            hours = digits(b, i + 1, 2);
            minutes = digits(b, i + 4, 2);
        } else if (!strict && end - i == 5) {
            hours = digits(b, i + 1, 2);
            minutes = digits(b, i + 3, 2);
        } else {
            return Integer.MIN_VALUE;
        }
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The month 1..12 of a three-letter English abbreviation at {@code i} ({@code Jan}..{@code Dec}), or 0. */
    static int month(byte[] b, int i) {
        for (int m = 0; m < 12; m++) {
            if (b[i] == MONTHS[m * 3] && b[i + 1] == MONTHS[m * 3 + 1] && b[i + 2] == MONTHS[m * 3 + 2]) {
                return m + 1;
            }
        }
        return 0;
    }

    /** The value of {@code count} ASCII digits at {@code i}, or -1 if one is not a digit. */
    static int digits(byte[] b, int i, int count) {
        int value = 0;
        for (int k = i; k < i + count; k++) {
            if (!isDigit(b[k])) {
                return -1;
            }
            value = value * 10 + b[k] - '0';
        }
        return value;
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    static boolean validDate(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    }

    /** Leap seconds are excluded: RFC 5424 forbids them and java.time cannot represent them. */
    static boolean validTime(int hour, int minute, int second) {
        return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Epoch milliseconds of a wall-clock time in {@code zone}; the date must be valid. */
    static long localMillis(int year, int month, int day, int hour, int minute, int second, int millis,
                            ZoneId zone) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return utcMillis(year, month, day, hour, minute, second, millis)
                    - rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L;
        }
        long epochSecond = LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toEpochSecond();
        return epochSecond * 1000L + millis;
    }

    private static long utcMillis(int year, int month, int day, int hour, int minute, int second, int millis) {
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        return seconds * 1000L + millis;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
