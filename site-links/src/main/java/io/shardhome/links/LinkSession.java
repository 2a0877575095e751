package io.shardhome.links;

import com.github.shyiko.mysql.binlog.network.ServerException;
import io.shardhome.directory.view.ShardMapView;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.rules.Decision;
import io.shardhome.filter.rules.ShardFilter;
import io.shardhome.filter.rules.TransactionHeader;
import io.shardhome.links.LinkException.Code;
import io.shardhome.links.preflight.LinkPreflight;
import io.shardhome.links.source.BinlogReader;
import io.shardhome.links.source.BinlogReader.Connected;
import io.shardhome.links.source.BinlogReader.EventSignal;
import io.shardhome.links.source.BinlogReader.Failure;
import io.shardhome.links.source.SourceMaster;
import io.shardhome.links.source.SourceTransaction;
import io.shardhome.links.source.TransactionAssembler;
import io.shardhome.links.target.Catalog;
import io.shardhome.links.target.LinkPosition;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected run of a link, the straight pipeline: binlog reader, transaction assembler, the rules'
 * decision with the live map, and an {@link Applier} (serial or parallel), which owns the stored position.
 * Runs until the link closes or a fault ends the run (thrown as {@link LinkException}). Runs on the
 * link's thread only.
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
    private final Desks desks;
    private final Runnable onConnected;
    private final SourceMaster source;
    private Applier applier;
    private HandoverBarrier handover;
    private BinlogReader reader;
    private LinkPosition read;
    private long lastHousekeeping;
    private BooleanSupplier closing = () -> false;
    /** Server ids that links applying into the source write under, read lazily from its catalog. */
    private Set<Long> linkOrigins;

    LinkSession(
            LinkConfig config,
            ShardMapView view,
            ShardFilter filter,
            LinkProgress progress,
            Desks desks,
            Runnable onConnected) {
        this.config = config;
        this.view = view;
        this.filter = filter;
        this.progress = progress;
        this.desks = desks;
        this.onConnected = onConnected;
        this.source = SourceMaster.open(config.source());
    }

    /** Replicates until {@code closing} turns true. @throws LinkException on any fault */
    void run(BooleanSupplier closing) throws InterruptedException {
        this.closing = closing;
        LinkPreflight.verify(config.source(), config.target());
        handover = new HandoverBarrier(config, progress, closing);
        Catalog.retainChannels(config.target(), config.linkId(), config.channels());
        applier = openApplier();
        read = applier.resumePosition();
        progress.moved(read);
        TransactionAssembler assembler = new TransactionAssembler(source);
        desks.skips().pending().ifPresent(request -> assembler.skip(request.gtid()));
        loadExclusions();
        reader = new BinlogReader(
                config.source(),
                read.gtidSet().toString(),
                config.readerServerId(),
                config.queueCapacity(),
                "link-" + config.linkId() + "-reader");
        reader.start();
        while (!closing.getAsBoolean()) {
            BinlogReader.Signal signal = reader.poll(POLL);
            if (signal instanceof EventSignal e) {
                assembler.accept(e.event(), this::handle);
            } else if (signal instanceof Connected) {
                LOG.info("link {} reading {} after {}", config.linkId(), config.source(), read.gtidSet());
                onConnected.run();
            } else if (signal instanceof Failure f) {
                throw sourceFailure(f);
            }
            if (reader.backlog() == 0 && !assembler.inTransaction()) {
                applier.idle(IDLE_SAVE_MILLIS);
                progress.moved(applier.appliedPosition());
                desks.holds().whenIdle(applier.appliedPosition().gtidSet(), this::drain);
            }
            housekeeping(assembler.inTransaction());
        }
        applier.finish();
        progress.moved(applier.appliedPosition());
    }

    private Applier openApplier() {
        LinkPosition initial = new LinkPosition(
                config.linkId(), config.roles().sourceSite(), GtidSet.parse(config.startGtid()), "", null);
        if (config.channels() == 1) {
            return SerialApply.open(config, source.serverId(), initial, progress);
        }
        if (!source.isMariaDb()) {
            throw new LinkException(
                    Code.INVALID_USE,
                    "parallel apply (channels=" + config.channels() + ") needs a MariaDB source; use channels=1 for "
                            + config.source());
        }
        return ParallelApply.open(config, source.serverId(), initial, progress);
    }

    private void handle(SourceTransaction tx) {
        LinkPosition next = read.after(tx.gtid(), tx.endPosition());
        try {
            desks.holds().beforeTransaction(tx.gtid(), this::drain);
            if (closing.getAsBoolean()) {
                tx.close(); // closed while held before it: a hold promises nothing after its point is applied
                return;
            }
            dispatch(tx, next);
        } catch (LinkException e) {
            tx.close();
            throw e.code().isTransient()
                    ? e
                    : e.at(tx.gtid().toString(), String.join(",", tx.schemas())).with(TransactionSummary.of(tx));
        } catch (InterruptedException e) {
            tx.close();
            Thread.currentThread().interrupt();
            throw new LinkException(Code.INVALID_USE, "link " + config.linkId() + " was interrupted", e);
        }
        read = next;
    }

    private void dispatch(SourceTransaction tx, LinkPosition next) throws InterruptedException {
        if (tx.skippedByOperator()) {
            desks.skips().done(TransactionSummary.of(tx));
            LOG.warn("link {}: skipped transaction {} as an operator asked", config.linkId(), tx.gtid());
            skip(tx, next);
            return;
        }
        if (tx.isEmpty()) {
            skip(tx, next);
            return;
        }
        String origin = OriginTag.originOf(tx, config.roles().sourceSite(), source.serverId(), this::isLinkOrigin);
        TransactionHeader header = new TransactionHeader(
                tx.schemas(), tx.isDdl(), origin, tx.gtid(), tx.endPosition().toString());
        Decision decision = filter.decide(view.current(), header);
        if (!decision.message().isEmpty()) {
            LOG.warn("link {}: {}", config.linkId(), decision.message());
        }
        switch (decision.action()) {
            case APPLY -> apply(tx, decision, next);
            case DROP -> {
                skip(tx, next);
                progress.dropped(decision.reason(), tx.commitMillis());
            }
            case FAIL ->
                throw new LinkException(
                        Code.RULE_REJECTED, decision.message(), tx.gtid().toString(), decision.shard(), null);
        }
    }

    /** Read from the source's catalog again on a miss: a link into the source may have started since. */
    private boolean isLinkOrigin(long serverId) {
        if (linkOrigins == null || !linkOrigins.contains(serverId)) {
            linkOrigins = source.linkOrigins();
        }
        return linkOrigins.contains(serverId);
    }

    private void apply(SourceTransaction tx, Decision decision, LinkPosition next) throws InterruptedException {
        String shard = decision.shard();
        if (desks.excluded().contains(shard)
                || (!config.onlyShards().isEmpty() && !config.onlyShards().contains(shard))) {
            skip(tx, next);
            progress.dropped(Decision.Reason.EXCLUDED, tx.commitMillis());
            return;
        }
        ShardDefinition definition = view.current().lookup(shard);
        boolean alone = tx.isDdl() || definition == null || definition.critical();
        if (applier.alreadyApplied(tx, shard, alone)) {
            skip(tx, next);
            return;
        }
        handover.await(decision, tx.gtid().toString(), this::commitPending);
        applier.apply(tx, shard, alone, next);
    }

    /** Before waiting on another link: what this one holds is applied first (it may be what that one waits for). */
    private void commitPending() {
        try {
            applier.idle(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(Code.INVALID_USE, "link " + config.linkId() + " was interrupted", e);
        }
    }

    /** For a hold: applies everything handed over; the target is then at the read position. */
    private LinkPosition drain() throws InterruptedException {
        applier.finish();
        progress.moved(applier.appliedPosition());
        return read;
    }

    /** The shards this link leaves out at its target, as its catalog says (a restart keeps them out). */
    private void loadExclusions() {
        Set<String> stored = Catalog.atTarget(
                config.target(),
                "reading the shards link " + config.linkId() + " leaves out",
                c -> Catalog.exclusions(c, config.linkId()));
        desks.excluded().retainAll(stored);
        desks.excluded().addAll(stored);
    }

    /** What the link shares with its operators across sessions: skips, holds, excluded shards. */
    record Desks(SkipDesk skips, HoldDesk holds, Set<String> excluded) {}

    private void skip(SourceTransaction tx, LinkPosition next) throws InterruptedException {
        tx.close();
        applier.skip(next);
    }

    /** Once a second: store a position reached by drops alone, and measure the lag. */
    private void housekeeping(boolean inTransaction) throws InterruptedException {
        long now = System.currentTimeMillis();
        if (now - lastHousekeeping < HOUSEKEEPING_MILLIS) {
            return;
        }
        lastHousekeeping = now;
        applier.checkFailures();
        if (!inTransaction) {
            applier.idle(HOUSEKEEPING_MILLIS);
        }
        LinkPosition applied = applier.appliedPosition();
        progress.moved(applied);
        GtidSet sourcePosition = source.currentGtid();
        progress.sourceGtidSet(sourcePosition.toString());
        long behind = applied.gtidSet().behind(sourcePosition);
        progress.lagTransactions(reader.backlog() == 0 && behind == 0 ? 0 : Math.max(behind, 1));
    }

    private LinkException sourceFailure(Failure f) {
        Exception cause = f.cause();
        if (f.unreadable()) {
            return new LinkException(
                    Code.EVENT_UNREADABLE,
                    "a binlog event after " + read.gtidSet() + " at "
                            + config.source() + " could not be decoded: " + cause.getMessage()
                            + "; check the source's binlog settings (ROW format, no binlog compression)",
                    cause);
        }
        if (cause instanceof ServerException se && se.getErrorCode() == 1236) {
            return new LinkException(
                    Code.BINLOG_PURGED,
                    "source " + config.source() + " cannot send its binlog after"
                            + " GTID position '" + read.gtidSet() + "': " + se.getMessage()
                            + ". The binlog this link needs is purged (or the position is not in the source's"
                            + " history): re-copy the shards homed at "
                            + config.roles().sourceSite() + " to "
                            + config.roles().targetSite() + " at one point and move the link past the gap: shardhome"
                            + " shard reseed --all --from " + config.roles().sourceSite() + " --site "
                            + config.roles().targetSite(),
                    read.lastGtid(),
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
        if (applier != null) {
            applier.close();
        }
        source.close();
    }
}
