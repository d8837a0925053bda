package dev.logsagent.serializer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class JsonStringEscaperTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void everyAsciiStringAtEveryAlignmentReadsBackUnchanged() {
        SplittableRandom random = new SplittableRandom(7);
        GrowableBuffer out = new GrowableBuffer(256);
        for (int round = 0; round < 5_000; round++) {
            int offset = random.nextInt(9);
            byte[] text = new byte[offset + random.nextInt(48)];
            for (int i = 0; i < text.length; i++) {
                // Mostly plain letters, with quotes, backslashes and control characters sprinkled in.
                int pick = random.nextInt(20);
                text[i] = (byte) (pick == 0 ? random.nextInt(0x20) : pick == 1 ? '"' : pick == 2 ? '\\'
                        : 0x20 + random.nextInt(0x60));
            }
            out.reset();
            out.write('"');
            JsonStringEscaper.write(text, offset, text.length, out);
            out.write('"');
            String expected = new String(text, offset, text.length - offset, StandardCharsets.US_ASCII);
            assertThat(JSON.readValue(out.toByteArray(), String.class)).isEqualTo(expected);
        }
    }

    @Test
    void multiByteCharactersAfterPlainRunsAreKept() {
        byte[] text = "abcdefgh-ijklmnop-é-ü-日本-\"quoted\"".getBytes(StandardCharsets.UTF_8);
        GrowableBuffer out = new GrowableBuffer(64);
        out.write('"');
        JsonStringEscaper.write(text, 0, text.length, out);
        out.write('"');
        assertThat(JSON.readValue(out.toByteArray(), String.class)).isEqualTo("abcdefgh-ijklmnop-é-ü-日本-\"quoted\"");
    }

    @Test
    void growsTheBufferWhenEscapesWriteMoreThanTheInput() {
        byte[] text = new byte[1000];
        for (int i = 0; i < text.length; i++) {
            // Control characters become six bytes each and invalid bytes three: the worst expansions.
            text[i] = i % 2 == 0 ? (byte) 0x01 : (byte) 0xFF;
        }
        GrowableBuffer out = new GrowableBuffer(1);
        out.write('"');
        JsonStringEscaper.write(text, 0, text.length, out);
        out.write('"');
        assertThat(out.length()).isEqualTo(2 + 500 * 6 + 500 * 3);
        assertThat(JSON.readValue(out.toByteArray(), String.class)).isEqualTo("\u0001\uFFFD".repeat(500)
                .replace("\\u0001", "\u0001").translateEscapes());
    }
}
