package io.shardhome.links;

import io.shardhome.links.target.LinkPosition;
import io.shardhome.links.target.TargetApplier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One apply channel of a parallel link: its own target session and position row ({@code linkId#n}); applies
 * the row transactions of its shards in order, several per target commit when they queue up. A position
 * marker stores (unlogged) that everything before it routed here is applied. The first failure stops the
 * channel and is kept for the link thread. Thread-safe; one thread per channel.
 */
final class ApplyChannel implements AutoCloseable {
    /** A transaction to apply, or (tx == null) a position marker. */
    private record Item(PendingTx pending, LinkPosition marker) {}

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

    String id() {
        return applier.linkId();
    }

    /** Everything routed here up to this position is applied (or marked). */
    LinkPosition applied() {
        return applied;
    }

    /** After a barrier applied by another session moved this channel's row. */
    void applied(LinkPosition position) {
        applied = position;
    }

    LinkException failure() {
        return failure;
    }

    boolean isIdle() {
        return inFlight.get() == 0;
    }

    void enqueue(PendingTx pending) throws InterruptedException {
        offer(new Item(pending, null));
    }

    /** Queues a marker: once reached, the channel's row says it has applied everything up to {@code position}. */
    void mark(LinkPosition position) throws InterruptedException {
        offer(new Item(null, position.as(id())));
    }

    private void offer(Item item) throws InterruptedException {
        inFlight.incrementAndGet();
        while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
            if (failure != null || stopping) {
                inFlight.decrementAndGet();
                if (item.pending() != null) {
                    item.pending().tx().close();
                }
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
                failure = e;
            } catch (RuntimeException e) {
                failure = new LinkException(
                        LinkException.Code.APPLY_FAILED,
                        "apply channel " + thread.getName() + " failed: " + e
                                + "; report it with the log, then resume the link",
                        e);
            } finally {
                batch.forEach(item -> {
                    if (item.pending() != null) {
                        item.pending().tx().close();
                    }
                });
                inFlight.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    /** Applies runs of transactions (split where the format description changes) and stores markers. */
    private void apply(List<Item> batch) {
        List<PendingTx> run = new ArrayList<>();
        for (Item item : batch) {
            if (item.pending() == null) {
                flush(run);
                applier.savePosition(item.marker());
                applied = item.marker();
            } else {
                if (!run.isEmpty()
                        && run.get(0).tx().format() != item.pending().tx().format()) {
                    flush(run);
                }
                run.add(item.pending());
            }
        }
        flush(run);
    }

    private void flush(List<PendingTx> run) {
        if (run.isEmpty()) {
            return;
        }
        PendingTx.applyRows(applier, List.copyOf(run), List.of(), items -> {
            PendingTx last = items.get(items.size() - 1);
            applied = last.next().as(id());
            progress.countApplied(items.size(), last.tx().commitMillis());
        });
        run.clear();
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
        queue.forEach(item -> {
            if (item.pending() != null) {
                item.pending().tx().close();
            }
        });
        applier.close();
    }
}
