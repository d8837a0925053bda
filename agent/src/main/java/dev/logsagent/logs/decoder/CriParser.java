package dev.logsagent.logs.decoder;

import dev.logsagent.logs.message.Message;

import java.util.Arrays;

/**
 * Reads CRI log records, {@code <RFC 3339 time> <stdout|stderr> <P|F>[:tags] <log>}: the log stays a view of the
 * line, {@code P} pieces are joined by the {@link PartialJoiner}. A line that is not such a record is passed on as
 * it is, never dropped.
 */
final class CriParser implements LineConsumer {
    private static final byte[] STDOUT = {'s', 't', 'd', 'o', 'u', 't'};
    private static final byte[] STDERR = {'s', 't', 'd', 'e', 'r', 'r'};

    private final PartialJoiner joiner;
    private final LineConsumer rawOut;

    /** @param rawOut where lines that are not CRI records go, as they are */
    CriParser(PartialJoiner joiner, LineConsumer rawOut) {
        this.joiner = joiner;
        this.rawOut = rawOut;
    }

    @Override
    public void accept(Line line) throws InterruptedException {
        byte[] b = line.buf;
        int end = line.off + line.len;
        int timeEnd = indexOfSpace(b, line.off, end);
        int streamEnd = timeEnd < 0 ? -1 : indexOfSpace(b, timeEnd + 1, end);
        if (line.truncated() || streamEnd < 0) {
            rawOut.accept(line);
            return;
        }
        long millis = Rfc3339.toEpochMillis(b, line.off, timeEnd - line.off);
        int stream = streamOf(b, timeEnd + 1, streamEnd - timeEnd - 1);
        int tagEnd = indexOfSpace(b, streamEnd + 1, end);
        tagEnd = tagEnd < 0 ? end : tagEnd;
        byte tag = tagEnd > streamEnd + 1 ? b[streamEnd + 1] : 0;
        boolean tagOk = (tag == 'P' || tag == 'F') && (tagEnd == streamEnd + 2 || b[streamEnd + 2] == ':');
        if (millis == Rfc3339.INVALID || stream < 0 || !tagOk) {
            rawOut.accept(line);
            return;
        }
        int logStart = Math.min(tagEnd + 1, end);
        line.setContent(b, logStart, end - logStart);
        line.status = stream == PartialJoiner.STDERR ? Message.STATUS_ERROR : Message.STATUS_INFO;
        line.timestamp = millis;
        joiner.accept(line, stream, tag == 'P');
    }

    private static int streamOf(byte[] b, int off, int len) {
        if (len != STDOUT.length) {
            return -1;
        }
        if (Arrays.equals(b, off, off + len, STDOUT, 0, len)) {
            return PartialJoiner.STDOUT;
        }
        return Arrays.equals(b, off, off + len, STDERR, 0, len) ? PartialJoiner.STDERR : -1;
    }

    private static int indexOfSpace(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == ' ') {
                return i;
            }
        }
        return -1;
    }
}
