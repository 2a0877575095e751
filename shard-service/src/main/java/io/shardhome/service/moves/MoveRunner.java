package io.shardhome.service.moves;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.zk.Json;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.HomeHistory;
import io.shardhome.service.moves.MoveContext.Versioned;
import io.shardhome.service.moves.MoveException.Code;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one move through its phases. Each phase's work is idempotent and is followed by a
 * compare-and-set of the move record to the next phase, so whoever holds the record's current version
 * owns the move, and a recovering engine can repeat the work of the recorded phase. Not thread-safe: one
 * runner per move at a time (losing a compare-and-set stops a second one).
 */
final class MoveRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MoveRunner.class);

    private final MoveContext ctx;
    private final Backoff retry;
    private MoveRecord record;
    private int version;

    MoveRunner(MoveContext ctx, Versioned start) {
        this.ctx = ctx;
        this.retry = new Backoff(ctx.settings().retryMin(), ctx.settings().retryMax());
        this.record = start.record();
        this.version = start.version();
    }

    /**
     * Runs until the move ends or another runner owns it.
     *
     * @return the last record this runner saw
     * @throws InterruptedException when the engine closes: the move stays in its recorded phase
     */
    MoveRecord run() throws InterruptedException {
        try {
            while (!record.phase().isTerminal()) {
                try {
                    step();
                } catch (MoveException recordingFailed) {
                    pause(recordingFailed);
                }
            }
        } catch (LostOwnership e) {
            LOG.info("move {}: {}", record.moveId(), e.getMessage());
        }
        return record;
    }

    /**
     * Does the current phase's work and records the next one. A failure before the flip rolls the move
     * back; after it (and while rolling back) the phase is retried with backoff, the record saying why it
     * waits, so no shard stays fenced without a move working on it.
     */
    private void step() throws InterruptedException {
        MovePhase phase = record.phase();
        MoveRecord next;
        try {
            next = cancelHonoured(phase) ? rollingBack("cancelled by an operator") : work(phase);
        } catch (LostOwnership e) {
            throw e;
        } catch (RuntimeException e) {
            stopIfClosing(e);
            if (!phase.rollsBackOnFailure()) {
                waitAndRetry(e);
                return;
            }
            LOG.warn("move {} rolls back: {}", record.moveId(), e.getMessage());
            next = rollingBack(describe(e));
        }
        retry.reset();
        advance(next);
    }

    /**
     * A failure that an interrupt caused (the engine closing) is not the move's failure: the move must stay in
     * its recorded phase for the next engine, not roll back.
     */
    private void stopIfClosing(RuntimeException e) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            InterruptedException closing = new InterruptedException("move " + record.moveId() + " stopped by close");
            closing.initCause(e);
            throw closing;
        }
    }

    private boolean cancelHonoured(MovePhase phase) {
        return record.cancelRequested()
                && phase.isCancellable()
                && phase != MovePhase.ROLLING_BACK
                && !(phase == MovePhase.FLIPPING && ctx.directory().isFlipped(record));
    }

    private void waitAndRetry(RuntimeException e) throws InterruptedException {
        long pause = retry.next().toMillis();
        String why = describe(e) + "; retrying " + record.phase() + " in " + pause + " ms (attempt " + retry.attempts()
                + ")";
        LOG.warn("move {} waits: {}", record.moveId(), why);
        try {
            advance(record.withWaiting(why));
        } catch (MoveException notRecorded) {
            LOG.warn("move {}: could not record why it waits: {}", record.moveId(), notRecorded.getMessage());
        }
        Thread.sleep(pause);
    }

    /** After the directory refused to record a phase: the work is idempotent, so wait and do it again. */
    private void pause(MoveException e) throws InterruptedException {
        long pause = retry.next().toMillis();
        LOG.warn("move {} waits {} ms for the directory: {}", record.moveId(), pause, e.getMessage());
        Thread.sleep(pause);
    }

    private static String describe(RuntimeException e) {
        return e instanceof MoveException m ? m.code() + ": " + m.getMessage() : e.toString();
    }

    private MoveRecord work(MovePhase phase) throws InterruptedException {
        return switch (phase) {
            case PREFLIGHT -> planFence();
            case FENCING -> raiseFence();
            case CATCHING_UP -> catchUp();
            case FLIPPING -> flip();
            case FLIPPED -> openTarget();
            case ROLLING_BACK -> rollBack();
            case DONE, ROLLED_BACK -> record;
        };
    }

    /** Records the grants the fence will revoke before anything changes, so they can be restored. */
    private MoveRecord planFence() {
        MoveRecord planned = MoveFence.plan(ctx, record, now());
        return planned.enter(
                MovePhase.FENCING, now(), "revoking " + planned.revokedGrants() + " from " + planned.fencedAccounts());
    }

    private MoveRecord raiseFence() throws InterruptedException {
        ctx.directory().fence(record);
        Optional<MoveRecord> more = MoveFence.close(ctx, record, now());
        if (more.isPresent()) {
            return more.get()
                    .enter(
                            MovePhase.FENCING,
                            now(),
                            "also revoking " + more.get().revokedGrants());
        }
        SiteMaster source = source();
        int killed = source.killSessions(
                MoveFence.fencedUsers(record), record.shard(), ctx.settings().sessionKillWait());
        String position = source.gtidPosition(source.isMariaDb());
        return record.withFencePosition(position)
                .enter(MovePhase.CATCHING_UP, now(), "killed " + killed + " sessions; source at " + position);
    }

    /** Waits until the new home has applied what {@link CatchUpPlan} lists, or rolls back on the timeout. */
    private MoveRecord catchUp() throws InterruptedException {
        HomeHistory history = ctx.directory()
                .entry(record.shard())
                .map(e -> e.definition().history())
                .orElse(HomeHistory.NONE);
        List<CatchUpPlan.Wait> waits = CatchUpPlan.of(record, history).waits();
        long deadline = System.nanoTime() + ctx.settings().catchUpTimeout().toNanos();
        String linkId = waits.get(0).linkId();
        try (Connection target = ctx.master(record.toSite()).open()) {
            while (true) {
                CatchUpPlan.Wait pending = null;
                GtidSet processed = GtidSet.EMPTY;
                for (CatchUpPlan.Wait wait : waits) {
                    linkId = wait.linkId();
                    processed = SiteMaster.processedBy(target, linkId);
                    if (!processed.covers(wait.position())) {
                        pending = wait;
                        break;
                    }
                }
                if (pending == null) {
                    return record.enter(MovePhase.FLIPPING, now(), caughtUpNote(waits));
                }
                if (System.nanoTime() > deadline) {
                    return rollingBack(Code.CATCH_UP_TIMEOUT + ": link " + linkId + " processed only " + processed
                            + " of " + pending.position() + " at " + record.toSite() + " within "
                            + ctx.settings().catchUpTimeout().toMillis()
                            + " ms; check the link's lag and retry the move");
                }
                if (refreshCancelled()) {
                    return rollingBack("cancelled by an operator");
                }
                Thread.sleep(ctx.settings().pollInterval().toMillis());
            }
        } catch (SQLException e) {
            throw new MoveException(
                    Code.MASTER_FAILED,
                    "reading the position of link " + linkId + " at " + record.toSite() + " failed: " + e.getMessage()
                            + "; check the target master",
                    e);
        }
    }

    private static String caughtUpNote(List<CatchUpPlan.Wait> waits) {
        StringBuilder note = new StringBuilder();
        for (CatchUpPlan.Wait wait : waits) {
            note.append(note.isEmpty() ? "link " : "; link ")
                    .append(wait.linkId())
                    .append(" processed ")
                    .append(wait.position());
        }
        return note.toString();
    }

    /**
     * The flip: home = target in one compare-and-set, the old home's tenure ending at the fence position and
     * the new home's beginning after its GTID position now (read before the flip: no application write can
     * reach the new home before it, as its grants open only after).
     */
    private MoveRecord flip() {
        SiteMaster target = ctx.master(record.toSite());
        GtidSet start = GtidSet.parse(target.gtidPosition(target.isMariaDb()));
        long mapVersion = ctx.directory().flip(record, GtidSet.parse(record.fencePosition()), start);
        return record.withFlipMapVersion(mapVersion)
                .enter(MovePhase.FLIPPED, now(), "home is " + record.toSite() + " from map version " + mapVersion);
    }

    /**
     * Opens writes at the new home once the links from it have seen the flip (else the first write there
     * could reach a link that still takes it for a wrong-master write). The source stays fenced: it is a
     * copy now and the application account must not write there.
     */
    private MoveRecord openTarget() throws InterruptedException {
        String note = FlipWait.await(ctx, record);
        MoveFence.open(ctx, record);
        return record.withUnfenced(now()).enter(MovePhase.DONE, now(), note);
    }

    private MoveRecord rollBack() {
        MoveFence.restore(ctx, record);
        ctx.directory().unfence(record);
        return record.withUnfenced(now())
                .enter(MovePhase.ROLLED_BACK, now(), "home stays " + record.fromSite() + ": " + record.reason());
    }

    private MoveRecord rollingBack(String reason) {
        return record.withReason(reason).enter(MovePhase.ROLLING_BACK, now(), reason);
    }

    /** Writes {@code next} by compare-and-set. */
    private void advance(MoveRecord next) {
        try {
            version = ctx.records().update(record.shard(), encode(next), version);
            record = next;
        } catch (DirectoryException e) {
            if (e.code() != DirectoryException.Code.CONFLICT) {
                throw new MoveException(
                        Code.DIRECTORY_FAILED,
                        "recording phase " + next.phase() + " of move " + record.moveId() + " failed: " + e.getMessage()
                                + "; recover the moves when the directory is reachable",
                        e);
            }
            adoptCancel();
        }
    }

    /** After a lost compare-and-set: continue only if the record changed by a cancel request alone. */
    private void adoptCancel() {
        Versioned current = ctx.read(record.shard()).orElseThrow(() -> new LostOwnership("its record is gone"));
        MoveRecord stored = current.record();
        if (!stored.moveId().equals(record.moveId()) || stored.phase() != record.phase() || !stored.cancelRequested()) {
            throw new LostOwnership("another engine advanced it to " + stored.phase() + "; leaving it to that one");
        }
        record = stored;
        version = current.version();
    }

    /** Re-reads the record while waiting; true when a cancel was requested. */
    private boolean refreshCancelled() {
        Optional<Versioned> current = ctx.read(record.shard());
        return current.isPresent()
                && current.get().record().moveId().equals(record.moveId())
                && current.get().record().cancelRequested();
    }

    private SiteMaster source() {
        return ctx.master(record.fromSite());
    }

    private static byte[] encode(MoveRecord next) {
        return Json.write(next);
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    /** Another runner owns the move now. */
    private static final class LostOwnership extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostOwnership(String message) {
            super(message, null, false, false);
        }
    }
}
