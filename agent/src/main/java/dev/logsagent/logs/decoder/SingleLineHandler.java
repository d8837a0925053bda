package dev.logsagent.logs.decoder;

/** Each line is a message. */
final class SingleLineHandler implements LineHandler {
    private final MessageEmitter emitter;

    SingleLineHandler(MessageEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void accept(Line line) throws InterruptedException {
        emitter.emitLine(line);
    }

    @Override
    public void flushIdle(long now, long timeoutNanos) {
        // nothing waits
    }

    @Override
    public void flushAll() {
        // nothing waits
    }

    @Override
    public long heldBytes() {
        return 0;
    }
}
