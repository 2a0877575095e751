package io.shardhome.links;

import io.shardhome.filter.rules.ShardFilter;
import io.shardhome.links.source.GtidPositions;
import io.shardhome.links.source.SourceTransaction;
import io.shardhome.links.target.LinkPosition;
import io.shardhome.links.target.TargetApplier;
import java.util.ArrayList;
import java.util.List;

/**
 * Parallel apply by shard (MariaDB sources): {@code n} channels, each with its own target session and
 * position row ({@code linkId}, {@code linkId#1}, ...). A shard always goes to channel {@code
 * hash(shard) mod n}, so its order is kept. DDL, critical shards and {@code #UNKNOWN} are barriers:
 * all channels drain, then the transaction applies alone and moves every channel's position.
 *
 * <p>Restart: the link resumes from the earliest channel position and skips a transaction when the
 * position of its shard's channel already covers it (each row says "everything routed here up to me is
 * applied"). New channel rows start at channel 0's position (so a serial link may become parallel);
 * a graceful stop leaves all rows equal, so the count may change then, but not across a crash. Used by
 * the link thread only.
 */
final class ParallelApply implements AutoCloseable {
    private final List<ApplyChannel> channels = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final java.util.Map<ApplyChannel, String> marked = new java.util.HashMap<>();

    private ParallelApply() {}

    /** Opens {@code count} channels at the target, creating their position rows from {@code initial}. */
    static ParallelApply open(LinkConfig config, LinkPosition initial, LinkProgress progress, int count) {
        ParallelApply parallel = new ParallelApply();
        try {
            for (int c = 0; c < count; c++) {
                String id = channelId(config.linkId(), c);
                TargetApplier applier = TargetApplier.open(config.target(), id);
                LinkPosition stored;
                LinkPosition from = c == 0 ? initial : parallel.channels.get(0).applied();
                try {
                    stored = applier.position(
                            new LinkPosition(id, from.sourceSite(), from.gtidSet(), from.lastGtid(), from.binlog()),
                            config.roles().targetSite());
                } catch (LinkException e) {
                    applier.close();
                    throw e;
                }
                parallel.ids.add(id);
                parallel.channels.add(new ApplyChannel("link-" + id, applier, stored, progress, config.maxGroup()));
            }
            return parallel;
        } catch (LinkException e) {
            parallel.close();
            throw e;
        }
    }

    static String channelId(String linkId, int channel) {
        return channel == 0 ? linkId : linkId + "#" + channel;
    }

    /** Where to read the source from: the earliest channel position. */
    LinkPosition resumePosition() {
        List<String> sets = channels.stream().map(c -> c.applied().gtidSet()).toList();
        LinkPosition first = channels.get(0).applied();
        return first.next(GtidPositions.earliest(sets), "", first.binlog());
    }

    /** Whether {@code tx} of {@code shard} was applied before a restart (its channel's row covers it). */
    boolean alreadyApplied(SourceTransaction tx, String shard) {
        if (ShardFilter.UNKNOWN_SHARD.equals(shard) || tx.isDdl()) {
            return GtidPositions.covers(resumePosition().gtidSet(), tx.gtid());
        }
        return GtidPositions.covers(channelOf(shard).applied().gtidSet(), tx.gtid());
    }

    /** Hands a row transaction to its shard's channel. */
    void dispatch(SourceTransaction tx, String shard, LinkPosition next) throws InterruptedException {
        channelOf(shard).enqueue(tx, next);
    }

    /** Drains every channel, then applies {@code tx} alone, moving every channel's position. */
    void barrier(SourceTransaction tx, String origin, LinkPosition next) throws InterruptedException {
        drain();
        ApplyChannel first = channels.get(0);
        List<String> others = ids.subList(1, ids.size());
        if (tx.isDdl()) {
            first.applier().applyDdl(tx, origin, next, others);
        } else {
            first.applier().applyRows(List.of(tx), next, others);
        }
        channels.forEach(c -> c.applied(next));
    }

    /**
     * Tells the channels that everything up to {@code position} routed to them is applied (once what is
     * queued before the marker is). Never moves a channel back: after a restart a channel may be ahead
     * of the re-read point, and moving it back would make it re-apply what it has.
     */
    void mark(LinkPosition position) throws InterruptedException {
        for (ApplyChannel channel : channels) {
            boolean ahead = GtidPositions.behind(true, channel.applied().gtidSet(), position.gtidSet()) > 0;
            if (ahead && !position.gtidSet().equals(marked.get(channel))) {
                channel.mark(position);
                marked.put(channel, position.gtidSet());
            }
        }
    }

    /**
     * On a graceful stop: waits for every channel, then stores {@code position} in every channel's row,
     * so that all rows agree and the link may restart with another channel count.
     */
    void finish(LinkPosition position) throws InterruptedException {
        drain();
        mark(position);
        drain();
    }

    /** The position every channel has applied up to. */
    LinkPosition appliedPosition() {
        return resumePosition();
    }

    /** Rethrows the first channel failure. */
    void checkFailures() {
        for (ApplyChannel channel : channels) {
            if (channel.failure() != null) {
                throw channel.failure();
            }
        }
    }

    boolean isIdle() {
        return channels.stream().allMatch(ApplyChannel::isIdle);
    }

    private void drain() throws InterruptedException {
        while (!isIdle()) {
            checkFailures();
            Thread.sleep(1);
        }
        checkFailures();
    }

    private ApplyChannel channelOf(String shard) {
        return channels.get(Math.floorMod(shard.hashCode(), channels.size()));
    }

    @Override
    public void close() {
        channels.forEach(ApplyChannel::close);
    }
}
