package dev.logsagent.logs.decoder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class Rfc3339Test {

    @ParameterizedTest
    @ValueSource(strings = {
            "2016-03-02T22:58:51.338462311Z",
            "2020-08-19T21:06:24.33754077Z",
            "2024-02-29T23:59:59Z",
            "2024-01-02T03:04:05.1Z",
            "2024-01-02T03:04:05.12+02:00",
            "2024-01-02T03:04:05.999999-07:30",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.5Z",
            "2100-03-01T00:00:00Z"})
    void readsTimestampsAsJavaTimeDoes(String text) {
        long expected = OffsetDateTime.parse(text).toInstant().toEpochMilli();

        assertThat(read(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "2024-01-02",
            "2024-01-02T03:04:05",
            "2024-01-02T03:04:05.Z",
            "2024-13-02T03:04:05Z",
            "2024-01-02T24:04:05Z",
            "2024-01-02T03:04:05Zjunk",
            "2024-01-02T03:04:05+0200",
            "yesterday at noon, roughly"})
    void rejectsWhatIsNotRfc3339(String text) {
        assertThat(read(text)).isEqualTo(Rfc3339.INVALID);
    }

    private static long read(String text) {
        byte[] padded = ("<" + text + ">").getBytes(StandardCharsets.US_ASCII);
        return Rfc3339.toEpochMillis(padded, 1, padded.length - 2);
    }
}
