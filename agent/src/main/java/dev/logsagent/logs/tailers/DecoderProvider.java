package dev.logsagent.logs.tailers;

import dev.logsagent.logs.decoder.Decoder;
import dev.logsagent.logs.message.InputIdentity;
import dev.logsagent.logs.message.MessageSink;
import dev.logsagent.logs.sources.LogSource;

import java.util.List;

/** Builds the decoder for one input of a source, with the source's encoding and multi-line settings. */
@FunctionalInterface
public interface DecoderProvider {
    /**
     * @param tags the input's own tags (e.g. {@code filename:}), one list instance shared by all its messages
     */
    Decoder create(LogSource source, InputIdentity identity, long startOffset, List<String> tags, MessageSink out);
}
