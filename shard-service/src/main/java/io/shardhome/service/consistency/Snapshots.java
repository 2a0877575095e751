package io.shardhome.service.consistency;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.SiteEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions in consistent snapshots (MariaDB {@code START TRANSACTION WITH CONSISTENT SNAPSHOT}). At a home,
 * several sessions that must see the same data are opened until their snapshots stand at the same binlog
 * position ({@code binlog_snapshot_file/position}): two snapshots at one binlog position hold exactly the
 * same committed transactions, so readers can work in parallel without ever blocking the home's writes.
 * Under a write rate where that keeps failing, fewer sessions are used (at least one). Stateless.
 */
public final class Snapshots {
    private static final int ATTEMPTS = 200;

    private Snapshots() {}

    /** Sessions at one point of a home, and that point as a GTID position. */
    public record AtHome(List<Connection> sessions, GtidSet gtid) implements AutoCloseable {
        @Override
        public void close() {
            closeAll(sessions);
        }
    }

    /** A session of {@code site} for long reads and loads (no socket timeout; local infile allowed). */
    public static Connection open(SiteEndpoint site) throws SQLException {
        String url = site.jdbcUrl().replace("socketTimeout=60000", "socketTimeout=0") + "&allowLoadLocalInfile=true";
        Connection c = DriverManager.getConnection(url, site.user(), site.password());
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            s.execute("SET SESSION max_statement_time = 0, net_read_timeout = 3600, net_write_timeout = 3600");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Up to {@code count} sessions of {@code home} at one snapshot, and its GTID position. */
    public static AtHome atHome(SiteEndpoint home, int count) throws SQLException {
        List<Connection> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sessions.add(open(home));
            }
            for (int attempt = 0; ; attempt++) {
                List<String> positions = new ArrayList<>();
                for (Connection c : sessions) {
                    positions.add(begin(c));
                }
                int same = (int) positions.stream()
                        .takeWhile(p -> p.equals(positions.get(0)))
                        .count();
                if (same == sessions.size() || attempt >= ATTEMPTS) {
                    closeAll(sessions.subList(same, sessions.size()));
                    List<Connection> kept = new ArrayList<>(sessions.subList(0, same));
                    return new AtHome(kept, gtidAt(kept.get(0), positions.get(0)));
                }
                for (Connection c : sessions) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ROLLBACK");
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            closeAll(sessions);
            throw e;
        }
    }

    /** {@code count} sessions of a copy in consistent snapshots (the link holding the copy still). */
    public static List<Connection> atCopy(SiteEndpoint copy, int count) throws SQLException {
        List<Connection> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sessions.add(open(copy));
            }
            for (Connection c : sessions) {
                begin(c);
            }
            return sessions;
        } catch (SQLException | RuntimeException e) {
            closeAll(sessions);
            throw e;
        }
    }

    /** Starts a consistent snapshot; returns its binlog position as {@code file:position}. */
    public static String begin(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
            String file = "";
            String position = "";
            try (ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'binlog_snapshot_%'")) {
                while (rs.next()) {
                    if (rs.getString(1).equalsIgnoreCase("Binlog_snapshot_file")) {
                        file = rs.getString(2);
                    } else if (rs.getString(1).equalsIgnoreCase("Binlog_snapshot_position")) {
                        position = rs.getString(2);
                    }
                }
            }
            return file + ":" + position;
        }
    }

    /** The GTID position of binlog position {@code file:position} ({@code BINLOG_GTID_POS}). */
    public static GtidSet gtidAt(Connection c, String position) throws SQLException {
        int colon = position.lastIndexOf(':');
        try (java.sql.PreparedStatement s = c.prepareStatement("SELECT BINLOG_GTID_POS(?, ?)")) {
            s.setString(1, position.substring(0, colon));
            s.setLong(2, Long.parseLong(position.substring(colon + 1)));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                String gtid = rs.getString(1);
                if (gtid == null) {
                    throw new SQLException("the home cannot name the GTID position of its snapshot at " + position
                            + " (BINLOG_GTID_POS returned NULL); check that its binlog is on (log_bin)");
                }
                return GtidSet.parse(gtid);
            }
        }
    }

    public static void closeAll(List<Connection> sessions) {
        for (Connection c : sessions) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing a session we no longer need: nothing is lost if the server already dropped it
            }
        }
    }
}
