package dev.logsagent.logs.decoder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampDetectorTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "2024-01-02T03:04:05Z started",
            "2024-01-02T03:04:05.123456789+01:00 started",
            "2024-01-02 03:04:05,123 - app - ERROR - failed",
            "2024/01/02 03:04:05 [error] 12#0: connect() failed",
            "2024-01-02 03:04 short time",
            "[2024-01-02 03:04:05] production.ERROR: oops",
            "02/01/2024 03:04:05 day first",
            "02.01.2024 03:04 dotted",
            "02/Jan/2024:03:04:05 +0000 GET /",
            "[02/Jan/2024:03:04:05 +0000] GET /",
            "Jan  2 03:04:05 host sshd[42]: accepted",
            "Jan 12 03:04:05 host kernel: eth0 up",
            "Jul 09, 2015 3:23:29 PM com.example.Main: RuntimeException",
            "Jan 02 2024 03:04:05 year after day",
            "Tue Jan  2 03:04:05 2024 ctime",
            "[Tue Jan 02 03:04:05.123 2024] [core:error] apache",
            "Tue, 02 Jan 2024 03:04:05 GMT rfc 1123",
            "I0102 03:04:05.123456    42 main.cc:10] glog info",
            "E0517 15:04:22.619632 1952452992 logging_unittest.cc:253] Log every 3",
            "INFO 2024-01-02 03:04:05 level first",
            "[WARN] 2024-01-02T03:04:05Z bracketed level",
            "ERROR: [2024-01-02 03:04:05] level with colon",
            "WARNING  Jan  2 03:04:05 padded"})
    void recognisesLinesThatStartWithATimestamp(String line) {
        assertThat(detect(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "\tat com.example.Main.run(Main.java:10)",
            "  at com.example.Main.run(Main.java:10)",
            "Caused by: java.io.IOException: closed",
            "\t... 12 more",
            "Traceback (most recent call last):",
            "  File \"/app/main.py\", line 5, in <module>",
            "java.lang.RuntimeException: 2024-01-02 03:04:05 inside",
            "{\"time\":\"2024-01-02T03:04:05Z\"}",
            "2024-01-02 no time",
            "2024-13-02 03:04:05 month 13",
            "2024-01-32 03:04:05 day 32",
            "2024-01-02T03:64 minute 64",
            "1.2.3 version",
            "12345 numbers",
            "May the force be with you",
            "Jan 2",
            "Mon Tuesday",
            "I0102 no time",
            "INFO no timestamp after level",
            "INFORMATION 2024-01-02 03:04:05 unknown level word",
            "[2024-01-02",
            "goroutine 1 [running]:"})
    void rejectsLinesThatDoNot(String line) {
        assertThat(detect(line)).isFalse();
    }

    private static boolean detect(String line) {
        byte[] padded = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
        int len = line.getBytes(StandardCharsets.UTF_8).length;
        return TimestampDetector.startsWithTimestamp(padded, 2, len);
    }
}
