package dev.logsagent.logs.decoder;

/**
 * Reads an RFC 3339 timestamp ({@code 2016-03-02T22:58:51.338462311Z}, {@code ...+02:00}) from bytes into epoch
 * milliseconds, without building a String.
 */
final class Rfc3339 {
    /** Returned for text that is not an RFC 3339 timestamp. */
    static final long INVALID = Long.MIN_VALUE;

    private Rfc3339() {
    }

    static long toEpochMillis(byte[] b, int off, int len) {
        int end = off + len;
        if (len < 20 || b[off + 4] != '-' || b[off + 7] != '-' || b[off + 13] != ':' || b[off + 16] != ':') {
            return INVALID;
        }
        byte t = b[off + 10];
        if (t != 'T' && t != 't' && t != ' ') {
            return INVALID;
        }
        int year = digits(b, off, 4);
        int month = digits(b, off + 5, 2);
        int day = digits(b, off + 8, 2);
        int hour = digits(b, off + 11, 2);
        int minute = digits(b, off + 14, 2);
        int second = digits(b, off + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return INVALID;
        }
        int p = off + 19;
        int millis = 0;
        if (b[p] == '.') {
            int first = ++p;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                if (p - first < 3) {
                    millis = millis * 10 + (b[p] - '0');
                }
                p++;
            }
            int fractionDigits = p - first;
            if (fractionDigits == 0) {
                return INVALID;
            }
            for (int k = fractionDigits; k < 3; k++) {
                millis *= 10;
            }
        }
        int zoneSeconds;
        if (p < end && (b[p] == 'Z' || b[p] == 'z') && p + 1 == end) {
            zoneSeconds = 0;
        } else if (p + 6 == end && (b[p] == '+' || b[p] == '-') && b[p + 3] == ':') {
            int zh = digits(b, p + 1, 2);
            int zm = digits(b, p + 4, 2);
            if (zh < 0 || zm < 0) {
                return INVALID;
            }
            zoneSeconds = (zh * 3600 + zm * 60) * (b[p] == '-' ? -1 : 1);
        } else {
            return INVALID;
        }
        long seconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - zoneSeconds;
        return seconds * 1000 + millis;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /** The value of {@code n} ASCII digits, or -1 if one is not a digit. */
    private static int digits(byte[] b, int off, int n) {
        int v = 0;
        for (int i = off; i < off + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
