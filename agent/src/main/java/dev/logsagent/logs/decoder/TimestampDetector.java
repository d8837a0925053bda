package dev.logsagent.logs.decoder;

/**
 * Tells whether a line starts with a timestamp, by reading a few bytes by hand (no regex). Recognised, optionally
 * inside {@code [...]} and optionally after a level word ({@code INFO}, {@code [WARN]}, {@code ERROR:}):
 * <ul>
 *   <li>ISO 8601 / RFC 3339 and the like: {@code 2024-01-02T03:04:05}, {@code 2024-01-02 03:04:05,123},
 *       {@code 2024/01/02 03:04}</li>
 *   <li>day first: {@code 02/01/2024 03:04}, {@code 02.01.2024 03:04:05}</li>
 *   <li>common log: {@code 02/Jan/2024:03:04:05}</li>
 *   <li>month name first: syslog {@code Jan  2 03:04:05}, java.util.logging {@code Jan 02, 2024 3:04:05 PM}</li>
 *   <li>week day first: {@code Tue Jan  2 03:04:05 2024}, {@code Tue, 02 Jan 2024 03:04:05}</li>
 *   <li>glog: {@code I0102 03:04:05.123456}</li>
 * </ul>
 */
final class TimestampDetector {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final String DAYS = "MonTueWedThuFriSatSun";
    private static final String[] LEVELS = {
            "TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR", "SEVERE", "CRITICAL", "FATAL"};

    private TimestampDetector() {
    }

    static boolean startsWithTimestamp(byte[] b, int off, int len) {
        int end = off + len;
        if (timestampAt(b, skipBracket(b, off, end), end)) {
            return true;
        }
        int afterLevel = afterLevel(b, off, end);
        return afterLevel > 0 && timestampAt(b, skipBracket(b, afterLevel, end), end);
    }

    private static boolean timestampAt(byte[] b, int p, int end) {
        if (p >= end) {
            return false;
        }
        byte c = b[p];
        if (isDigit(c)) {
            return yearFirst(b, p, end) || dayFirst(b, p, end) || commonLog(b, p, end);
        }
        if (c >= 'A' && c <= 'Z') {
            return glog(b, p, end) || monthFirst(b, p, end) || weekDayFirst(b, p, end);
        }
        return false;
    }

    /** {@code 2024-01-02T03:04}, {@code 2024/01/02 03:04}. */
    private static boolean yearFirst(byte[] b, int p, int end) {
        if (p + 16 > end || !digits(b, p, 4)) {
            return false;
        }
        byte sep = b[p + 4];
        return (sep == '-' || sep == '/') && b[p + 7] == sep && month(b, p + 5) && day(b, p + 8)
                && (b[p + 10] == 'T' || b[p + 10] == ' ') && time(b, p + 11, end) > 0;
    }

    /** {@code 02/01/2024 03:04}, {@code 02.01.2024 03:04}, {@code 02-01-2024T03:04}. */
    private static boolean dayFirst(byte[] b, int p, int end) {
        if (p + 16 > end) {
            return false;
        }
        byte sep = b[p + 2];
        return (sep == '/' || sep == '.' || sep == '-') && b[p + 5] == sep && digits(b, p, 2)
                && digits(b, p + 3, 2) && digits(b, p + 6, 4)
                && (b[p + 10] == ' ' || b[p + 10] == 'T' || b[p + 10] == ':') && time(b, p + 11, end) > 0;
    }

    /** {@code 02/Jan/2024:03:04:05}. */
    private static boolean commonLog(byte[] b, int p, int end) {
        int q = p + (p + 1 < end && b[p + 1] == '/' ? 1 : 2);
        return q + 14 <= end && digits(b, p, q - p) && b[q] == '/' && monthName(b, q + 1) && b[q + 4] == '/'
                && digits(b, q + 5, 4) && b[q + 9] == ':' && time(b, q + 10, end) > 0;
    }

    /** Syslog {@code Jan  2 03:04:05}; java.util.logging {@code Jan 02, 2024 3:04:05 PM}; {@code Jan 02 2024 03:04}. */
    private static boolean monthFirst(byte[] b, int p, int end) {
        if (p + 4 > end || !monthName(b, p) || b[p + 3] != ' ') {
            return false;
        }
        int q = skipSpaces(b, p + 3, end);
        int dayDigits = countDigits(b, q, end);
        if (dayDigits < 1 || dayDigits > 2) {
            return false;
        }
        q += dayDigits;
        if (q < end && b[q] == ',') {
            q++;
        }
        if (q >= end || b[q] != ' ') {
            return false;
        }
        q = skipSpaces(b, q, end);
        if (countDigits(b, q, end) == 4 && q + 4 < end && b[q + 4] == ' ') {
            q = skipSpaces(b, q + 4, end);
        }
        return time(b, q, end) > 0;
    }

