package dev.logsagent.logs.decoder;

/** A stage of the decoder that takes lines one by one (the line is only valid during the call). */
@FunctionalInterface
interface LineConsumer {
    void accept(Line line) throws InterruptedException;
}
