package io.shardhome.links;

import io.shardhome.links.source.SourceTransaction;
import io.shardhome.links.target.LinkPosition;
import io.shardhome.links.target.TargetApplier;
import java.util.ArrayList;
import java.util.List;

/**
 * Serial apply: one target session, transactions in source order. While the link is behind, consecutive
 * row transactions (up to {@code maxGroup}, or {@value #MAX_GROUP_BYTES} bytes) commit together with one
 * position update; DDL and {@code alone} transactions commit by themselves. Used by the link thread only.
 */
final class SerialApply implements Applier {
    private static final long MAX_GROUP_BYTES = 16L << 20;

    private final TargetApplier applier;
    private final LinkProgress progress;
    private final int maxGroup;
    private final List<PendingTx> group = new ArrayList<>();
    private long groupBytes;
    private LinkPosition applied;
    private LinkPosition read;
    private boolean unsavedSkips;
    private long lastSave;

    private SerialApply(TargetApplier applier, LinkPosition stored, LinkProgress progress, int maxGroup) {
        this.applier = applier;
        this.applied = stored;
        this.read = stored;
        this.progress = progress;
        this.maxGroup = maxGroup;
    }

    /** Opens the session and reads (or creates) the link's position row from {@code initial}. */
    static SerialApply open(LinkConfig config, long sourceServerId, LinkPosition initial, LinkProgress progress) {
        TargetApplier applier =
                TargetApplier.open(config.target(), config.linkId(), sourceServerId, config.holderEpoch());
        try {
            LinkPosition stored = applier.position(initial, config.roles().targetSite());
            return new SerialApply(applier, stored, progress, config.maxGroup());
        } catch (LinkException e) {
            applier.close();
            throw e;
        }
    }

    @Override
    public LinkPosition resumePosition() {
        return applied;
    }

    @Override
    public boolean alreadyApplied(SourceTransaction tx, String shard, boolean alone) {
        return false; // the stored position is exact: nothing after it was applied
    }

    @Override
    public void apply(SourceTransaction tx, String shard, boolean alone, LinkPosition next) {
        PendingTx item = new PendingTx(tx, shard, next);
        read = next;
        if (alone || tx.isDdl()) {
            flush();
            applyAlone(item);
            return;
        }
        if (!group.isEmpty() && group.get(0).tx().format() != tx.format()) {
            flush();
        }
        group.add(item);
        groupBytes += tx.bytes();
        if (group.size() >= maxGroup || groupBytes >= MAX_GROUP_BYTES) {
            flush();
        }
    }

    private void applyAlone(PendingTx item) {
        try {
            if (item.tx().isDdl()) {
                try {
                    applier.applyDdl(item.tx(), item.next(), List.of());
                } catch (LinkException e) {
                    throw item.named(e);
                }
                committed(List.of(item));
            } else {
                PendingTx.applyRows(applier, List.of(item), List.of(), this::committed);
            }
        } finally {
            item.tx().close();
        }
    }

    @Override
    public void skip(LinkPosition next) {
        read = next;
        unsavedSkips = true;
    }

    @Override
    public void idle(long saveMillis) {
        flush();
        long now = System.currentTimeMillis();
        if (unsavedSkips && now - lastSave >= saveMillis) {
            applier.savePosition(read);
            applied = read;
            unsavedSkips = false;
            lastSave = now;
        }
    }

    /** Commits the row transactions gathered so far. */
    private void flush() {
        if (group.isEmpty()) {
            return;
        }
        List<PendingTx> done = List.copyOf(group);
        group.clear();
        groupBytes = 0;
        try {
            PendingTx.applyRows(applier, done, List.of(), this::committed);
        } finally {
            PendingTx.closeAll(done);
        }
    }

    private void committed(List<PendingTx> items) {
        PendingTx last = items.get(items.size() - 1);
        applied = last.next();
        unsavedSkips = !applied.equals(read);
        progress.applied(items.size(), last.tx().commitMillis());
    }

    @Override
    public LinkPosition appliedPosition() {
        return applied;
    }

    @Override
    public void checkFailures() {
        // all work happens on the calling thread
    }

    @Override
    public void finish() {
        idle(0);
    }

    @Override
    public void close() {
        PendingTx.closeAll(group);
        group.clear();
        applier.close();
    }
}
