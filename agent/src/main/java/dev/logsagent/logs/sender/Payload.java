package dev.logsagent.logs.sender;

import dev.logsagent.logs.message.Origin;
import dev.logsagent.serializer.Compression;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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
 * @param compressedWith the compression {@code compressed} is made with, or null when each destination
 *                       compresses for itself
 * @param compressed   the body compressed by {@code compressedWith} (being made, see {@link #compressing}), or null
 */
public record Payload(long sequence, byte[] body, int length, int[] recordStarts, int[] recordEnds, int count,
                      long contentBytes, List<Origin> checkpoints, Compression compressedWith,
                      CompletableFuture<byte[]> compressed) {

    /**
     * This payload, with its body being compressed by {@code compression} on {@code executor}: the destinations
     * that use the same compression share that work, which overlaps with the sending of the payloads before.
     */
    public Payload compressing(Compression compression, Executor executor) {
        return new Payload(sequence, body, length, recordStarts, recordEnds, count, contentBytes, checkpoints,
                compression, CompletableFuture.supplyAsync(() -> compression.compress(body, 0, length), executor));
    }

    /** The body compressed by {@code compression}: the one made up front when it is the same, else made now. */
    public byte[] compressedBody(Compression compression) {
        return compression == compressedWith ? compressed.join() : compression.compress(body, 0, length);
    }

    /** Waits until no compression reads the body any more, so that its array can be reused. */
    public void awaitCompressed() {
        if (compressed != null) {
            compressed.exceptionally(e -> null).join();
        }
    }

    /** Bytes of record i, e.g. for a JSON-lines destination. */
    public String record(int i) {
        return new String(body, recordStarts[i], recordEnds[i] - recordStarts[i], StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