    /** {@code Tue Jan  2 03:04:05 2024} (ctime), {@code Tue, 02 Jan 2024 03:04:05} (RFC 1123). */
    private static boolean weekDayFirst(byte[] b, int p, int end) {
        if (p + 5 > end || !name(b, p, DAYS)) {
            return false;
        }
        if (b[p + 3] == ' ') {
            return monthFirst(b, p + 4, end);
        }
        if (b[p + 3] != ',' || b[p + 4] != ' ') {
            return false;
        }
        int q = p + 5;
        return q + 12 <= end && digits(b, q, 2) && b[q + 2] == ' ' && monthName(b, q + 3) && b[q + 6] == ' '
                && digits(b, q + 7, 4) && b[q + 11] == ' ' && time(b, q + 12, end) > 0;
    }

    /** {@code I0102 03:04:05}: a severity letter, month and day, then the time. */
    private static boolean glog(byte[] b, int p, int end) {
        byte level = b[p];
        return (level == 'I' || level == 'W' || level == 'E' || level == 'F') && p + 14 <= end
                && month(b, p + 1) && day(b, p + 3) && b[p + 5] == ' ' && time(b, p + 6, end) == 8;
    }

    /** Length of {@code H:MM} / {@code HH:MM} / {@code HH:MM:SS} at {@code p}, or 0. */
    private static int time(byte[] b, int p, int end) {
        int hourDigits = countDigits(b, p, Math.min(end, p + 3));
        if (hourDigits < 1 || hourDigits > 2) {
            return 0;
        }
        int q = p + hourDigits;
        if (q + 3 > end || b[q] != ':' || !digits(b, q + 1, 2) || b[q + 1] > '5') {
            return 0;
        }
        q += 3;
        if (q + 3 <= end && b[q] == ':' && digits(b, q + 1, 2)) {
            q += 3;
        }
        return q - p;
    }

    /** After a level word ({@code INFO}, {@code [INFO]}, {@code INFO:}) and the spaces after it; -1 if none. */
    private static int afterLevel(byte[] b, int p, int end) {
        int q = p < end && b[p] == '[' ? p + 1 : p;
        int wordEnd = q;
        while (wordEnd < end && b[wordEnd] >= 'A' && b[wordEnd] <= 'Z') {
            wordEnd++;
        }
        if (!isLevel(b, q, wordEnd - q)) {
            return -1;
        }
        if (q > p) {
            if (wordEnd >= end || b[wordEnd] != ']') {
                return -1;
            }
            wordEnd++;
        }
        if (wordEnd < end && b[wordEnd] == ':') {
            wordEnd++;
        }
        int next = skipSpaces(b, wordEnd, end);
        return next > wordEnd ? next : -1;
    }

    private static boolean isLevel(byte[] b, int p, int len) {
        for (String level : LEVELS) {
            if (level.length() == len && bytesAre(b, p, level, 0, len)) {
                return true;
            }
        }
        return false;
    }

    private static int skipBracket(byte[] b, int p, int end) {
        return p < end && b[p] == '[' ? p + 1 : p;
    }

    private static int skipSpaces(byte[] b, int p, int end) {
        while (p < end && b[p] == ' ') {
            p++;
        }
        return p;
    }

    private static boolean monthName(byte[] b, int p) {
        return name(b, p, MONTHS);
    }

    /** Whether the three bytes at {@code p} are one of the three-letter names packed in {@code names}. */
    private static boolean name(byte[] b, int p, String names) {
        for (int i = 0; i < names.length(); i += 3) {
            if (bytesAre(b, p, names, i, 3)) {
                return true;
            }
        }
        return false;
    }

    private static boolean bytesAre(byte[] b, int p, String text, int from, int n) {
        for (int i = 0; i < n; i++) {
            if (b[p + i] != text.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    /** Two digits {@code 01}-{@code 12}. */
    private static boolean month(byte[] b, int p) {
        return digits(b, p, 2) && (b[p] == '0' ? b[p + 1] != '0' : b[p] == '1' && b[p + 1] <= '2');
    }

    /** Two digits {@code 01}-{@code 31}. */
    private static boolean day(byte[] b, int p) {
        return digits(b, p, 2) && (b[p] == '3' ? b[p + 1] <= '1' : b[p] < '3' && !(b[p] == '0' && b[p + 1] == '0'));
    }

    private static boolean digits(byte[] b, int p, int n) {
        for (int i = p; i < p + n; i++) {
            if (!isDigit(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static int countDigits(byte[] b, int p, int end) {
        int q = p;
        while (q < end && isDigit(b[q])) {
            q++;
        }
        return q - p;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
