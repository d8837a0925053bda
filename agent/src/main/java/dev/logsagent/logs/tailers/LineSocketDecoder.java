package dev.logsagent.logs.tailers;

import dev.logsagent.logs.decoder.Decoder;

/** Newline-delimited lines through the source's {@link Decoder}: encoding, truncation and multi-line come with it. */
final class LineSocketDecoder implements SocketDecoder {
    private final Decoder decoder;

    LineSocketDecoder(Decoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public void decode(byte[] buf, int off, int len) throws InterruptedException {
        decoder.decode(buf, off, len);
    }

    @Override
    public void flushIfIdle() throws InterruptedException {
        decoder.flushIfIdle();
    }

    @Override
    public void finish() throws InterruptedException {
        decoder.flushAll();
    }
}
