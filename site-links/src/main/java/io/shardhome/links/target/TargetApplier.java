package io.shardhome.links.target;

import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import io.shardhome.links.OriginTag;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.source.SourceTransaction;
import io.shardhome.links.source.StatementKind;
import io.shardhome.links.source.TxStep;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies source transactions to a target master over one session by replaying them: row events as {@code
 * BINLOG} statements (the server applies them as a native replica does: exact values of every type, no
 * trigger fired twice, generated columns computed, rows found by primary key, unique key or full row),
 * savepoints in place, DDL in its source session's context. Rows and the link's position update commit
 * together (exactly once: a transaction is applied whole with its position, or not at all). DDL cannot
 * share a transaction: it runs first, then the position commits. Not thread-safe: one applier per thread.
 */
public final class TargetApplier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TargetApplier.class);
    private static final int UNKNOWN_DATABASE = 1049;

    private final SiteEndpoint target;
    private final String linkId;
    private final long originServerId;
    private final long holderEpoch;
    private final TargetSession session;
    private final PreparedStatement updatePosition;
    private TargetSession schemaless;
    private boolean firstAfterResume = true;

    private TargetApplier(
            SiteEndpoint target, String linkId, long originServerId, long holderEpoch, TargetSession session)
            throws SQLException {
        this.holderEpoch = holderEpoch;
        this.target = target;
        this.linkId = linkId;
        this.originServerId = originServerId;
        this.session = session;
        this.updatePosition = session.connection().prepareStatement(Catalog.UPDATE_POSITION);
    }

    /**
     * Opens a session at {@code target} for link {@code linkId} whose source has server id {@code originServerId}.
     *
     * @throws LinkException {@code TARGET_UNAVAILABLE} when it cannot
     */
    public static TargetApplier open(SiteEndpoint target, String linkId, long originServerId, long holderEpoch) {
        try {
            return new TargetApplier(
                    target, linkId, originServerId, holderEpoch, TargetSession.open(target, originServerId));
        } catch (SQLException e) {
            throw SqlErrors.classify(e, target.toString(), "opening an apply session for link " + linkId);
        }
    }

    public String linkId() {
        return linkId;
    }

    /** The stored position of this link, creating its row (unlogged) from {@code initial} on first use. */
    public LinkPosition position(LinkPosition initial, String targetSite) {
        try {
            unlogged(() -> {
                Catalog.create(session.connection(), initial.as(linkId), targetSite);
                long holder = Catalog.claim(session.connection(), linkId, holderEpoch, originServerId);
                if (holder != holderEpoch) {
                    throw superseded(linkId, holder);
                }
            });
            LinkPosition stored = Catalog.load(session.connection(), linkId).orElseThrow();
            session.connection().commit();
            return stored;
        } catch (SQLException e) {
            throw failure(e, "reading the position of link " + linkId);
        }
    }

    private LinkException superseded(String id, long holder) {
        return new LinkException(
                Code.SUPERSEDED,
                "link " + id + " at " + target + " is held by holder epoch " + holder + ", not this instance's "
                        + holderEpoch + ": another instance applies it now, so this one stops (nothing it had not"
                        + " committed is applied)");
    }

    /**
     * Applies row transactions {@code group} (consecutive, in order, one format description) and moves the
     * position to {@code next} (after the last of them), and those of {@code others} (channels) too, in one
     * target transaction.
     */
    public void applyRows(List<SourceTransaction> group, LinkPosition next, List<String> others) {
        try {
            session.useFormat(group.get(0).format());
            Map<String, Long> columns = new HashMap<>();
            group.forEach(tx -> columns.putAll(tx.columns()));
            ColumnCounts.check(session.connection(), columns, target.toString());
            for (SourceTransaction tx : group) {
                replay(tx);
            }
            updatePositions(next, group.get(group.size() - 1).commitMillis(), group.size(), others);
            session.connection().commit();
            firstAfterResume = false;
        } catch (SQLException e) {
            rollbackQuietly();
            throw failure(e, "applying " + describe(group));
        } catch (LinkException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /**
     * Applies DDL transaction {@code tx} (with the rows of a CREATE TABLE ... SELECT, if any), then moves
     * the positions.
     */
    public void applyDdl(SourceTransaction tx, LinkPosition next, List<String> others) {
        TxStep.Statement ddl = tx.ddl().orElseThrow();
        try {
            executeDdl(tx, ddl, next.sourceSite());
            session.useFormat(tx.format());
            ColumnCounts.check(session.connection(), tx.columns(), target.toString());
            replay(tx);
            updatePositions(next, tx.commitMillis(), 1, others);
            session.connection().commit();
            firstAfterResume = false;
        } catch (SQLException e) {
            rollbackQuietly();
            throw failure(e, "applying " + tx.gtid() + " (" + excerpt(ddl.text()) + ")");
        } catch (LinkException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /** Stores a position reached by dropped transactions, outside the binlog so that it cannot echo. */
    public void savePosition(LinkPosition next) {
        try {
            unlogged(() -> updatePosition(linkId, next, 0, 0));
        } catch (SQLException e) {
            throw failure(e, "saving the position of link " + linkId);
        }
    }

    /** Replays {@code tx}'s row events and savepoints, in order (its DDL is run by {@link #applyDdl}). */
    private void replay(SourceTransaction tx) throws SQLException {
        long batch = session.maxBatchBytes();
        for (TxStep step : tx.steps()) {
            if (step instanceof TxStep.Rows rows) {
                BinlogBatcher batcher = new BinlogBatcher(batch, session::replay);
                rows.events().forEach(batcher::add);
                batcher.finish();
            } else if (step instanceof TxStep.Statement st && st.kind() != StatementKind.DDL) {
                session.execute(st.text());
            }
        }
    }

    private void executeDdl(SourceTransaction tx, TxStep.Statement ddl, String origin) throws SQLException {
        String prefix = session.isMariaDb() ? "" : OriginTag.ddlComment(origin, linkId);
        String sql =
                prefix + EventDdl.withInvoker(ddl.text(), ddl.query().context().invoker());
        String schema = ddl.query().database();
        try {
            TargetSession on = useDefaultSchema(schema) ? session : schemaless();
            on.executeInContext(ddl.context(), sql);
            if (EventDdl.isEventDdl(sql)) {
                for (String shard : tx.schemas()) {
                    EventDdl.disableAtCopy(on.connection(), shard);
                }
            }
        } catch (SQLException e) {
            if (!(firstAfterResume && SqlErrors.isAlreadyAppliedDdl(e))) {
                throw e;
            }
            LOG.warn(
                    "link {}: DDL {} was already applied before the link restarted ({}); moving on",
                    linkId,
                    tx.gtid(),
                    e.getMessage());
        }
    }

    /**
     * {@code USE}s the statement's default schema; false when there is none or it does not exist here (a
     * statement that creates it): then it runs on a second session that never has a default schema.
     */
    private boolean useDefaultSchema(String schema) throws SQLException {
        if (schema.isEmpty()) {
            return false;
        }
        try {
            session.execute("USE `" + schema.replace("`", "``") + "`");
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == UNKNOWN_DATABASE) {
                return false;
            }
            throw e;
        }
    }

    private TargetSession schemaless() throws SQLException {
        if (schemaless == null) {
            schemaless = TargetSession.open(target, originServerId);
            schemaless.connection().setAutoCommit(true);
        }
        return schemaless;
    }

    private void updatePositions(LinkPosition next, long commitMillis, int applied, List<String> others)
            throws SQLException {
        updatePosition(linkId, next, commitMillis, applied);
        for (String other : others) {
            updatePosition(other, next, commitMillis, 0);
        }
    }

    private void updatePosition(String id, LinkPosition next, long commitMillis, int applied) throws SQLException {
        updatePosition.setString(1, next.sourceSite());
        updatePosition.setString(2, next.gtidSet().toString());
        updatePosition.setString(3, next.lastGtid());
        updatePosition.setString(4, next.binlog().file());
        updatePosition.setLong(5, next.binlog().position());
        updatePosition.setDouble(6, commitMillis / 1000.0);
        updatePosition.setInt(7, applied);
        updatePosition.setString(8, id);
        updatePosition.setLong(9, holderEpoch);
        if (updatePosition.executeUpdate() != 1) {
            long holder = Catalog.holderEpoch(session.connection(), id);
            if (holder >= 0) {
                throw superseded(id, holder);
            }
            throw new LinkException(
                    Code.CATALOG_FAILED,
                    "the position row of link " + id + " is missing at " + target
                            + "; restart the link so that it recreates it");
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void unlogged(SqlWork work) throws SQLException {
        session.execute("SET SESSION sql_log_bin=0");
        try {
            work.run();
            session.connection().commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        } finally {
            session.execute("SET SESSION sql_log_bin=1");
        }
    }

    /** A statement used after its session died fails with a generic error: it is a lost connection too. */
    private LinkException failure(SQLException e, String what) {
        LinkException classified = SqlErrors.classify(e, target.toString(), what);
        if (!classified.code().isTransient() && !session.isLost()) {
            return supersededOr(classified);
        }
        if (classified.code().isTransient()) {
            return classified;
        }
        return new LinkException(
                Code.TARGET_UNAVAILABLE,
                what + " at " + target + " failed: the session was lost (" + SqlErrors.withoutValues(e.getMessage())
                        + "); the link retries",
                e);
    }

    /**
     * A deposed holder's apply can fail on what its successor applied meanwhile (a duplicate key, a table
     * that exists): that is no divergence, so it is reported as {@code SUPERSEDED} when a later holder claimed
     * the link. Called after the failed transaction was rolled back, so the read sees the latest claim.
     */
    private LinkException supersededOr(LinkException classified) {
        try {
            long holder = Catalog.holderEpoch(session.connection(), linkId);
            session.connection().rollback();
            return holder > holderEpoch ? superseded(linkId, holder) : classified;
        } catch (SQLException notReadable) {
            classified.addSuppressed(notReadable);
            return classified;
        }
    }

    private static String describe(List<SourceTransaction> group) {
        String first = group.get(0).gtid() + " (tables " + group.get(0).tables() + ")";
        return group.size() == 1
                ? first
                : first + " .. " + group.get(group.size() - 1).gtid() + " (grouped)";
    }

    private static String excerpt(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() > 80 ? flat.substring(0, 80) + "..." : flat;
    }

    private void rollbackQuietly() {
        try {
            if (!session.connection().isClosed()) {
                session.connection().rollback();
            }
        } catch (SQLException e) {
            LOG.warn("rollback after a failure at {} failed too: {}", target, e.toString());
        }
    }

    /** Closes the sessions without committing anything pending. */
    @Override
    public void close() {
        closeSession(session);
        if (schemaless != null) {
            closeSession(schemaless);
        }
    }

    private void closeSession(TargetSession s) {
        try {
            s.close();
        } catch (SQLException e) {
            LOG.warn("closing a session at {} failed: {}", target, e.toString());
        }
    }
}
