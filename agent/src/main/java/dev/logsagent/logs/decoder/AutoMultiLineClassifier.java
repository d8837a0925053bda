package dev.logsagent.logs.decoder;

/**
 * Automatic multi-line detection: a line that starts with a timestamp begins a message; a JSON object line stands
 * alone; any other line (stack frames, {@code Caused by:}, tracebacks) belongs to the message before it, or stands
 * alone when no timestamp line came before.
 */
final class AutoMultiLineClassifier implements LineClassifier {
    @Override
    public Label classify(byte[] b, int off, int len) {
        if (len > 0 && b[off] == '{') {
            return Label.ALONE;
        }
        return TimestampDetector.startsWithTimestamp(b, off, len) ? Label.START_GROUP : Label.CONTINUE_GROUP;
    }

    @Override
    public boolean continuationOpensGroup() {
        return false;
    }
}
