package io.shardhome.service.reseed;

import io.shardhome.directory.view.ShardMapView;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.links.Link;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.service.consistency.Snapshots;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Repairs a link stopped with BINLOG_PURGED (its source no longer has the binlog after the link's position):
 * every shard homed at the source is copied at one point g ({@link ReseedCopy}), then the link's stored
 * position (every channel's row) is moved to g, unlogged, and the link resumes from there. Nothing before g is
 * needed any more (the copies hold it) and nothing after g is missed (the source still has it). Stateless.
 */
final class PurgedRepair {
    private PurgedRepair() {}

    /** The shards homed at the link's source in the current map: what the repair must copy. */
    static List<String> shardsOf(Link link, ShardMapView view) {
        String home = link.config().source().site();
        return view.current().sorted().stream()
                .filter(d -> d.home().isSite(home))
                .map(ShardDefinition::shardId)
                .toList();
    }

    static Reseeder.Result run(
            Link link, ShardMapView view, Reseeder.Settings settings, Reseeder.Progress progress, BooleanSupplier owned)
            throws SQLException, InterruptedException {
        List<String> shards = shardsOf(link, view);
        SiteEndpoint home = link.config().source();
        SiteEndpoint copy = link.config().target();
        progress.phase(
                "COPYING",
                "link " + link.id() + " lost the binlog after its position (BINLOG_PURGED): copying"
                        + " every shard homed at " + home.site() + " at one point: " + String.join(", ", shards));
        ReseedCopy.Copied copied = new ReseedCopy(home, copy, settings.workers()).run(shards, progress::rows);
        GtidSet g = copied.gtid();
        if (!owned.getAsBoolean()) {
            throw new IllegalStateException("this instance no longer runs link " + link.id());
        }
        progress.phase(
                "CATCHING_UP",
                "copied " + copied.tables() + " tables, " + copied.rows() + " rows at " + g + "; link " + link.id()
                        + " resumes from there");
        moveTo(copy, link.id(), g);
        link.resume();
        Catchup.awaitOnline(link, settings.holdWait(), owned);
        Catchup.awaitCovers(link, g, settings.catchUp(), owned);
        progress.phase("DONE", "link " + link.id() + " runs again from " + g);
        return new Reseeder.Result(g.toString(), g.toString(), copied.tables(), copied.rows());
    }

    /** Sets every position row of the link (its channels' too) to {@code g}, unlogged. */
    private static void moveTo(SiteEndpoint target, String linkId, GtidSet g) throws SQLException {
        try (Connection c = Snapshots.open(target);
                Statement unlogged = c.createStatement();
                PreparedStatement s = c.prepareStatement("UPDATE shardhome.link_position SET gtid_set = ?,"
                        + " last_gtid = '', binlog_file = '', binlog_pos = 0 WHERE link_id = ?"
                        + " OR LEFT(link_id, CHAR_LENGTH(?) + 1) = CONCAT(?, '#')")) {
            unlogged.execute("SET SESSION sql_log_bin = 0");
            s.setString(1, g.toString());
            s.setString(2, linkId);
            s.setString(3, linkId);
            s.setString(4, linkId);
            if (s.executeUpdate() == 0) {
                throw new SQLException("link " + linkId + " has no position row at " + target + " to move to " + g);
            }
        }
    }
}
