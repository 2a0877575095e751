package io.shardhome.links.target;

import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import io.shardhome.links.OriginTag;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.source.DdlStatement;
import io.shardhome.links.source.RowChange;
import io.shardhome.links.source.SourceTransaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies source transactions to a target master over one JDBC session. Rows and the link's position
 * update commit together (exactly once: a transaction is applied whole with its position, or not at
 * all). DDL cannot share a transaction: it runs with its default schema ({@code USE}) and a comment
 * tagging its origin, then the position commits. Not thread-safe: one applier per link thread.
 */
public final class TargetApplier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TargetApplier.class);

    private static final int UNKNOWN_DATABASE = 1049;

    private final SiteEndpoint target;
    private final String linkId;
    private final Connection connection;
    private final RowApplier rows;
    private boolean firstAfterResume = true;
    private Connection schemaless;

    private TargetApplier(SiteEndpoint target, String linkId, Connection connection) {
        this.target = target;
        this.linkId = linkId;
        this.connection = connection;
        this.rows = new RowApplier(connection, target.toString());
    }

    /** Opens a session at {@code target}. @throws LinkException {@code TARGET_UNAVAILABLE} when it cannot */
    public static TargetApplier open(SiteEndpoint target, String linkId) {
        try {
            Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
            c.setAutoCommit(false);
            return new TargetApplier(target, linkId, c);
        } catch (SQLException e) {
            throw new LinkException(
                    Code.TARGET_UNAVAILABLE,
                    "cannot connect to target master " + target + ": " + e.getMessage()
                            + "; the link retries until it is reachable",
                    e);
        }
    }

    public Connection connection() {
        return connection;
    }

    /** The stored position of this link, creating its row (unlogged) from {@code initial} on first use. */
    public LinkPosition position(LinkPosition initial, String targetSite) {
        try {
            var stored = Catalog.load(connection, linkId);
            connection.commit();
            if (stored.isPresent()) {
                return stored.get();
            }
            unlogged(() -> Catalog.create(connection, initial, targetSite));
            return initial;
        } catch (SQLException e) {
            throw failure(e, "reading the position of link " + linkId);
        }
    }

    /** Applies DDL transaction {@code tx} (from {@code origin}), then moves the position to {@code next}. */
    public void applyDdl(SourceTransaction tx, String origin, LinkPosition next) {
        applyDdl(tx, origin, next, List.of());
    }

    /** As {@link #applyDdl(SourceTransaction, String, LinkPosition)}, moving the positions of {@code others} too. */
    public void applyDdl(SourceTransaction tx, String origin, LinkPosition next, List<String> others) {
        try {
            executeDdl(tx, origin);
            updatePositions(next, tx.commitMillis(), 1, others);
            connection.commit();
            firstAfterResume = false;
        } catch (SQLException e) {
            rollbackQuietly();
            throw failure(e, "applying " + tx.gtid());
        } catch (LinkException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /**
     * Applies the rows of {@code group} (consecutive row transactions, in order) and moves the position
     * to {@code next} (after the last of them), all in one target transaction.
     */
    public void applyRows(List<SourceTransaction> group, LinkPosition next) {
        applyRows(group, next, List.of());
    }

    /** As {@link #applyRows(List, LinkPosition)}, moving the positions of {@code others} (channels) too. */
    public void applyRows(List<SourceTransaction> group, LinkPosition next, List<String> others) {
        try {
            rows.apply(byShard(group));
            rows.flush();
            updatePositions(next, group.get(group.size() - 1).commitMillis(), group.size(), others);
            connection.commit();
            firstAfterResume = false;
        } catch (SQLException e) {
            rows.discard();
            rollbackQuietly();
            throw failure(e, "applying " + describe(group));
        } catch (LinkException e) {
            rows.discard();
            rollbackQuietly();
            throw e;
        }
    }

    /** A statement used after its session died fails with a generic error: it is a lost connection too. */
    private LinkException failure(SQLException e, String what) {
        LinkException classified = SqlErrors.classify(e, target.toString(), what);
        if (classified.code().isTransient() || !sessionLost()) {
            return classified;
        }
        return new LinkException(
                LinkException.Code.TARGET_UNAVAILABLE,
                what + " at " + target + " failed: the session was lost (" + e.getMessage() + "); the link retries",
                e);
    }

    private boolean sessionLost() {
        try {
            return connection.isClosed() || !connection.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * The rows of a group with each schema's rows together, in their order: shards are independent, so
     * this keeps every shard's order while letting consecutive INSERTs of a table go out as one batch.
     */
    static List<RowChange> byShard(List<SourceTransaction> group) {
        Map<String, List<RowChange>> bySchema = new LinkedHashMap<>();
        int total = 0;
        for (SourceTransaction tx : group) {
            for (RowChange row : tx.rows()) {
                bySchema.computeIfAbsent(row.table().schema(), k -> new ArrayList<>())
                        .add(row);
                total++;
            }
        }
        List<RowChange> ordered = new ArrayList<>(total);
        bySchema.values().forEach(ordered::addAll);
        return ordered;
    }

    private static String describe(List<SourceTransaction> group) {
        String first = group.get(0).gtid();
        return group.size() == 1
                ? first
                : first + " .. " + group.get(group.size() - 1).gtid() + " (grouped)";
    }

    /** Stores a position reached by dropped transactions, outside the binlog so that it cannot echo. */
    public void savePosition(LinkPosition next, long commitMillis) {
        try {
            unlogged(() -> updatePosition(next, commitMillis, 0));
        } catch (SQLException e) {
            throw failure(e, "saving the position of link " + linkId);
        }
    }

    private void executeDdl(SourceTransaction tx, String origin) throws SQLException {
        DdlStatement ddl = tx.statements().get(0);
        String sql = OriginTag.ddlComment(origin, linkId) + ddl.sql();
        try {
            if (!useDefaultSchema(ddl.defaultSchema())) {
                executeWithoutDefaultSchema(sql);
                return;
            }
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
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
     * {@code USE}s the statement's default schema; false when it does not exist here (CREATE DATABASE is
     * logged with the new database as its default schema).
     */
    private boolean useDefaultSchema(String schema) throws SQLException {
        if (schema.isEmpty()) {
            return false;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("USE " + RowStatements.quote(schema));
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == UNKNOWN_DATABASE) {
                return false;
            }
            throw e;
        }
    }

    /**
     * DDL whose default schema does not exist here runs on a second session that never has a default
     * schema (DDL commits anyway, so it needs no shared transaction).
     */
    private void executeWithoutDefaultSchema(String sql) throws SQLException {
        if (schemaless == null) {
            schemaless = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
        }
        try (Statement s = schemaless.createStatement()) {
            s.execute(sql);
        }
    }

    private void updatePositions(LinkPosition next, long commitMillis, int applied, List<String> others)
            throws SQLException {
        updatePosition(linkId, next, commitMillis, applied);
        for (String other : others) {
            updatePosition(other, next, commitMillis, 0);
        }
    }

    private void updatePosition(LinkPosition next, long commitMillis, int applied) throws SQLException {
        updatePosition(linkId, next, commitMillis, applied);
    }

    private void updatePosition(String id, LinkPosition next, long commitMillis, int applied) throws SQLException {
        PreparedStatement s = rows.statement(Catalog.UPDATE_POSITION);
        s.setString(1, next.sourceSite());
        s.setString(2, next.gtidSet());
        s.setString(3, next.lastGtid());
        s.setString(4, next.binlog().file());
        s.setLong(5, next.binlog().position());
        s.setDouble(6, commitMillis / 1000.0);
        s.setInt(7, applied);
        s.setString(8, id);
        if (s.executeUpdate() != 1) {
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
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION sql_log_bin=0");
            try {
                work.run();
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly();
                throw e;
            } finally {
                s.execute("SET SESSION sql_log_bin=1");
            }
        }
    }

    private void rollbackQuietly() {
        try {
            if (connection.isClosed()) {
                return;
            }
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback after a failure at {} failed too: {}", target, e.toString());
        }
    }

    /** Closes the session without committing anything pending. */
    @Override
    public void close() {
        closeSession(connection);
        if (schemaless != null) {
            closeSession(schemaless);
        }
    }

    private void closeSession(Connection session) {
        try {
            session.close();
        } catch (SQLException e) {
            LOG.warn("closing a session at {} failed: {}", target, e.toString());
        }
    }
}
