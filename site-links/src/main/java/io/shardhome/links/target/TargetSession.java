package io.shardhome.links.target;

import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import io.shardhome.links.SiteEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * One JDBC session at a target master, set up to replay a source's events: on MariaDB it writes under the
 * source's {@code server_id} (so the target's binlog says which site a transaction came from, for every
 * statement the server may rewrite, DDL included) and without annotate events. It knows which format
 * description it has replayed last, and runs a DDL statement in its source session's context. Not
 * thread-safe.
 */
final class TargetSession implements AutoCloseable {
    /** What a session is reset to after a statement ran in its source's context. */
    private static final String BASELINE = "SET @@session.sql_mode='', @@session.time_zone='+00:00',"
            + " @@session.character_set_client=utf8mb4, @@session.collation_connection=utf8mb4_general_ci,"
            + " @@session.foreign_key_checks=1, @@session.unique_checks=1, @@session.sql_auto_is_null=0,"
            + " @@session.auto_increment_increment=1, @@session.auto_increment_offset=1,"
            + " @@session.collation_database=DEFAULT, @@session.lc_time_names='en_US', TIMESTAMP=DEFAULT";

    private final SiteEndpoint target;
    private final Connection connection;
    private final boolean mariaDb;
    private final long maxAllowedPacket;
    private byte[] format;

    private TargetSession(SiteEndpoint target, Connection connection, boolean mariaDb, long maxAllowedPacket) {
        this.target = target;
        this.connection = connection;
        this.mariaDb = mariaDb;
        this.maxAllowedPacket = maxAllowedPacket;
    }

    /**
     * Opens a session at {@code target} that writes as {@code originServerId} (MariaDB).
     *
     * @throws SQLException when it cannot connect or set the session up
     */
    static TargetSession open(SiteEndpoint target, long originServerId) throws SQLException {
        Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
        try {
            boolean mariaDb;
            long maxPacket;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT VERSION(), @@max_allowed_packet")) {
                rs.next();
                mariaDb = rs.getString(1).contains("MariaDB");
                maxPacket = rs.getLong(2);
            }
            try (Statement s = c.createStatement()) {
                s.execute(BASELINE);
                if (mariaDb) {
                    s.execute("SET SESSION binlog_annotate_row_events=0, SESSION server_id=" + originServerId);
                }
            }
            c.setAutoCommit(false);
            return new TargetSession(target, c, mariaDb, maxPacket);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    boolean isMariaDb() {
        return mariaDb;
    }

    /** Replays the format description {@code raw} unless it is the one replayed last; only between transactions. */
    void useFormat(byte[] raw) throws SQLException {
        if (format == raw || Arrays.equals(format, raw)) {
            return;
        }
        execute(BinlogStatements.of(List.of(raw)));
        format = raw;
    }

    /** Replays a batch of table-map and row events. */
    void replay(List<byte[]> events) throws SQLException {
        long bytes = 0;
        for (byte[] event : events) {
            bytes += event.length;
        }
        if (BinlogStatements.encodedLength(bytes) + 64 <= maxAllowedPacket) {
            execute(BinlogStatements.of(events));
            return;
        }
        try {
            for (String sql : BinlogStatements.fragmented(events, maxAllowedPacket)) {
                execute(sql);
            }
        } catch (IllegalArgumentException e) {
            throw new LinkException(
                    Code.APPLY_FAILED,
                    "a row event of " + bytes + " bytes cannot be sent to " + target + ": " + e.getMessage()
                            + "; raise max_allowed_packet at the target to at least the source's");
        }
    }

    /** Largest batch of raw events one BINLOG statement carries here. */
    long maxBatchBytes() {
        return Math.min(8L << 20, BinlogStatements.maxBatchBytes(maxAllowedPacket));
    }

    /** Runs {@code sql} after the SET statements of its source session's {@code context}, then resets the session. */
    void executeInContext(List<String> context, String sql) throws SQLException {
        // DDL commits anyway; under autocommit=0, MariaDB 11.4's ALTER TABLE ... EXCHANGE PARTITION waits for
        // locks of its own session's previous transaction (error 1205), so DDL runs with autocommit on.
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            for (String set : context) {
                try {
                    s.execute(set);
                } catch (SQLException e) {
                    throw new SQLException(
                            "setting the source session's context (" + set + ") failed: " + e.getMessage(),
                            e.getSQLState(),
                            e.getErrorCode(),
                            e);
                }
            }
            s.execute(sql);
        } finally {
            execute(BASELINE);
            connection.setAutoCommit(autoCommit);
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Whether the session is gone (a failed statement on a dead session is a lost connection too). */
    boolean isLost() {
        try {
            return connection.isClosed() || !connection.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
