package io.shardhome.links.source;

import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw binlog events of one transaction step, in order: in memory up to {@link #MEMORY_LIMIT} bytes, then
 * in a temporary file, so that a transaction of any size is replayed with bounded memory. Written by the
 * reading thread, then read (possibly several times: a retried group) by one applier at a time. {@link
 * #close()} deletes the file.
 */
public final class EventBuffer implements AutoCloseable {
    /** Bytes kept in memory per buffer before the rest goes to a file. */
    static final long MEMORY_LIMIT = 8L << 20;

    /** Receives events one at a time. */
    public interface EventConsumer<E extends Exception> {
        void accept(byte[] event) throws E;
    }

    /** Receives batches of events. */
    public interface BatchConsumer<E extends Exception> {
        void accept(List<byte[]> events) throws E;
    }

    private final List<byte[]> events = new ArrayList<>();
    private final long memoryLimit;
    private long bytes;
    private int count;
    private Path file;
    private DataOutputStream out;

    public EventBuffer() {
        this(MEMORY_LIMIT);
    }

    EventBuffer(long memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    void add(byte[] event) {
        if (out == null && bytes + event.length > memoryLimit) {
            spill();
        }
        try {
            if (out != null) {
                out.writeInt(event.length);
                out.write(event);
            } else {
                events.add(event);
            }
        } catch (IOException e) {
            throw spillFailure(e);
        }
        bytes += event.length;
        count++;
    }

    public long bytes() {
        return bytes;
    }

    public int count() {
        return count;
    }

    /** Whether the events are in a file (the transaction was larger than the memory limit). */
    public boolean spilled() {
        return file != null;
    }

    /**
     * Hands the events over in order, in batches of at most {@code maxBytes} (an event larger than that
     * comes alone).
     */
    public <E extends Exception> void forEachBatch(long maxBytes, BatchConsumer<E> consumer) throws E {
        List<byte[]> batch = new ArrayList<>();
        long batchBytes = 0;
        for (EventSource source = open(); source.hasNext(); ) {
            byte[] event = source.next();
            if (!batch.isEmpty() && batchBytes + event.length > maxBytes) {
                consumer.accept(batch);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(event);
            batchBytes += event.length;
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }

    /** Hands the events over one at a time, in order. */
    public <E extends Exception> void forEach(EventConsumer<E> consumer) throws E {
        for (EventSource source = open(); source.hasNext(); ) {
            consumer.accept(source.next());
        }
    }

    private EventSource open() {
        if (file == null) {
            return new EventSource(events, null, 0);
        }
        try {
            out.flush();
            return new EventSource(
                    events,
                    new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)),
                    count - events.size());
        } catch (IOException e) {
            throw spillFailure(e);
        }
    }

    private void spill() {
        try {
            file = Files.createTempFile("shardhome-tx-", ".events");
            file.toFile().deleteOnExit();
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw spillFailure(e);
        }
    }

    private LinkException spillFailure(IOException e) {
        return new LinkException(
                Code.APPLY_FAILED,
                "a transaction larger than " + (memoryLimit >> 20) + " MiB could not be buffered in "
                        + (file == null ? "the temporary directory" : file) + ": " + e.getMessage()
                        + "; give java.io.tmpdir room for the largest transaction, then resume the link",
                e);
    }

    @Override
    public void close() {
        if (file == null) {
            return;
        }
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw spillFailure(e);
        } finally {
            file = null;
            out = null;
        }
    }

    /** Memory events first, then the file's. */
    private static final class EventSource {
        private final List<byte[]> memory;
        private final DataInputStream in;
        private int memoryAt;
        private int fileLeft;

        EventSource(List<byte[]> memory, DataInputStream in, int fileCount) {
            this.memory = memory;
            this.in = in;
            this.fileLeft = fileCount;
        }

        boolean hasNext() {
            if (memoryAt < memory.size() || fileLeft > 0) {
                return true;
            }
            closeQuietly();
            return false;
        }

        byte[] next() {
            if (memoryAt < memory.size()) {
                return memory.get(memoryAt++);
            }
            try {
                byte[] event = new byte[in.readInt()];
                in.readFully(event);
                fileLeft--;
                return event;
            } catch (IOException e) {
                closeQuietly();
                throw new LinkException(
                        Code.APPLY_FAILED, "reading a buffered transaction back failed: " + e.getMessage(), e);
            }
        }

        private void closeQuietly() {
            if (in == null) {
                return;
            }
            try {
                in.close();
            } catch (IOException e) {
                throw new LinkException(
                        Code.APPLY_FAILED, "closing a buffered transaction failed: " + e.getMessage(), e);
            }
        }
    }
}
