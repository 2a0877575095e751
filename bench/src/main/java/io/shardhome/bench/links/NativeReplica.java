package io.shardhome.bench.links;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.testing.MariaDbSite;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;

/**
 * MariaDB's own GTID replication of a binlog range, the baseline a link is compared with: single-threaded
 * ({@code slave_parallel_threads=0}) or parallel with {@code slave_parallel_mode} optimistic or
 * conservative. The replica writes no binlog ({@code log_slave_updates} off), which favours it over a
 * link target (which must log what it applies).
 */
record NativeReplica(int threads, String mode) {
    static final NativeReplica SINGLE = new NativeReplica(0, "conservative");

    String label() {
        return threads == 0
                ? "native replica, single-threaded"
                : "native replica, slave_parallel_threads=" + threads + " " + mode;
    }

    /** Replicates {@code start..end} of {@code source} on {@code replica}, whose tables are ready; returns the seconds. */
    double replicate(MariaDbSite source, MariaDbSite replica, String start, String end) {
        replica.execute(
                "STOP SLAVE",
                "RESET SLAVE ALL",
                "SET GLOBAL slave_parallel_threads=" + threads,
                "SET GLOBAL slave_parallel_mode='" + mode + "'",
                "SET GLOBAL gtid_slave_pos='" + start + "'",
                "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + source.port() + ", MASTER_USER='"
                        + MariaDbSite.USER + "', MASTER_PASSWORD='" + MariaDbSite.PASSWORD
                        + "', MASTER_USE_GTID=slave_pos");
        long t0 = System.nanoTime();
        replica.execute("START SLAVE");
        GtidSet target = GtidSet.parse(end);
        waitFor(() -> caughtUp(replica, target));
        double elapsed = (System.nanoTime() - t0) / 1e9;
        replica.execute("STOP SLAVE");
        return elapsed;
    }

    private static boolean caughtUp(MariaDbSite replica, GtidSet end) {
        if (GtidSet.parse(replica.value("SELECT @@GLOBAL.gtid_slave_pos")).covers(end)) {
            return true;
        }
        try (Connection c = replica.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SLAVE STATUS")) {
            if (rs.next() && (rs.getInt("Last_SQL_Errno") != 0 || rs.getInt("Last_IO_Errno") != 0)) {
                throw new IllegalStateException("native replica stopped: " + rs.getString("Last_SQL_Error") + " / "
                        + rs.getString("Last_IO_Error"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the native replica's status: " + e.getMessage(), e);
        }
        return false;
    }

    /** Whether the native replica's connection to its source uses TLS (SHOW SLAVE STATUS Master_SSL_Allowed). */
    static String masterSsl(MariaDbSite replica) {
        try (Connection c = replica.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SLAVE STATUS")) {
            return rs.next() ? rs.getString("Master_SSL_Allowed") : "no replica configured";
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static void waitFor(BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for replication", e);
            }
        }
    }
}
