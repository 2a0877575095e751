package io.shardhome.links;

import com.github.shyiko.mysql.binlog.network.ServerException;
import io.shardhome.directory.view.ShardMapView;
import io.shardhome.filter.gtid.Gtid;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.rules.Decision;
import io.shardhome.filter.rules.ShardFilter;
import io.shardhome.filter.rules.TransactionHeader;
import io.shardhome.links.LinkException.Code;
import io.shardhome.links.source.BinlogReader;
import io.shardhome.links.source.BinlogReader.Connected;
import io.shardhome.links.source.BinlogReader.EventSignal;
import io.shardhome.links.source.BinlogReader.Failure;
import io.shardhome.links.source.GtidPositions;
import io.shardhome.links.source.SourceMaster;
import io.shardhome.links.source.SourceTransaction;
import io.shardhome.links.source.TransactionAssembler;
import io.shardhome.links.target.Catalog;
import io.shardhome.links.target.LinkPosition;
import io.shardhome.links.target.TargetApplier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected run of a link: reads the source from the stored position, decides each whole
 * transaction with the live map and applies or drops it, until the link closes or a fault ends the run
 * (thrown as {@link LinkException}). Runs on the link's thread only.
 */
final class LinkSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinkSession.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long HOUSEKEEPING_MILLIS = 1_000;
    private static final long IDLE_SAVE_MILLIS = 100;

    private final LinkConfig config;
    private final ShardMapView view;
    private final ShardFilter filter;
    private final LinkProgress progress;
    private final Runnable onConnected;
    private final SourceMaster source;
    private final TargetApplier applier;
    private HandoverBarrier handover;
    private BinlogReader reader;
    private final List<SourceTransaction> group = new ArrayList<>();
    private ParallelApply parallel;
    private LinkPosition groupEnd;
    private LinkPosition position;
    private boolean unsavedDrops;
    private long lastHousekeeping;
    private long lastIdleSave;

    LinkSession(LinkConfig config, ShardMapView view, ShardFilter filter, LinkProgress progress, Runnable onConnected) {
        this.config = config;
        this.view = view;
        this.filter = filter;
        this.progress = progress;
        this.onConnected = onConnected;
        this.source = SourceMaster.open(config.source());
        try {
            this.applier = TargetApplier.open(config.target(), config.linkId());
        } catch (LinkException e) {
            source.close();
            throw e;
        }
    }

    /** Replicates until {@code closing} turns true. @throws LinkException on any fault */
    void run(BooleanSupplier closing) throws InterruptedException {
        LinkPosition initial =
                new LinkPosition(config.linkId(), config.roles().sourceSite(), config.startGtid(), "", null);
        handover = new HandoverBarrier(config, progress, closing);
        Catalog.retainChannels(config.target(), config.linkId(), config.channels());
        if (config.channels() > 1) {
            if (!source.isMariaDb()) {
                throw new LinkException(
                        Code.INVALID_USE,
                        "parallel apply (channels=" + config.channels()
                                + ") needs a MariaDB source; use channels=1 for " + config.source());
            }
            parallel = ParallelApply.open(config, initial, progress, config.channels());
            position = parallel.resumePosition();
        } else {
            position = applier.position(initial, config.roles().targetSite());
        }
        progress.resumedAt(position);
        TransactionAssembler assembler = new TransactionAssembler(source::charsetOf);
        reader = new BinlogReader(
                config.source(),
                position.gtidSet(),
                config.readerServerId(),
                config.queueCapacity(),
                "link-" + config.linkId() + "-reader");
        reader.start();
        while (!closing.getAsBoolean()) {
            BinlogReader.Signal signal = reader.poll(POLL);
            if (signal instanceof EventSignal e) {
                assembler.accept(e.event(), this::handle);
            } else if (signal instanceof Connected) {
                LOG.info("link {} reading {} after {}", config.linkId(), config.source(), position.gtidSet());
                onConnected.run();
            } else if (signal instanceof Failure f) {
                flushGroup();
                throw sourceFailure(f);
            }
            if (reader.backlog() == 0 && !assembler.inTransaction()) {
                flushGroup();
                markIdle();
                saveDropsWhenIdle();
            }
            housekeeping(assembler.inTransaction());
        }
        flushGroup();
        saveDrops();
        if (parallel != null) {
            parallel.finish(position);
        }
    }

    private void handle(SourceTransaction tx) {
        LinkPosition next = position.next(
                GtidPositions.add(source.isMariaDb(), position.gtidSet(), tx.gtid()), tx.gtid(), tx.endPosition());
        if (tx.isEmpty()) {
            flushGroup();
            moveWithoutApply(next);
            progress.moved(reported(next), tx.commitMillis());
            return;
        }
        String origin = OriginTag.originOf(tx, config.roles().sourceSite());
        TransactionHeader header = new TransactionHeader(
                tx.schemas(),
                tx.isDdl(),
                origin,
                tx.gtid().isEmpty() ? null : Gtid.parse(tx.gtid()),
                tx.endPosition().toString());
        Decision decision = filter.decide(view.current(), header);
        warnIfAny(decision);
        switch (decision.action()) {
            case APPLY -> {
                handover.await(decision, tx.gtid(), this::flushGroup);
                apply(tx, origin, next, decision.shard());
            }
            case DROP -> {
                flushGroup();
                moveWithoutApply(next);
                progress.dropped(decision.reason(), reported(next), tx.commitMillis());
            }
            case FAIL -> {
                flushGroup();
                throw new LinkException(Code.RULE_REJECTED, decision.message(), tx.gtid(), decision.shard(), null);
            }
        }
    }

    private void apply(SourceTransaction tx, String origin, LinkPosition next, String shard) {
        if (parallel != null) {
            applyInParallel(tx, origin, next, shard);
            return;
        }
        if (tx.isDdl()) {
            flushGroup();
            try {
                applier.applyDdl(tx, origin, next);
            } catch (LinkException e) {
                throw e.at(tx.gtid(), shard);
            }
            position = next;
            applied(List.of(tx), next);
            return;
        }
        group.add(tx);
        groupEnd = next;
        position = next;
        if (group.size() >= config.maxGroup()) {
            flushGroup();
        }
    }

    private void applyInParallel(SourceTransaction tx, String origin, LinkPosition next, String shard) {
        position = next;
        if (parallel.alreadyApplied(tx, shard)) {
            return;
        }
        try {
            ShardDefinition definition = view.current().lookup(shard);
            boolean alone = tx.isDdl() || definition == null || definition.critical();
            if (alone) {
                parallel.barrier(tx, origin, next);
                progress.countApplied(1, tx.commitMillis());
            } else {
                parallel.dispatch(tx, shard, next);
            }
        } catch (LinkException e) {
            throw e.at(tx.gtid(), shard);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(Code.INVALID_USE, "link " + config.linkId() + " was interrupted", e);
        }
    }

    /** The position to report: where the link has read to, or with parallel channels, what all have applied. */
    private LinkPosition reported(LinkPosition read) {
        return parallel == null ? read : parallel.appliedPosition();
    }

    /** Parallel apply: idle channels record how far the link has read, and the status shows the applied point. */
    private void markIdle() {
        if (parallel == null) {
            return;
        }
        parallel.checkFailures();
        try {
            parallel.mark(position);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(Code.INVALID_USE, "link " + config.linkId() + " was interrupted", e);
        }
        progress.moved(parallel.appliedPosition(), 0);
    }

    /** Commits the row transactions gathered so far (one target transaction, one position update). */
    private void flushGroup() {
        if (group.isEmpty()) {
            return;
        }
        List<SourceTransaction> done = List.copyOf(group);
        group.clear();
        try {
            applier.applyRows(done, groupEnd);
        } catch (LinkException e) {
            throw e.at(done.get(0).gtid(), SourceTransaction.schemasOf(done));
        }
        applied(done, groupEnd);
    }

    private void applied(List<SourceTransaction> txs, LinkPosition next) {
        unsavedDrops = false;
        progress.applied(txs.size(), next, txs.get(txs.size() - 1).commitMillis());
    }

    private void moveWithoutApply(LinkPosition next) {
        position = next;
        unsavedDrops = true;
    }

    private void warnIfAny(Decision decision) {
        if (!decision.message().isEmpty()) {
            LOG.warn("link {}: {}", config.linkId(), decision.message());
        }
    }

    /** Once a second: store a position reached by drops alone, and measure the lag. */
    private void housekeeping(boolean inTransaction) {
        long now = System.currentTimeMillis();
        if (now - lastHousekeeping < HOUSEKEEPING_MILLIS) {
            return;
        }
        lastHousekeeping = now;
        if (!inTransaction) {
            saveDrops();
        }
        String sourceGtid = source.currentGtid();
        long behind =
                GtidPositions.behind(source.isMariaDb(), reported(position).gtidSet(), sourceGtid);
        progress.lagTransactions(reader.backlog() == 0 && behind == 0 ? 0 : Math.max(behind, 1));
    }

    /**
     * When caught up, stores a position reached by drops within ~100 ms rather than at housekeeping: a
     * move's fence position may be reached by dropped echoes alone, and the move waits for it.
     */
    private void saveDropsWhenIdle() {
        long now = System.currentTimeMillis();
        if (unsavedDrops && now - lastIdleSave >= IDLE_SAVE_MILLIS) {
            lastIdleSave = now;
            saveDrops();
        }
    }

    /** Stores the position reached by drops; never while a group is pending (its rows are not committed). */
    private void saveDrops() {
        if (unsavedDrops && group.isEmpty() && parallel == null) {
            applier.savePosition(position, 0);
            unsavedDrops = false;
        }
    }

    private LinkException sourceFailure(Failure f) {
        Exception cause = f.cause();
        if (f.unreadable()) {
            return new LinkException(
                    Code.EVENT_UNREADABLE,
                    "a binlog event after " + position.gtidSet() + " at "
                            + config.source() + " could not be decoded: " + cause.getMessage()
                            + "; check the source's binlog settings (ROW format, FULL image and metadata)",
                    cause);
        }
        if (cause instanceof ServerException se && se.getErrorCode() == 1236) {
            return new LinkException(
                    Code.BINLOG_PURGED,
                    "source " + config.source() + " cannot send its binlog after"
                            + " GTID position '" + position.gtidSet() + "': " + se.getMessage()
                            + ". The binlog this link"
                            + " needs is purged (or the position is not in the source's history): re-copy the shards homed"
                            + " at " + config.roles().sourceSite() + " to "
                            + config.roles().targetSite() + " from a dump"
                            + " taken at a known GTID, set gtid_set of link " + config.linkId() + " in"
                            + " shardhome.link_position at the target to that GTID, then resume the link",
                    position.lastGtid(),
                    "",
                    cause);
        }
        return new LinkException(
                Code.SOURCE_UNAVAILABLE,
                "the binlog stream from " + config.source() + " failed: " + cause
                        + "; the link reconnects from its stored position",
                cause);
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
        if (handover != null) {
            handover.close();
        }
        if (parallel != null) {
            parallel.close();
        }
        applier.close();
        source.close();
    }
}
