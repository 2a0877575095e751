package io.shardhome.links.source;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;
import io.shardhome.links.SiteEndpoint;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a source master's binlog from a GTID position into a bounded queue. The client's listener only
 * enqueues (an exception thrown in a listener would be logged and the event silently skipped); the
 * link's own thread takes {@link Signal}s with {@link #poll}. Failures (connection lost, event that
 * cannot be decoded, refused position) arrive as {@link Failure} signals in order after the events
 * read before them. The client's own reconnect is off: the link reconnects from its stored position.
 *
 * <p>Start once, close idempotently; {@link #poll} is for one consumer thread.
 */
public final class BinlogReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogReader.class);

    /** What the reader hands to the link. */
    public sealed interface Signal permits EventSignal, Failure, Connected {}

    public record EventSignal(RawEvent event) implements Signal {}

    /** The stream failed; {@code unreadable} when an event could not be decoded (the stream may go on). */
    public record Failure(Exception cause, boolean unreadable) implements Signal {}

    public record Connected() implements Signal {}

    /** Raw event bytes the queue may hold before the reader waits. */
    private static final long MAX_QUEUED_BYTES = 64L << 20;

    private final BlockingQueue<Signal> queue;
    private final Object queuedBytesLock = new Object();
    private long queuedBytes;
    private final BinaryLogClient client;
    private final Thread thread;
    private volatile boolean stopped;

    /**
     * @param gtidSet where to start: after this GTID set (empty: from the oldest binlog)
     * @param replicaServerId the server id this reader registers with at the source; unique per source
     */
    public BinlogReader(SiteEndpoint source, String gtidSet, long replicaServerId, int capacity, String name) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.client = new BinaryLogClient(source.host(), source.port(), source.user(), source.password());
        client.setEventDeserializer(new RawEventDeserializer());
        client.setKeepAlive(false);
        client.setServerId(replicaServerId);
        client.setConnectTimeout(5_000);
        client.setSSLMode(source.tls().binlogMode());
        source.tls().binlogSocketFactory(source.host(), source.port()).ifPresent(client::setSslSocketFactory);
        client.setGtidSet(gtidSet);
        client.registerEventListener(this::onEvent);
        client.registerLifecycleListener(new Lifecycle());
        this.thread = new Thread(this::stream, name);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** The next signal, or null after {@code timeout}. */
    public Signal poll(Duration timeout) throws InterruptedException {
        Signal signal = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        release(signal);
        return signal;
    }

    /** Events read but not yet taken. */
    public int backlog() {
        return queue.size();
    }

    private void stream() {
        try {
            client.connect();
            if (!stopped) {
                offer(new Failure(new EOFException("the source master closed the binlog stream"), false));
            }
        } catch (IOException | RuntimeException e) {
            offer(new Failure(e, false));
        } catch (Error e) {
            // Without a signal the link would wait for events forever (a 1 GB event can exhaust the heap).
            offer(new Failure(
                    new IllegalStateException(
                            "the binlog reader stopped: " + e + "; if it ran out of memory, raise the JVM's heap"
                                    + " (-Xmx): one binlog event must fit in it",
                            e),
                    false));
            throw e;
        }
    }

    /**
     * The client logs and skips an event whose listener throws: a failure here must stop the link instead,
     * so it becomes a signal (the link stops at it; what follows it in the queue is never applied).
     */
    private void onEvent(Event event) {
        try {
            queue(event);
        } catch (RuntimeException e) {
            offer(new Failure(e, true));
        }
    }

    private void queue(Event event) {
        com.github.shyiko.mysql.binlog.event.EventHeaderV4 header = event.getHeader();
        RawEventDeserializer.Raw raw = event.getData();
        RawEvent signal = new RawEvent(
                raw.bytes()[4] & 0xFF,
                header.getEventType(),
                header.getServerId(),
                header.getTimestamp(),
                header.getNextPosition(),
                raw.bytes(),
                raw.parsed());
        reserve(raw.bytes().length);
        offer(new EventSignal(signal));
    }

    /**
     * Waits while the events queued hold more than {@link #MAX_QUEUED_BYTES} (one event larger than that
     * passes alone), so that big row events cannot fill memory.
     */
    private void reserve(int bytes) {
        synchronized (queuedBytesLock) {
            try {
                while (!stopped && queuedBytes > 0 && queuedBytes + bytes > MAX_QUEUED_BYTES) {
                    queuedBytesLock.wait(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            queuedBytes += bytes;
        }
    }

    private void release(Signal signal) {
        if (signal instanceof EventSignal e) {
            synchronized (queuedBytesLock) {
                queuedBytes -= e.event().bytes().length;
                queuedBytesLock.notifyAll();
            }
        }
    }

    /** Blocks while the queue is full (back-pressure on the source stream) unless the reader is closed. */
    private void offer(Signal signal) {
        try {
            while (!stopped) {
                if (queue.offer(signal, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            client.disconnect();
        } catch (IOException e) {
            LOG.warn("closing the binlog stream failed (the reader stops anyway): {}", e.toString());
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Lifecycle implements BinaryLogClient.LifecycleListener {
        @Override
        public void onConnect(BinaryLogClient c) {
            offer(new Connected());
        }

        @Override
        public void onCommunicationFailure(BinaryLogClient c, Exception ex) {
            offer(new Failure(ex, false));
        }

        @Override
        public void onEventDeserializationFailure(BinaryLogClient c, Exception ex) {
            offer(new Failure(ex, true));
        }

        @Override
        public void onDisconnect(BinaryLogClient c) {
            // The stream thread reports the end of the stream itself.
        }
    }
}
