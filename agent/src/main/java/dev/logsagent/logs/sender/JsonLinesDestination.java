package dev.logsagent.logs.sender;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes each log as one JSON object per line, to the console (the embedded default when no intake is
 * configured) or appended to a file. A payload counts as delivered once written and flushed.
 */
public final class JsonLinesDestination implements Destination {
    private final String name;
    private final OutputStream out;
    private final boolean closeStream;
    private final AtomicLong sent = new AtomicLong();

    private JsonLinesDestination(String name, OutputStream out, boolean closeStream) {
        this.name = name;
        this.out = out;
        this.closeStream = closeStream;
    }

    public static JsonLinesDestination console() {
        return new JsonLinesDestination("console", new BufferedOutputStream(System.out, 1 << 16), false);
    }

    public static JsonLinesDestination file(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new JsonLinesDestination("file:" + path,
                    new BufferedOutputStream(new FileOutputStream(path.toFile(), true), 1 << 16), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open file_output " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DeliveryResult send(Payload payload) {
        synchronized (out) {
            try {
                for (int i = 0; i < payload.count(); i++) {
                    int start = payload.recordStarts()[i];
                    out.write(payload.body(), start, payload.recordEnds()[i] - start);
                    out.write('\n');
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": " + e.getMessage(), e);
            }
        }
        sent.incrementAndGet();
        return DeliveryResult.DELIVERED;
    }

    @Override
    public DestinationStatus status() {
        return new DestinationStatus(name, "writing", true, sent.get(), 0, 0);
    }

    @Override
    public void close() {
        synchronized (out) {
            try {
                out.flush();
                if (closeStream) {
                    out.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": " + e.getMessage(), e);
            }
        }
    }
}
