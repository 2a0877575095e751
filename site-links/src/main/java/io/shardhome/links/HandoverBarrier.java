package io.shardhome.links;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.rules.Decision;
import io.shardhome.filter.rules.LinkRoles;
import io.shardhome.filter.rules.Predecessor;
import io.shardhome.links.LinkException.Code;
import io.shardhome.links.target.Catalog;
import io.shardhome.links.target.SqlErrors;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a copy's order across a move: before a link applies a transaction of a moved shard, the target
 * must have applied the pre-fence transactions of the shard's earlier homes, which other links carry. For
 * each {@link Decision#predecessors() predecessor} {@code (X, end)} of the decision it waits until link
 * {@code X->target} has processed {@code end} at the target over all its channels ({@link
 * Catalog#processed}). Satisfied predecessors are remembered, so the check costs one query per shard and
 * move, and nothing for shards that never moved.
 *
 * <p>While it waits, the link's status says which shard waits for which link and position; {@code
 * closing} ends the wait (the transaction stays unapplied, the link resumes from its stored position).
 * Used by the link's thread only; {@link #close()} closes its target session.
 */
final class HandoverBarrier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverBarrier.class);
    private static final long POLL_MILLIS = 20;
    private static final int REMEMBERED = 4096;

    private final LinkConfig config;
    private final LinkProgress progress;
    private final BooleanSupplier closing;
    private final Set<Predecessor> satisfied = new HashSet<>();
    private Connection session;

    HandoverBarrier(LinkConfig config, LinkProgress progress, BooleanSupplier closing) {
        this.config = config;
        this.progress = progress;
        this.closing = closing;
    }

    /**
     * Returns once the target has what {@code decision}'s predecessors shipped; runs {@code beforeWaiting}
     * once first if it has to wait (to commit work the link holds).
     *
     * @throws LinkException {@code INVALID_USE} when the link closes or is interrupted while waiting, {@code
     *     TARGET_UNAVAILABLE} when the target cannot be read
     */
    void await(Decision decision, String gtid, Runnable beforeWaiting) {
        if (decision.predecessors().isEmpty()) {
            return;
        }
        boolean waited = false;
        for (Predecessor predecessor : decision.predecessors()) {
            if (satisfied.contains(predecessor)) {
                continue;
            }
            GtidSet processed = processedFrom(predecessor.site());
            if (!processed.covers(predecessor.end())) {
                if (!waited) {
                    beforeWaiting.run();
                    waited = true;
                }
                waitFor(predecessor, decision.shard(), gtid, processed);
            }
            remember(predecessor);
        }
    }

    private void waitFor(Predecessor predecessor, String shard, String gtid, GtidSet processed) {
        String linkId = new LinkRoles(predecessor.site(), config.roles().targetSite()).linkId();
        long started = System.nanoTime();
        LOG.info(
                "link {}: shard {} ({}) waits for link {} to reach {} at {}",
                config.linkId(),
                shard,
                gtid,
                linkId,
                predecessor.end(),
                config.roles().targetSite());
        GtidSet now = processed;
        try {
            while (!now.covers(predecessor.end())) {
                progress.waiting("shard " + shard + " (" + gtid + ") waits until link " + linkId + " has applied "
                        + predecessor.end() + " at " + config.roles().targetSite() + " (it is at "
                        + (now.isEmpty() ? "no position" : now) + "): " + shard + "'s earlier home "
                        + predecessor.site() + " ships its last transactions first");
                if (closing.getAsBoolean()) {
                    throw new LinkException(
                            Code.INVALID_USE,
                            "link " + config.linkId() + " closed while " + shard + " waited for " + linkId);
                }
                Thread.sleep(POLL_MILLIS);
                now = processedFrom(predecessor.site());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(
                    Code.INVALID_USE, "link " + config.linkId() + " was interrupted while " + shard + " waited", e);
        } finally {
            progress.waiting("");
        }
        LOG.info(
                "link {}: shard {} waited {} ms for link {}",
                config.linkId(),
                shard,
                (System.nanoTime() - started) / 1_000_000,
                linkId);
    }

    private GtidSet processedFrom(String site) {
        String linkId = new LinkRoles(site, config.roles().targetSite()).linkId();
        try {
            if (session == null) {
                session = DriverManager.getConnection(
                        config.target().jdbcUrl(),
                        config.target().user(),
                        config.target().password());
            }
            return Catalog.processed(session, linkId);
        } catch (SQLException e) {
            close();
            throw SqlErrors.classify(e, config.target().toString(), "reading the position of link " + linkId);
        }
    }

    private void remember(Predecessor predecessor) {
        if (satisfied.size() >= REMEMBERED) {
            satisfied.clear();
        }
        satisfied.add(predecessor);
    }

    @Override
    public void close() {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (SQLException e) {
            LOG.warn("closing the handover session of link {} failed: {}", config.linkId(), e.toString());
        }
        session = null;
    }
}
