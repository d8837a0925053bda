package dev.logsagent.logs.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One log on its way through the pipeline. The content stays UTF-8 bytes from the decoder to the encoder, so the
 * hot path never builds a {@code String} unless a rule needs one.
 */
public final class Message {
    public static final String STATUS_INFO = "info";
    public static final String STATUS_ERROR = "error";

    private byte[] content;
    private final Origin origin;
    private final int rawSize;
    private String status = STATUS_INFO;
    private long timestamp;
    private List<String> tags = List.of();
    private boolean truncated;
    private String service;
    private String hostname;

    /**
     * @param content UTF-8 bytes, no line terminator; owned by the message from now on
     * @param rawSize bytes this message took in its input (before decoding), for bytes-read counters
     */
    public Message(byte[] content, Origin origin, int rawSize) {
        this.content = content;
        this.origin = origin;
        this.rawSize = rawSize;
    }

    public static Message of(String content, Origin origin) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new Message(bytes, origin, bytes.length);
    }

    public byte[] content() {
        return content;
    }

    public void setContent(byte[] content) {
        this.content = content;
    }

    public String contentAsString() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public Origin origin() {
        return origin;
    }

    public int rawSize() {
        return rawSize;
    }

    public String status() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** Epoch milliseconds; 0 means "when it is encoded". */
    public long timestamp() {
        return timestamp;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    /** Tags of this message alone (container tags, peer address ...), added to the source's tags. */
    public List<String> tags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    /** True when this message is a piece of a longer line cut at {@code max_message_size_bytes}. */
    public boolean truncated() {
        return truncated;
    }

    public void setTruncated(boolean truncated) {
        this.truncated = truncated;
    }

    /** This log's own service (a syslog APP-NAME), replacing the source's; null = the source's. */
    public String service() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    /** This log's own host (a syslog HOSTNAME), replacing the agent's hostname; null = the agent's. */
    public String hostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    @Override
    public String toString() {
        return "Message[" + contentAsString() + " @ " + origin.identifier() + ":" + origin.offset() + "]";
    }
}
