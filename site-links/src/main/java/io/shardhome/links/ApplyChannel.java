package io.shardhome.links;

import io.shardhome.links.source.SourceTransaction;
import io.shardhome.links.target.LinkPosition;
import io.shardhome.links.target.TargetApplier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One apply channel of a parallel link: its own target session and position row ({@code linkId#n});
 * applies the row transactions of its shards in order, several per target commit when they queue up.
 * A position marker stores (unlogged) that everything before it routed here is applied. The first
 * failure stops the channel and is kept for the link thread. Thread-safe; one thread per channel.
 */
final class ApplyChannel implements AutoCloseable {
    private record Item(SourceTransaction tx, LinkPosition next) {}

    private final TargetApplier applier;
    private final LinkProgress progress;
    private final int maxGroup;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>(10_000);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Thread thread;
    private volatile LinkException failure;
    private volatile LinkPosition applied;
    private volatile boolean stopping;

    ApplyChannel(String name, TargetApplier applier, LinkPosition stored, LinkProgress progress, int maxGroup) {
        this.applier = applier;
        this.applied = stored;
        this.progress = progress;
        this.maxGroup = maxGroup;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    TargetApplier applier() {
        return applier;
    }

    /** Everything routed here up to this position is applied (or marked). */
    LinkPosition applied() {
        return applied;
    }

    void applied(LinkPosition position) {
        applied = position;
    }

    LinkException failure() {
        return failure;
    }

    boolean isIdle() {
        return inFlight.get() == 0;
    }

    void enqueue(SourceTransaction tx, LinkPosition next) throws InterruptedException {
        inFlight.incrementAndGet();
        while (!queue.offer(new Item(tx, next), 100, TimeUnit.MILLISECONDS)) {
            if (failure != null || stopping) {
                inFlight.decrementAndGet();
                return;
            }
        }
    }

    private void run() {
        List<Item> batch = new ArrayList<>();
        while (!stopping && failure == null) {
            try {
                Item first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxGroup - 1);
                apply(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (LinkException e) {
                failure = e.at(firstGtid(batch), shards(batch));
            } catch (RuntimeException e) {
                failure = new LinkException(
                        LinkException.Code.APPLY_FAILED,
                        "apply channel " + thread.getName() + " failed at " + firstGtid(batch) + " (shards "
                                + shards(batch) + "): " + e + "; report it with the log, then resume the link",
                        firstGtid(batch),
                        shards(batch),
                        e);
            } finally {
                inFlight.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    private static String firstGtid(List<Item> batch) {
        return batch.stream()
                .filter(item -> item.tx() != null)
                .map(item -> item.tx().gtid())
                .findFirst()
                .orElse("");
    }

    /** The shards of a failed batch, for the pending error (a channel's batch may hold several). */
    private static String shards(List<Item> batch) {
        return SourceTransaction.schemasOf(
                batch.stream().map(Item::tx).filter(java.util.Objects::nonNull).toList());
    }

    private void apply(List<Item> batch) {
        List<SourceTransaction> rows = new ArrayList<>(batch.size());
        LinkPosition last = null;
        for (Item item : batch) {
            if (item.tx() != null) {
                rows.add(item.tx());
            }
            last = item.next();
        }
        if (rows.isEmpty()) {
            applier.savePosition(last, 0);
        } else {
            applier.applyRows(rows, last);
            progress.countApplied(rows.size(), rows.get(rows.size() - 1).commitMillis());
        }
        applied = last;
    }

    /** Queues a marker: once reached, the channel's row says it has applied everything up to {@code position}. */
    void mark(LinkPosition position) throws InterruptedException {
        enqueue(null, position);
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        applier.close();
    }
}
