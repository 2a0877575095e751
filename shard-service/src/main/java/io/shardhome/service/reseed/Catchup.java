package io.shardhome.service.reseed;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.Link;
import io.shardhome.links.LinkState;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.service.consistency.Snapshots;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for links to reach positions, failing loudly with where they stand. Stateless. */
final class Catchup {
    private static final long POLL_MILLIS = 50;

    private Catchup() {}

    /** Until {@code link} has processed what its source had committed when this was called. */
    static void await(Link link, SiteEndpoint source, Duration timeout, BooleanSupplier owned)
            throws SQLException, InterruptedException {
        GtidSet now;
        try (Connection c = Snapshots.open(source);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@GLOBAL.gtid_binlog_pos")) {
            rs.next();
            now = GtidSet.parse(rs.getString(1));
        }
        awaitCovers(link, now, timeout, owned);
    }

    /** Until {@code link}'s processed position covers {@code target}. */
    static void awaitCovers(Link link, GtidSet target, Duration timeout, BooleanSupplier owned)
            throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (!GtidSet.parse(link.status().gtidSet()).covers(target)) {
            if (link.state() == LinkState.OFFLINE_ERROR) {
                throw new SQLException("link " + link.id() + " stopped before reaching " + target + ": "
                        + link.status()
                                .pendingError()
                                .map(e -> e.code() + " " + e.message())
                                .orElse("?"));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new SQLException("link " + link.id() + " did not reach " + target + " within " + timeout
                        + " (it is at " + link.status().gtidSet() + "); is it running?");
            }
            if (!owned.getAsBoolean()) {
                throw new IllegalStateException("this instance no longer runs the link the re-seed needs; the"
                        + " instance that runs it now starts the re-seed over");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    static void awaitOnline(Link link, Duration timeout, BooleanSupplier owned)
            throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (link.state() != LinkState.ONLINE) {
            if (System.currentTimeMillis() > deadline) {
                throw new SQLException("link " + link.id() + " is " + link.state() + " after its resume: "
                        + link.status()
                                .pendingError()
                                .map(e -> e.code() + " " + e.message())
                                .orElse("")
                        + link.status().lastTransientError());
            }
            if (!owned.getAsBoolean()) {
                throw new IllegalStateException("this instance no longer runs the link the re-seed needs; the"
                        + " instance that runs it now starts the re-seed over");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
