package io.shardhome.client.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An application writing one shard at a steady rate through the starter, open loop: a write is due every
 * {@code 1/rate} seconds whatever happened to the ones before, and its latency counts from when it was
 * due, so a pause of the application (waiting out a move's fence) shows in full. Thread-safe.
 */
public final class SteadyWriter implements AutoCloseable {
    /** One write: its order id, when it was due, how long it took, the server that took it, or its failure. */
    public record Write(long id, long dueNanos, long latencyNanos, int serverId, Throwable failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private final Orders orders;
    private final String shard;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService workers;
    private final AtomicLong nextId;
    private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();

    private SteadyWriter(Orders orders, String shard, int threads, long firstId) {
        this.orders = orders;
        this.shard = shard;
        this.workers = Executors.newFixedThreadPool(threads);
        this.nextId = new AtomicLong(firstId);
    }

    /** Starts writing {@code perSecond} orders a second on {@code threads} application threads. */
    public static SteadyWriter start(Orders orders, String shard, int perSecond, int threads, long firstId) {
        SteadyWriter writer = new SteadyWriter(orders, shard, threads, firstId);
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        writer.ticker.scheduleAtFixedRate(writer::due, 0, periodNanos, TimeUnit.NANOSECONDS);
        return writer;
    }

    private void due() {
        long due = System.nanoTime();
        long id = nextId.getAndIncrement();
        workers.execute(() -> {
            try {
                int server = orders.add(shard, id);
                writes.add(new Write(id, due, System.nanoTime() - due, server, null));
            } catch (RuntimeException e) {
                writes.add(new Write(id, due, System.nanoTime() - due, 0, e));
            }
        });
    }

    /** Writes done so far, in no particular order. */
    public List<Write> writes() {
        return new ArrayList<>(writes);
    }

    public long acknowledged() {
        return writes.stream().filter(Write::ok).count();
    }

    /** Stops issuing writes and waits for the ones in flight. */
    public void stop() throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        workers.shutdown();
        if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("writes still running 60 s after the writer stopped");
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
    }
}
