package io.shardhome.service.moves;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.target.Catalog;
import io.shardhome.service.fence.GrantReader;
import io.shardhome.service.fence.GrantTables;
import io.shardhome.service.fence.Grantee;
import io.shardhome.service.fence.Revocation;
import io.shardhome.service.fence.SchemaAccess;
import io.shardhome.service.fence.WriteAccess;
import io.shardhome.service.grants.ScheduledEvents;
import io.shardhome.service.moves.MoveException.Code;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statements a move runs at one site's master, over the move account of that site (it needs GRANT
 * OPTION and the privileges it revokes on the shard schemas, CONNECTION ADMIN or SUPER to kill sessions,
 * BINLOG ADMIN to keep grant changes out of the binlog, SELECT on {@code mysql} and {@code shardhome}, SHOW
 * DATABASES, and EVENT plus SET USER (or SUPER) to switch scheduled events keeping their definers). Each call
 * opens its own session. Thread-safe. Errors are {@link MoveException}s with code {@code MASTER_FAILED}.
 */
final class SiteMaster {
    private static final int NO_SUCH_GRANT = 1141;
    private static final int UNKNOWN_THREAD = 1094;

    private final SiteEndpoint endpoint;

    SiteMaster(SiteEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    String site() {
        return endpoint.site();
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
    }

    boolean isMariaDb() {
        return run(
                "reading the server version", c -> single(c, "SELECT VERSION()").contains("MariaDB"));
    }

    /** The master's grant tables now. */
    GrantTables grantTables() {
        return run("reading the grant tables", GrantReader::read);
    }

    /** Who can write {@code schema} here, leaving out {@code trusted} accounts and this session's own. */
    SchemaAccess writeAccess(String schema, Set<Grantee> trusted) {
        return WriteAccess.of(grantTables(), schema, trusted);
    }

    /** Revokes the grants (one that is already gone is fine). */
    void revoke(List<Revocation> grants) {
        for (Revocation r : grants) {
            unlogged(r.revokeSql());
        }
    }

    /** Grants them back exactly as they were. */
    void restore(List<Revocation> grants) {
        for (Revocation r : grants) {
            unlogged(r.restoreSql());
        }
    }

    /** Grants the same privileges to the same grantees on exactly {@code schema} (escaped). */
    void grantOn(String schema, List<Revocation> grants) {
        for (Revocation r : grants) {
            unlogged(r.grantOnSql(schema));
        }
    }

    /**
     * Kills the sessions of {@code users} that use {@code schema} as default schema or have a transaction
     * open (they may be writing the schema), then waits up to {@code wait} until they are gone, so no write
     * of theirs can commit after the position is read. Returns how many were killed.
     */
    int killSessions(Collection<String> users, String schema, Duration wait) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        for (String user : new HashSet<>(users)) {
            ids.addAll(run("listing the sessions of " + user, c -> sessions(c, user, schema)));
        }
        run("killing the sessions of " + users, c -> {
            try (Statement s = c.createStatement()) {
                for (long id : ids) {
                    kill(s, id);
                }
            }
            return null;
        });
        awaitGone(ids, wait);
        return ids.size();
    }

    /**
     * Switches the scheduled events of {@code schema} here to run as at a copy ({@code toCopy}: {@code DISABLE
     * ON SLAVE}) or as at the home (see {@link ScheduledEvents}). Returns the statements run.
     */
    List<String> switchEvents(String schema, boolean toCopy) {
        return run(
                "switching the scheduled events of " + schema + (toCopy ? " off" : " on"),
                c -> ScheduledEvents.switchAll(c, List.of(schema), toCopy));
    }

    /** The master's GTID position now ({@code @@gtid_binlog_pos}, MySQL: {@code @@gtid_executed}). */
    String gtidPosition(boolean mariaDb) {
        String sql = mariaDb ? "SELECT @@GLOBAL.gtid_binlog_pos" : "SELECT @@GLOBAL.gtid_executed";
        return run("reading the GTID position", c -> single(c, sql));
    }

    /**
     * The GTID set the link has processed into this (target) master over all its apply channels (the
     * earliest of their rows), empty before its first run.
     */
    static GtidSet processedBy(Connection c, String linkId) throws SQLException {
        return Catalog.processed(c, linkId);
    }

    private void awaitGone(List<Long> ids, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!ids.isEmpty() && System.nanoTime() < deadline) {
            List<Long> alive = run("checking killed sessions", c -> alive(c, ids));
            if (alive.isEmpty()) {
                return;
            }
            Thread.sleep(5);
        }
        if (!ids.isEmpty()
                && !run("checking killed sessions", c -> alive(c, ids)).isEmpty()) {
            throw new MoveException(
                    Code.MASTER_FAILED,
                    "killed application sessions at " + site() + " did not end within " + wait.toMillis()
                            + " ms; check the master for hung sessions and retry the move");
        }
    }

    private static List<Long> sessions(Connection c, String user, String schema) throws SQLException {
        String sql = "SELECT ID FROM information_schema.PROCESSLIST WHERE USER=? AND (DB=? OR ID IN"
                + " (SELECT trx_mysql_thread_id FROM information_schema.INNODB_TRX))";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, user);
            s.setString(2, schema);
            return ids(s);
        }
    }

    private static List<Long> alive(Connection c, List<Long> ids) throws SQLException {
        StringBuilder in = new StringBuilder();
        for (long id : ids) {
            in.append(in.isEmpty() ? "" : ",").append(id);
        }
        try (PreparedStatement s =
                c.prepareStatement("SELECT ID FROM information_schema.PROCESSLIST WHERE ID IN (" + in + ")")) {
            return ids(s);
        }
    }

    private static List<Long> ids(PreparedStatement s) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static void kill(Statement s, long id) throws SQLException {
        try {
            s.execute("KILL CONNECTION " + id);
        } catch (SQLException e) {
            if (e.getErrorCode() != UNKNOWN_THREAD) {
                throw e;
            }
        }
    }

    /** Grant changes stay out of the binlog: links would take them for statements of an unknown shard. */
    private void unlogged(String sql) {
        run(sql, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION sql_log_bin=0");
                s.execute(sql);
            } catch (SQLException e) {
                if (e.getErrorCode() != NO_SUCH_GRANT) {
                    throw e;
                }
            }
            return null;
        });
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
        }
    }

    private <T> T run(String what, SqlWork<T> work) {
        try (Connection c = open()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new MoveException(
                    Code.MASTER_FAILED,
                    what + " at the master of " + site() + " failed: " + e.getMessage() + " (SQLState "
                            + e.getSQLState() + "); check the master is reachable and the move account may"
                            + " grant, kill sessions and set sql_log_bin, then retry or recover the move",
                    e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }
}
