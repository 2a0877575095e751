package io.shardhome.links.source;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.links.LinkException;
import io.shardhome.links.LinkException.Code;
import io.shardhome.links.SiteEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SQL session at a source master for what the binlog does not carry: the flavour (MariaDB or MySQL), its
 * server id (a link tells local writes from its peers' by it), the character set of each collation id (to
 * decode statements), and the current GTID position (for lag). Not thread-safe.
 */
public final class SourceMaster implements SourceCatalog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceMaster.class);

    private static final int NO_SUCH_TABLE = 1146;
    private static final int NO_SUCH_DATABASE = 1049;

    private final SiteEndpoint endpoint;
    private final Connection connection;
    private final boolean mariaDb;
    private final long serverId;
    private final Map<Integer, String[]> charsets;

    private SourceMaster(
            SiteEndpoint endpoint,
            Connection connection,
            boolean mariaDb,
            long serverId,
            Map<Integer, String[]> charsets) {
        this.endpoint = endpoint;
        this.connection = connection;
        this.mariaDb = mariaDb;
        this.serverId = serverId;
        this.charsets = charsets;
    }

    /** @throws LinkException {@code SOURCE_UNAVAILABLE} when the source cannot be reached */
    public static SourceMaster open(SiteEndpoint endpoint) {
        try {
            Connection c = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
            try {
                boolean mariaDb = single(c, "SELECT VERSION()").contains("MariaDB");
                long serverId = Long.parseLong(single(c, "SELECT @@server_id"));
                return new SourceMaster(endpoint, c, mariaDb, serverId, loadCharsets(c));
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new LinkException(
                    Code.SOURCE_UNAVAILABLE,
                    "cannot query source master " + endpoint + ": " + e.getMessage()
                            + "; the link retries until it is reachable",
                    e);
        }
    }

    @Override
    public boolean isMariaDb() {
        return mariaDb;
    }

    /** The source's {@code server_id}: the one its own (local) writes carry. */
    public long serverId() {
        return serverId;
    }

    @Override
    public String[] collation(int id) {
        String[] names = charsets.get(id);
        if (names == null) {
            throw new LinkException(
                    Code.EVENT_UNREADABLE,
                    "collation id " + id + " of a logged statement is unknown to source " + endpoint
                            + "; check that the source's information_schema.COLLATIONS lists it");
        }
        return names;
    }

    /**
     * The server ids that links applying into this source write under (their sources' ids, recorded in the
     * catalog at each claim), empty when no link applies here. A lone DDL statement under one of them was
     * applied by a link.
     *
     * @throws LinkException {@code SOURCE_UNAVAILABLE} when the catalog cannot be read
     */
    public Set<Long> linkOrigins() {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT origin_server_id FROM shardhome.link_position"
                        + " WHERE origin_server_id <> 0")) {
            Set<Long> ids = new HashSet<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_TABLE || e.getErrorCode() == NO_SUCH_DATABASE) {
                return Set.of();
            }
            throw new LinkException(
                    Code.SOURCE_UNAVAILABLE,
                    "cannot read which links apply into source " + endpoint + " (shardhome.link_position): "
                            + e.getMessage() + "; grant the link's account SELECT on shardhome.* there",
                    e);
        }
    }

    /** The source's current GTID position (MariaDB {@code gtid_binlog_pos}, MySQL {@code gtid_executed}). */
    public GtidSet currentGtid() {
        try {
            return GtidSet.parse(
                    single(connection, mariaDb ? "SELECT @@GLOBAL.gtid_binlog_pos" : "SELECT @@GLOBAL.gtid_executed"));
        } catch (SQLException e) {
            throw new LinkException(
                    Code.SOURCE_UNAVAILABLE,
                    "cannot read the GTID position of source " + endpoint + ": " + e.getMessage()
                            + "; the link retries until it is reachable",
                    e);
        }
    }

    private static Map<Integer, String[]> loadCharsets(Connection c) throws SQLException {
        Map<Integer, String[]> charsets = new HashMap<>();
        readCharsets(c, "SELECT ID, CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLLATIONS", charsets);
        try {
            readCharsets(
                    c,
                    "SELECT ID, CHARACTER_SET_NAME, FULL_COLLATION_NAME FROM"
                            + " information_schema.COLLATION_CHARACTER_SET_APPLICABILITY WHERE ID IS NOT NULL",
                    charsets);
        } catch (SQLException e) {
            LOG.debug("source has no collation ids per character set ({}); COLLATIONS is enough", e.getMessage());
        }
        charsets.put(63, new String[] {Charsets.BINARY, Charsets.BINARY});
        return charsets;
    }

    private static void readCharsets(Connection c, String sql, Map<Integer, String[]> into) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                if (rs.getObject(1) != null) {
                    into.put(rs.getInt(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the session at source {} failed: {}", endpoint, e.toString());
        }
    }
}
