package dev.logsagent.logs.decoder;

/**
 * Joins lines into messages as a {@link LineClassifier} says, with the two characters {@code \n} (backslash, n)
 * between lines, as the Datadog Agent does. A message is emitted when the next one begins, when the next line
 * would take it past the size limit (cut, with truncation markers), or when no line came for the timeout.
 */
final class MultiLineHandler implements LineHandler {
    private static final byte[] SEPARATOR = {'\\', 'n'};

    private final LineClassifier classifier;
    private final MessageEmitter emitter;
    private final int limit;
    private final ByteBuilder group = new ByteBuilder(1024);
    private boolean open;
    private boolean groupCutBefore;
    private long groupEndOffset;
    private int groupRawLen;
    private String groupStatus;
    private long groupTimestamp;
    private long lastLineNanos;

    MultiLineHandler(LineClassifier classifier, MessageEmitter emitter, int limit) {
        this.classifier = classifier;
        this.emitter = emitter;
        this.limit = limit;
    }

    @Override
    public void accept(Line line) throws InterruptedException {
        LineClassifier.Label label = line.cutBefore
                ? LineClassifier.Label.START_GROUP
                : classifier.classify(line.buf, line.off, line.len);
        switch (label) {
            case START_GROUP -> {
                flush(false);
                start(line, line.cutBefore);
            }
            case CONTINUE_GROUP -> {
                if (open) {
                    append(line);
                } else if (classifier.continuationOpensGroup()) {
                    start(line, false);
                } else {
                    emitter.emitLine(line);
                }
            }
            case ALONE -> {
                flush(false);
                emitter.emitLine(line);
            }
        }
        if (open && line.cutAfter) {
            flush(true);
        }
    }

    @Override
    public void flushIdle(long now, long timeoutNanos) throws InterruptedException {
        if (open && now - lastLineNanos >= timeoutNanos) {
            flush(false);
        }
    }

    @Override
    public void flushAll() throws InterruptedException {
        flush(false);
    }

    @Override
    public long heldBytes() {
        return open ? groupRawLen : 0;
    }

    private void start(Line line, boolean cutBefore) {
        line.trimLeading();
        open = true;
        groupCutBefore = cutBefore;
        group.reset();
        if (cutBefore) {
            group.append(MessageEmitter.TRUNCATED);
        }
        group.append(line.buf, line.off, line.len);
        groupRawLen = line.rawLen;
        groupEndOffset = line.endOffset;
        groupStatus = line.status;
        groupTimestamp = line.timestamp;
        lastLineNanos = line.receivedNanos;
    }

    private void append(Line line) throws InterruptedException {
        int contentLen = group.length() - (groupCutBefore ? MessageEmitter.TRUNCATED.length : 0);
        if ((long) contentLen + SEPARATOR.length + line.len > limit) {
            flush(true);
            start(line, true);
            return;
        }
        group.append(SEPARATOR);
        group.append(line.buf, line.off, line.len);
        groupRawLen = (int) Math.min(Integer.MAX_VALUE, (long) groupRawLen + line.rawLen);
        groupEndOffset = line.endOffset;
        lastLineNanos = line.receivedNanos;
    }

    private void flush(boolean cutAfter) throws InterruptedException {
        if (!open) {
            return;
        }
        open = false;
        if (cutAfter) {
            group.append(MessageEmitter.TRUNCATED);
        }
        emitter.emit(group.toArray(), groupEndOffset, groupRawLen, groupStatus, groupTimestamp,
                groupCutBefore || cutAfter);
    }
}
