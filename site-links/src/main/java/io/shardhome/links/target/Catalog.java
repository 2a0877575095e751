package io.shardhome.links.target;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.source.BinlogPosition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The per-site catalog schema {@code shardhome}, created and migrated by Flyway, and the statements on
 * its {@code link_position} table. Stateless and thread-safe.
 */
public final class Catalog {
    public static final String SCHEMA = "shardhome";
    static final String UPDATE_POSITION = "UPDATE shardhome.link_position SET source_site=?, gtid_set=?,"
            + " last_gtid=?, binlog_file=?, binlog_pos=?, source_commit_time=FROM_UNIXTIME(NULLIF(?, 0)),"
            + " applied_at=NOW(6), applied_count=applied_count+? WHERE link_id=? AND holder_epoch=?";

    /** The version of the newest migration under {@code db/shardhome} ({@code CatalogTest} keeps it true). */
    static final String LATEST_VERSION = "4";

    private Catalog() {}

    /**
     * Creates or migrates the catalog at {@code site}. Runs with {@code sql_log_bin=0}: the catalog is
     * site-local, and Flyway's probes (it creates and drops a randomly named schema) must not reach the
     * binlog, where links would take them for application DDL of an unknown shard.
     *
     * @throws LinkException {@code CATALOG_FAILED} (or {@code TARGET_UNAVAILABLE}) when it cannot
     */
    public static void migrate(SiteEndpoint site) {
        if (isCurrent(site)) {
            return;
        }
        try {
            Flyway.configure()
                    .dataSource(site.jdbcUrl(), site.user(), site.password())
                    .schemas(SCHEMA)
                    .createSchemas(true)
                    .locations("classpath:db/shardhome")
                    .connectRetries(0)
                    .initSql("SET SESSION sql_log_bin=0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            Code code = e.getCause() instanceof SQLException sql && SqlErrors.isConnectionLoss(sql)
                    ? Code.TARGET_UNAVAILABLE
                    : Code.CATALOG_FAILED;
            throw new LinkException(
                    code,
                    "the catalog schema " + SCHEMA + " at " + site + " could not be migrated: " + e.getMessage()
                            + "; check that the link's account may create and alter " + SCHEMA,
                    e);
        }
    }

    /**
     * Whether the catalog at {@code site} already has the newest migration: one query instead of a Flyway
     * run (about 100 ms) on every link start. Any failure means "not known to be current", and Flyway,
     * which runs next, reports what is wrong.
     */
    private static boolean isCurrent(SiteEndpoint site) {
        try (Connection c = DriverManager.getConnection(site.jdbcUrl(), site.user(), site.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM " + SCHEMA + ".flyway_schema_history"
                        + " WHERE success=1 ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() && LATEST_VERSION.equals(rs.getString(1));
        } catch (SQLException e) {
            return false;
        }
    }

    /** The stored position of {@code linkId}, if the link has run against this target before. */
    public static Optional<LinkPosition> load(Connection c, String linkId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT source_site, gtid_set, last_gtid, binlog_file,"
                + " binlog_pos FROM shardhome.link_position WHERE link_id=?")) {
            s.setString(1, linkId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LinkPosition(
                        linkId,
                        rs.getString(1),
                        GtidSet.parse(rs.getString(2)),
                        rs.getString(3),
                        new BinlogPosition(rs.getString(4), rs.getLong(5))));
            }
        }
    }

    /**
     * Makes {@code epoch} the holder of link row {@code linkId} unless a later holder claimed it already, and
     * records the server id the link writes under ({@code originServerId}, its source's: see V4);
     * waits for the row lock of a transaction the previous holder still has open. Returns the row's epoch
     * afterwards ({@code epoch}, or the later holder's). Unlogged, uncommitted: the caller commits.
     */
    public static long claim(Connection c, String linkId, long epoch, long originServerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE shardhome.link_position SET holder_epoch=?,"
                + " origin_server_id=? WHERE link_id=? AND holder_epoch<=?")) {
            s.setLong(1, epoch);
            s.setLong(2, originServerId);
            s.setString(3, linkId);
            s.setLong(4, epoch);
            s.executeUpdate();
        }
        return holderEpoch(c, linkId);
    }

    /** The epoch of the holder of link row {@code linkId}, or -1 when there is no such row. */
    public static long holderEpoch(Connection c, String linkId) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT holder_epoch FROM shardhome.link_position WHERE link_id=?")) {
            s.setString(1, linkId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** Stores the first position of a link (not logged: it carries no data and must not echo). */
    public static void create(Connection c, LinkPosition position, String targetSite) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT IGNORE INTO shardhome.link_position"
                + " (link_id, source_site, target_site, gtid_set) VALUES (?,?,?,?)")) {
            s.setString(1, position.linkId());
            s.setString(2, position.sourceSite());
            s.setString(3, targetSite);
            s.setString(4, position.gtidSet().toString());
            s.executeUpdate();
        }
    }

    /** Work on a catalog session. */
    public interface CatalogWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} on a short session at {@code target}.
     *
     * @throws LinkException classified by {@link SqlErrors} when it fails ({@code what} names the work)
     */
    public static <T> T atTarget(SiteEndpoint target, String what, CatalogWork<T> work) {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            return work.run(c);
        } catch (SQLException e) {
            throw SqlErrors.classify(e, target.toString(), what);
        }
    }

    /** The shards link {@code linkId} leaves out at this target (see {@code V2__link_exclusion.sql}). */
    public static Set<String> exclusions(Connection c, String linkId) throws SQLException {
        Set<String> shards = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT shard FROM shardhome.link_exclusion WHERE link_id=?")) {
            s.setString(1, linkId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    shards.add(rs.getString(1));
                }
            }
        }
        return shards;
    }

    /** Records (unlogged: the catalog is site-local) that link {@code linkId} leaves {@code shard} out. */
    public static void exclude(Connection c, String linkId, String shard, String since, String reason)
            throws SQLException {
        try (Statement unlogged = c.createStatement();
                PreparedStatement s = c.prepareStatement("REPLACE INTO shardhome.link_exclusion (link_id, shard,"
                        + " since_gtid, reason) VALUES (?,?,?,?)")) {
            unlogged.execute("SET SESSION sql_log_bin=0");
            s.setString(1, linkId);
            s.setString(2, shard);
            s.setString(3, since);
            s.setString(4, reason.length() > 255 ? reason.substring(0, 255) : reason);
            s.executeUpdate();
        }
    }

    /** Removes an exclusion (unlogged). */
    public static void include(Connection c, String linkId, String shard) throws SQLException {
        try (Statement unlogged = c.createStatement();
                PreparedStatement s =
                        c.prepareStatement("DELETE FROM shardhome.link_exclusion WHERE link_id=? AND shard=?")) {
            unlogged.execute("SET SESSION sql_log_bin=0");
            s.setString(1, linkId);
            s.setString(2, shard);
            s.executeUpdate();
        }
    }

    /** Removes a link's position rows, its channels' included (a finished helper link's; unlogged). */
    public static void forget(Connection c, String linkId) throws SQLException {
        try (Statement unlogged = c.createStatement();
                PreparedStatement s = c.prepareStatement(
                        "DELETE FROM shardhome.link_position WHERE link_id=? OR LEFT(link_id, CHAR_LENGTH(?) + 1)"
                                + " = CONCAT(?, '#')")) {
            unlogged.execute("SET SESSION sql_log_bin=0");
            s.setString(1, linkId);
            s.setString(2, linkId);
            s.setString(3, linkId);
            s.executeUpdate();
        }
    }

    /**
     * What link {@code linkId} has processed into this target over all its apply channels: the earliest of
     * its position rows {@code linkId}, {@code linkId#1}, ... (each says "everything routed to me up to
     * here is applied"), so that it covers a source position only when every channel has passed it. Empty
     * when the link has no row here.
     */
    public static GtidSet processed(Connection c, String linkId) throws SQLException {
        return GtidSet.earliest(channelRows(c, linkId).values());
    }

    /**
     * Makes the position rows of link {@code linkId} at {@code target} fit {@code channels} apply channels
     * before the link opens: a graceful stop leaves all rows equal, and then the rows of channels {@code >=
     * channels} are deleted (unlogged), so that they do not hold back {@link #processed} for ever. Rows that
     * differ mean the link stopped without finishing its channels (a crash): changing the count then would
     * re-route shards past transactions their old channel had not applied, so it is refused.
     *
     * @throws LinkException {@code CHANNEL_COUNT_CHANGED} as above; {@code TARGET_UNAVAILABLE} when the target
     *     cannot be reached
     */
    public static void retainChannels(SiteEndpoint target, String linkId, int channels) {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            Map<Integer, GtidSet> rows = channelRows(c, linkId);
            boolean stale = rows.keySet().stream().anyMatch(channel -> channel >= channels);
            boolean countChanges = stale || (rows.size() > 1 && rows.size() != channels);
            if (!countChanges) {
                return;
            }
            if (new HashSet<>(rows.values()).size() > 1) {
                throw new LinkException(
                        Code.CHANNEL_COUNT_CHANGED,
                        "link " + linkId + " ran with " + rows.size() + " apply channels at " + target
                                + " and stopped without finishing them (their positions differ: " + rows
                                + "); start it with channels=" + rows.size() + " so that it catches up, stop it"
                                + " gracefully (that leaves its positions equal), then change the count to "
                                + channels);
            }
            deleteChannelsFrom(c, linkId, channels, rows);
        } catch (SQLException e) {
            throw SqlErrors.classify(e, target.toString(), "fitting the channel positions of link " + linkId);
        }
    }

    /** The position rows of {@code linkId} by channel number (0 for {@code linkId} itself). */
    private static Map<Integer, GtidSet> channelRows(Connection c, String linkId) throws SQLException {
        Map<Integer, GtidSet> rows = new TreeMap<>();
        String prefix = linkId + "#";
        try (PreparedStatement s = c.prepareStatement(
                "SELECT link_id, gtid_set FROM shardhome.link_position" + " WHERE link_id=? OR LEFT(link_id, ?)=?")) {
            s.setString(1, linkId);
            s.setInt(2, prefix.length());
            s.setString(3, prefix);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    int channel = id.equals(linkId) ? 0 : channelNumber(id.substring(prefix.length()));
                    if (channel >= 0) {
                        rows.put(channel, GtidSet.parse(rs.getString(2)));
                    }
                }
            }
        }
        return rows;
    }

    private static int channelNumber(String suffix) {
        try {
            return Integer.parseInt(suffix);
        } catch (NumberFormatException notAChannel) {
            return -1;
        }
    }

    private static void deleteChannelsFrom(Connection c, String linkId, int channels, Map<Integer, GtidSet> rows)
            throws SQLException {
        List<String> stale = new ArrayList<>();
        rows.keySet().stream().filter(n -> n >= channels).forEach(n -> stale.add(linkId + "#" + n));
        try (Statement unlogged = c.createStatement();
                PreparedStatement delete = c.prepareStatement("DELETE FROM shardhome.link_position WHERE link_id=?")) {
            unlogged.execute("SET SESSION sql_log_bin=0");
            for (String id : stale) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
        }
    }
}
