package io.shardhome.links;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.source.SourceTransaction;
import io.shardhome.links.target.LinkPosition;
import io.shardhome.links.target.TargetApplier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parallel apply by shard (MariaDB sources): {@code n} channels, each with its own target session and
 * position row ({@code linkId}, {@code linkId#1}, ...). A shard always goes to channel {@code hash(shard)
 * mod n}, so its order is kept. DDL, critical shards and {@code #UNKNOWN} are barriers: all channels
 * drain, then the transaction applies alone on the barrier's own session and moves every channel's row.
 *
 * <p>Restart: the link resumes from the earliest channel position and skips a transaction when the
 * position of its shard's channel already covers it (each row says "everything routed here up to me is
 * applied"). New channel rows start at channel 0's position (so a serial link may become parallel); a
 * graceful stop leaves all rows equal, so the count may change then, but not across a crash. Used by the
 * link thread only.
 */
final class ParallelApply implements Applier {
    private final List<ApplyChannel> channels = new ArrayList<>();
    private final Map<ApplyChannel, GtidSet> marked = new HashMap<>();
    private TargetApplier barrier;
    private LinkPosition read;

    private ParallelApply() {}

    /** Opens {@code count} channels and the barrier session, creating position rows from {@code initial}. */
    static ParallelApply open(LinkConfig config, long sourceServerId, LinkPosition initial, LinkProgress progress) {
        ParallelApply parallel = new ParallelApply();
        try {
            for (int c = 0; c < config.channels(); c++) {
                String id = channelId(config.linkId(), c);
                TargetApplier applier = TargetApplier.open(config.target(), id, sourceServerId, config.holderEpoch());
                LinkPosition from = c == 0 ? initial : parallel.channels.get(0).applied();
                LinkPosition stored;
                try {
                    stored = applier.position(from, config.roles().targetSite());
                } catch (LinkException e) {
                    applier.close();
                    throw e;
                }
                parallel.channels.add(new ApplyChannel("link-" + id, applier, stored, progress, config.maxGroup()));
            }
            parallel.barrier =
                    TargetApplier.open(config.target(), config.linkId(), sourceServerId, config.holderEpoch());
            parallel.read = parallel.resumePosition();
            return parallel;
        } catch (LinkException e) {
            parallel.close();
            throw e;
        }
    }

    static String channelId(String linkId, int channel) {
        return channel == 0 ? linkId : linkId + "#" + channel;
    }

    @Override
    public LinkPosition resumePosition() {
        LinkPosition first = channels.get(0).applied();
        GtidSet earliest = GtidSet.earliest(
                channels.stream().map(c -> c.applied().gtidSet()).toList());
        return new LinkPosition(first.linkId(), first.sourceSite(), earliest, "", first.binlog());
    }

    @Override
    public boolean alreadyApplied(SourceTransaction tx, String shard, boolean alone) {
        GtidSet applied =
                alone ? resumePosition().gtidSet() : channelOf(shard).applied().gtidSet();
        return applied.contains(tx.gtid());
    }

    @Override
    public void apply(SourceTransaction tx, String shard, boolean alone, LinkPosition next)
            throws InterruptedException {
        read = next;
        if (alone) {
            applyAlone(new PendingTx(tx, shard, next));
        } else {
            channelOf(shard).enqueue(new PendingTx(tx, shard, next));
        }
    }

    /** Drains every channel, then applies the transaction alone, moving every channel's position. */
    private void applyAlone(PendingTx item) throws InterruptedException {
        try {
            drain();
            List<String> others =
                    channels.stream().skip(1).map(ApplyChannel::id).toList();
            if (item.tx().isDdl()) {
                try {
                    barrier.applyDdl(item.tx(), item.next(), others);
                } catch (LinkException e) {
                    throw item.named(e);
                }
            } else {
                PendingTx.applyRows(barrier, List.of(item), others, applied -> {});
            }
            channels.forEach(c -> c.applied(item.next().as(c.id())));
        } finally {
            item.tx().close();
        }
    }

    @Override
    public void skip(LinkPosition next) {
        read = next;
    }

    /**
     * Tells the channels that everything up to the read position routed to them is applied (once what is
     * queued before the marker is). Never moves a channel back: after a restart a channel may be ahead of
     * the re-read point, and moving it back would make it re-apply what it has.
     */
    @Override
    public void idle(long saveMillis) throws InterruptedException {
        checkFailures();
        for (ApplyChannel channel : channels) {
            boolean ahead = channel.applied().gtidSet().behind(read.gtidSet()) > 0;
            if (ahead && !read.gtidSet().equals(marked.get(channel))) {
                channel.mark(read);
                marked.put(channel, read.gtidSet());
            }
        }
    }

    @Override
    public LinkPosition appliedPosition() {
        return resumePosition();
    }

    @Override
    public void checkFailures() {
        for (ApplyChannel channel : channels) {
            if (channel.failure() != null) {
                throw channel.failure();
            }
        }
    }

    /** Waits for every channel, then stores the read position in every channel's row. */
    @Override
    public void finish() throws InterruptedException {
        drain();
        idle(0);
        drain();
    }

    private void drain() throws InterruptedException {
        while (!channels.stream().allMatch(ApplyChannel::isIdle)) {
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
        if (barrier != null) {
            barrier.close();
        }
    }
}
