package dev.logsagent.logs.syslog;

/** Receives the messages a {@link SyslogFramer} cuts from a stream. */
@FunctionalInterface
public interface FrameSink {

    /**
     * One message, trailing {@code \r}/{@code \n} removed, never empty. The bytes are only valid during the call:
     * they may be the caller's chunk or the framer's buffer, both reused afterwards.
     *
     * @param truncated the message is one piece of a frame longer than the framer's maximum (every piece is
     *                  flagged), or the stream ended inside an octet-counted frame
     */
    void frame(byte[] buf, int off, int len, boolean truncated);
}
