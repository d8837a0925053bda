package dev.logsagent.serializer;

import dev.logsagent.config.Encoding;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.config.StartPosition;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.Message;
import dev.logsagent.logs.message.Origin;
import dev.logsagent.logs.sources.LogSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LogEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NOW = 1_700_000_000_123L;
    private static final List<String> FILE_TAGS = List.of("filename:app.log", "dirname:/var/log");

    private final LogEncoder encoder = new LogEncoder("web-1", List.of("env:prod"), () -> NOW);
    private final LogSource source = new LogSource("app", fileConfig("app-svc", "nginx"));

    @Test
    void encodesTheIntakeObjectWithItsFieldsInOrder() {
        Message m = message(source, "GET /index.html 200", FILE_TAGS);
        m.setTimestamp(1_234_567L);

        assertThat(encode(m)).isEqualTo("{\"message\":\"GET /index.html 200\",\"status\":\"info\","
                + "\"timestamp\":1234567,\"hostname\":\"web-1\",\"service\":\"app-svc\",\"ddsource\":\"nginx\","
                + "\"ddtags\":\"filename:app.log,dirname:/var/log,env:prod\"}");
    }

    @Test
    void parsesBackToTheMessagesFields() {
        Message m = message(source, "disk \"full\" on /dev/sda1", FILE_TAGS);
        m.setStatus(Message.STATUS_ERROR);

        JsonNode node = parse(encode(m));

        assertThat(node.propertyNames())
                .containsExactly("message", "status", "timestamp", "hostname", "service", "ddsource", "ddtags");
        assertThat(node.get("message").asString()).isEqualTo("disk \"full\" on /dev/sda1");
        assertThat(node.get("status").asString()).isEqualTo("error");
        assertThat(node.get("timestamp").asLong()).isEqualTo(NOW);
        assertThat(node.get("hostname").asString()).isEqualTo("web-1");
        assertThat(node.get("service").asString()).isEqualTo("app-svc");
        assertThat(node.get("ddsource").asString()).isEqualTo("nginx");
        assertThat(node.get("ddtags").asString()).isEqualTo("filename:app.log,dirname:/var/log,env:prod");
    }

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("say \"hi\"", "say \\\"hi\\\""),
                Arguments.of("C:\\temp\\x", "C:\\\\temp\\\\x"),
                Arguments.of("a\tb\nc\rd", "a\\tb\\nc\\rd"),
                Arguments.of("bell\u0007 nul\u0000 esc\u001b", "bell\\u0007 nul\\u0000 esc\\u001b"),
                Arguments.of("\b\f", "\\b\\f"),
                Arguments.of("del\u007f slash/", "del\u007f slash/"),
                Arguments.of("héllo ✓ 日本 🚀", "héllo ✓ 日本 🚀"),
                Arguments.of("", ""));
    }

    @ParameterizedTest
    @MethodSource("escapes")
    void escapesQuotesBackslashesAndControlCharactersAndKeepsUnicodeAsIs(String content, String escaped) {
        String json = encode(message(source, content, List.of()));

        assertThat(json).startsWith("{\"message\":\"" + escaped + "\",");
        assertThat(parse(json).get("message").asString()).isEqualTo(content);
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of(bytes('a', 0xFF, 'b'), "a\uFFFDb"),
                Arguments.of(bytes('a', 0x80), "a\uFFFD"),
                Arguments.of(bytes('a', 0xC3), "a\uFFFD"),
                Arguments.of(bytes(0xE2, 0x82, 'a'), "\uFFFD\uFFFDa"),
                Arguments.of(bytes(0xC0, 0xAF), "\uFFFD\uFFFD"),
                Arguments.of(bytes(0xED, 0xA0, 0x80), "\uFFFD\uFFFD\uFFFD"),
                Arguments.of(bytes(0xF4, 0x90, 0x80, 0x80), "\uFFFD\uFFFD\uFFFD\uFFFD"),
                Arguments.of(bytes(0xF0, 0x9F, 0x9A, 0x80, 0xF0, 0x9F), "🚀\uFFFD\uFFFD"));
    }

    @ParameterizedTest
    @MethodSource("invalidUtf8")
    void replacesEachInvalidByteSoTheJsonStaysValid(byte[] content, String expected) {
        Message m = new Message(content, new Origin(source, new InputIdentity("file:/var/log/app.log", "end"), 1), content.length);
        GrowableBuffer out = new GrowableBuffer();

        encoder.encode(m, out);

        assertThat(parse(strictUtf8(out.toByteArray())).get("message").asString()).isEqualTo(expected);
    }

    @Test
    void leavesOutBlankServiceSourceAndTagsButAlwaysWritesHostname() {
        LogEncoder bare = new LogEncoder("", List.of(), () -> NOW);
        LogSource blank = new LogSource("blank", fileConfig(" ", null));

        JsonNode node = parse(encode(bare, message(blank, "x", List.of())));

        assertThat(node.propertyNames()).containsExactly("message", "status", "timestamp", "hostname");
        assertThat(node.get("hostname").asString()).isEmpty();
    }

    @Test
    void joinsSourceTagsSourceCategoryMessageTagsAndHostTagsInThatOrder() {
        SourceConfig config = new SourceConfig("app", "/etc/conf.d/app.yaml", SourceType.FILE, "/var/log/app.log",
                List.of(), Encoding.UTF_8, StartPosition.END, 0, null, "svc", "src", "web",
                List.of("team:core", "tier:1"), List.of(), null, null, Map.of());
        LogEncoder withHostTags = new LogEncoder("h", List.of("env:prod", "region:eu"), () -> NOW);

        JsonNode node = parse(encode(withHostTags, message(new LogSource("app", config), "x", FILE_TAGS)));

        assertThat(node.get("ddtags").asString()).isEqualTo(
                "team:core,tier:1,sourcecategory:web,filename:app.log,dirname:/var/log,env:prod,region:eu");
    }

    @Test
    void escapesTagsServiceAndHostname() {
        LogEncoder odd = new LogEncoder("host\"1", List.of(), () -> NOW);
        LogSource quoted = new LogSource("q", fileConfig("svc\\x", "src\n"));

        JsonNode node = parse(encode(odd, message(quoted, "x", List.of("k:\"v\""))));

        assertThat(node.get("hostname").asString()).isEqualTo("host\"1");
        assertThat(node.get("service").asString()).isEqualTo("svc\\x");
        assertThat(node.get("ddsource").asString()).isEqualTo("src\n");
        assertThat(node.get("ddtags").asString()).isEqualTo("k:\"v\"");
    }

    @Test
    void cachesTheEncodedTagsPerTagListInstance() {
        List<String> tags = new ArrayList<>(List.of("filename:a.log"));
        Message first = message(source, "1", tags);
        assertThat(parse(encode(first)).get("ddtags").asString()).isEqualTo("filename:a.log,env:prod");

        // Tailers never change a list they handed out; doing it here shows the same instance is served from cache.
        tags.set(0, "filename:changed.log");
        assertThat(parse(encode(message(source, "2", tags))).get("ddtags").asString())
                .isEqualTo("filename:a.log,env:prod");

        List<String> otherInstance = List.of("filename:b.log");
        assertThat(parse(encode(message(source, "3", otherInstance))).get("ddtags").asString())
                .isEqualTo("filename:b.log,env:prod");
        assertThat(parse(encode(message(source, "4", tags))).get("ddtags").asString())
                .isEqualTo("filename:a.log,env:prod");
    }

    @Test
    void theSameTagListUnderAnotherSourceGetsThatSourcesFields() {
        LogSource other = new LogSource("db", fileConfig("db-svc", "postgres").withTags(List.of("team:data")));

        JsonNode a = parse(encode(message(source, "a", FILE_TAGS)));
        JsonNode b = parse(encode(message(other, "b", FILE_TAGS)));

        assertThat(a.get("service").asString()).isEqualTo("app-svc");
        assertThat(b.get("service").asString()).isEqualTo("db-svc");
        assertThat(b.get("ddtags").asString()).isEqualTo("team:data,filename:app.log,dirname:/var/log,env:prod");
    }

    @Test
    void aLogsOwnServiceAndHostnameReplaceTheSourcesAndTheAgentsForThatLogOnly() {
        Message own = message(source, "from syslog", FILE_TAGS);
        own.setService("sshd");
        own.setHostname("router-7");
        Message onlyHost = message(source, "host only", FILE_TAGS);
        onlyHost.setHostname("router-8");

        JsonNode first = parse(encode(own));
        JsonNode second = parse(encode(onlyHost));
        JsonNode plain = parse(encode(message(source, "plain", FILE_TAGS)));

        assertThat(first.get("service").asString()).isEqualTo("sshd");
        assertThat(first.get("hostname").asString()).isEqualTo("router-7");
        assertThat(first.get("ddtags").asString()).isEqualTo("filename:app.log,dirname:/var/log,env:prod");
        assertThat(second.get("service").asString()).isEqualTo("app-svc");
        assertThat(second.get("hostname").asString()).isEqualTo("router-8");
        assertThat(plain.get("service").asString()).isEqualTo("app-svc");
        assertThat(plain.get("hostname").asString()).isEqualTo("web-1");
    }

    @Test
    void aRunOfLogsWithTheSameTagsButAnotherHostGetsEachItsOwnHost() {
        List<String> tags = List.of("syslog.appname:cron");
        List<String> hosts = new ArrayList<>();
        for (String host : List.of("a", "a", "b", "a")) {
            Message m = message(source, "x", tags);
            m.setHostname(host);
            hosts.add(parse(encode(m)).get("hostname").asString());
        }

        assertThat(hosts).containsExactly("a", "a", "b", "a");
    }

    @Test
    void stampsTheClockOnlyWhenTheMessageHasNoTimestamp() {
        Message stamped = message(source, "x", List.of());
        stamped.setTimestamp(42);

        assertThat(parse(encode(stamped)).get("timestamp").asLong()).isEqualTo(42);
        assertThat(parse(encode(message(source, "y", List.of()))).get("timestamp").asLong()).isEqualTo(NOW);
    }

    @Test
    void appendsObjectsOneAfterAnotherIntoAPayload() {
        GrowableBuffer out = new GrowableBuffer(8);
        out.write('[');
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                out.write(',');
            }
            encoder.encode(message(source, "line " + i, FILE_TAGS), out);
        }
        out.write(']');

        JsonNode array = JSON.readTree(out.toByteArray());

        assertThat(array.size()).isEqualTo(3);
        assertThat(array.get(2).get("message").asString()).isEqualTo("line 2");
    }

    @Test
    void encodesWholeWhenItFitsInTheLimit() {
        Message m = message(source, "short", FILE_TAGS);
        GrowableBuffer out = new GrowableBuffer();

        boolean truncated = encoder.encode(m, out, 10_000);

        assertThat(truncated).isFalse();
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(encode(m));
    }

    static Stream<Arguments> oversized() {
        return Stream.of(
                Arguments.of("a".repeat(5000), 300),
                Arguments.of("é".repeat(5000), 301),
                Arguments.of("é".repeat(5000), 302),
                Arguments.of("🚀".repeat(2000), 303),
                Arguments.of("\"".repeat(5000), 301),
                Arguments.of("\u0001".repeat(5000), 303),
                Arguments.of("x\"é\n🚀\u0002".repeat(500), 1000));
    }

    @ParameterizedTest
    @MethodSource("oversized")
    void cutsContentOnACharacterBoundaryToFitTheLimit(String content, int maxBytes) {
        GrowableBuffer out = new GrowableBuffer();
        out.writeAscii("[previous]");

        boolean truncated = encoder.encode(message(source, content, FILE_TAGS), out, maxBytes);

        byte[] written = Arrays.copyOfRange(out.array(), "[previous]".length(), out.length());
        assertThat(truncated).isTrue();
        assertThat(written.length).isLessThanOrEqualTo(maxBytes).isGreaterThan(maxBytes - 6);
        String message = parse(strictUtf8(written)).get("message").asString();
        assertThat(message).endsWith("...TRUNCATED...");
        String kept = message.substring(0, message.length() - "...TRUNCATED...".length());
        assertThat(content).startsWith(kept);
        assertThat(kept).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10, 150})
    void keepsOnlyTheMarkerWhenNothingElseFits(int maxBytes) {
        GrowableBuffer out = new GrowableBuffer();

        boolean truncated = encoder.encode(message(source, "y".repeat(1000), FILE_TAGS), out, maxBytes);

        assertThat(truncated).isTrue();
        assertThat(parse(new String(out.toByteArray(), StandardCharsets.UTF_8)).get("message").asString())
                .isEqualTo("...TRUNCATED...");
    }

    private static SourceConfig fileConfig(String service, String sourceName) {
        return SourceConfig.file("app", Path.of("/var/log/app.log"), service, sourceName);
    }

    private static Message message(LogSource source, String content, List<String> tags) {
        Message m = Message.of(content, new Origin(source, new InputIdentity("file:/var/log/app.log", "end"), 1));
        m.setTags(tags);
        return m;
    }

    private String encode(Message m) {
        return encode(encoder, m);
    }

    private static String encode(LogEncoder encoder, Message m) {
        GrowableBuffer out = new GrowableBuffer(16);
        encoder.encode(m, out);
        return strictUtf8(out.toByteArray());
    }

    private static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** Decodes refusing malformed input, so that a cut character or a stray byte fails the test. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8: " + Arrays.toString(bytes), e);
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
