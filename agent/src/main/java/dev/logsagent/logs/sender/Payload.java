package dev.logsagent.logs.sender;

import dev.logsagent.logs.message.Origin;
import dev.logsagent.serializer.Compression;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One batch of encoded logs, ready for any destination: the body is a JSON array ({@code [r0,r1,...]}) that the
 * HTTP destination sends as it is, and the records' bounds let line-oriented destinations write them one by one.
 *
 * @param sequence     order of this payload in its pipeline; offsets are committed in this order
 * @param body         the JSON array; only the first {@code length} bytes are meaningful
 * @param recordStarts start of each record in body
 * @param recordEnds   end (exclusive) of each record in body
 * @param count        number of records (0 for a payload that only carries checkpoints of dropped logs)
 * @param contentBytes bytes of log content before encoding, for BytesSent
 * @param checkpoints  the last origin of each input in this payload, in the order the inputs appeared
 * @param compressedWith the compression {@code compressed} was made with, or null when the batcher left it to the
 *                       destinations
 * @param compressed   the body compressed by {@code compressedWith}, or null
 */
public record Payload(long sequence, byte[] body, int length, int[] recordStarts, int[] recordEnds, int count,
                      long contentBytes, List<Origin> checkpoints, Compression compressedWith, byte[] compressed) {

    /** The body compressed by {@code compression}: the one made up front when it used the same, else made now. */
    public byte[] compressedBody(Compression compression) {
        return compression == compressedWith ? compressed : compression.compress(body, 0, length);
    }

    /** Bytes of record i, e.g. for a JSON-lines destination. */
    public String record(int i) {
        return new String(body, recordStarts[i], recordEnds[i] - recordStarts[i], StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
