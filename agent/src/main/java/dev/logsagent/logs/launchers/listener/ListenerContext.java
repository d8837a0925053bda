package dev.logsagent.logs.launchers.listener;

import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.tailers.PeerTags;
import dev.logsagent.logs.tailers.SocketDecoders;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What every listener of the launcher shares.
 *
 * @param sinks     the sink of each new input (a pipeline, round robin): each connection keeps its own
 * @param flushTick how often an idle connection's decoder flushes multi-line groups ({@code aggregation_timeout})
 * @param nanoClock time source for idle timeouts ({@code System::nanoTime} outside tests)
 */
record ListenerContext(Supplier<? extends MessageSink> sinks, SocketDecoders decoders, PeerTags peerTags,
                       Duration flushTick, LongSupplier nanoClock) {
}
