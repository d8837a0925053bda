package dev.logsagent.logs.decoder;

/**
 * Trims trailing white space and drops lines left empty; their input bytes are added to the next line, so its
 * message covers them and offsets move past them.
 */
final class BlankLineSkipper implements LineConsumer {
    private final LineConsumer next;
    private long skipped;

    BlankLineSkipper(LineConsumer next) {
        this.next = next;
    }

    @Override
    public void accept(Line line) throws InterruptedException {
        line.trimTrailing();
        if (line.len == 0 && !line.truncated()) {
            skipped += line.rawLen;
            return;
        }
        line.rawLen = (int) Math.min(Integer.MAX_VALUE, line.rawLen + skipped);
        skipped = 0;
        next.accept(line);
    }
}
