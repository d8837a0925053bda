package dev.logsagent.logs.sender;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Kafka key of an encoded log, {@code <hostname>/<ddsource>}, so that the logs of one source on one host land
 * in one partition, in order. Read straight from the record's JSON bytes: values are taken as encoded (hostnames
 * and source names need no escaping), and a record without {@code ddsource} gets {@code <hostname>/}.
 *
 * <p>The fields are found from the record's end, where the encoder writes them once per source; a quote in a log's
 * content is always escaped, so {@code ,"hostname":"} can only be the field itself. Consecutive records of one
 * source share one key array. Not thread-safe: one instance per payload being sent.
 */
final class KafkaRecordKey {
    private static final byte[] HOSTNAME = ",\"hostname\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DDSOURCE = ",\"ddsource\":\"".getBytes(StandardCharsets.US_ASCII);

    private byte[] lastKey;

    /** The key of the record {@code body[start, end)}. */
    byte[] of(byte[] body, int start, int end) {
        int hostStart = valueStart(body, start, end, HOSTNAME);
        int hostEnd = valueEnd(body, hostStart, end);
        int sourceStart = valueStart(body, hostEnd, end, DDSOURCE);
        int sourceEnd = valueEnd(body, sourceStart, end);
        int hostLength = hostEnd - hostStart;
        int sourceLength = sourceEnd - sourceStart;
        byte[] last = lastKey;
        if (last != null && last.length == hostLength + 1 + sourceLength
                && Arrays.equals(body, hostStart, hostStart + hostLength, last, 0, hostLength)
                && Arrays.equals(body, sourceStart, sourceStart + sourceLength, last, hostLength + 1, last.length)) {
            return last;
        }
        byte[] key = new byte[hostLength + 1 + sourceLength];
        System.arraycopy(body, hostStart, key, 0, hostLength);
        key[hostLength] = '/';
        System.arraycopy(body, sourceStart, key, hostLength + 1, sourceLength);
        lastKey = key;
        return key;
    }

    /** Where the value after the last {@code field} in {@code [from, end)} starts; {@code end} when absent. */
    private static int valueStart(byte[] body, int from, int end, byte[] field) {
        for (int i = end - field.length; i >= from; i--) {
            if (body[i] == field[0] && Arrays.equals(body, i, i + field.length, field, 0, field.length)) {
                return i + field.length;
            }
        }
        return end;
    }

    /** The closing quote of the JSON string value starting at {@code from}; {@code end} when there is none. */
    private static int valueEnd(byte[] body, int from, int end) {
        for (int i = from; i < end; i++) {
            if (body[i] == '\\') {
                i++;
            } else if (body[i] == '"') {
                return i;
            }
        }
        return end;
    }
}
