package io.shardhome.links.testing;

import io.shardhome.links.SiteEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The master of one test site, whatever its {@link Flavour}: embedded MariaDB by default, a MySQL 8
 * container under {@code -Pmysql8}. Binlog on (ROW, FULL image, FULL row metadata, GTIDs), its own
 * {@code server_id} (MariaDB: also {@code gtid_domain_id}), and an account {@value #USER} with all
 * privileges created without writing the binlog. Obtain instances from {@link MariaDbSites#get(String)}.
 * Thread-safe: every call opens its own session.
 */
public final class MariaDbSite {
    public static final String USER = "shardhome";
    public static final String PASSWORD = "shardhome-secret";
    /** The account links use in tests, so that tests can kill exactly the links' sessions. */
    public static final String LINK_USER = "link";

    private static final Set<String> SYSTEM_SCHEMAS =
            Set.of("mysql", "information_schema", "performance_schema", "sys");

    private final String site;
    private final int id;
    private final Flavour flavour;
    private final SiteServer server;

    private MariaDbSite(String site, int id, Flavour flavour, SiteServer server) {
        this.site = site;
        this.id = id;
        this.flavour = flavour;
        this.server = server;
    }

    static MariaDbSite start(String site, int id, Flavour flavour, SiteServer.Factory servers) {
        return new MariaDbSite(site, id, flavour, servers.start(site, id));
    }

    public String site() {
        return site;
    }

    public Flavour flavour() {
        return flavour;
    }

    public String host() {
        return server.host();
    }

    public int port() {
        return server.port();
    }

    /** The {@code server_id} (MariaDB: also the {@code gtid_domain_id}) of this site's master. */
    public int serverId() {
        return id;
    }

    /** The master as a link reaches it (account {@value #LINK_USER}). */
    public SiteEndpoint endpoint() {
        return new SiteEndpoint(site, host(), port(), LINK_USER, PASSWORD);
    }

    /** Kills every session of the links' account at once, mid-statement: a link crash as the server sees it. */
    public int killLinkSessions() {
        List<List<String>> sessions =
                rows("SELECT ID FROM information_schema.PROCESSLIST WHERE USER='" + LINK_USER + "'");
        for (List<String> session : sessions) {
            try {
                execute("KILL CONNECTION " + session.get(0));
            } catch (IllegalStateException gone) {
                // The session ended between listing and killing it; that is what we wanted anyway.
            }
        }
        return sessions.size();
    }

    /** A session of the test account {@value #USER} (not the links' account). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(endpoint().jdbcUrl(), USER, PASSWORD);
    }

    /** Runs statements in order on one auto-commit session (as an application would). */
    public void execute(String... statements) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed at site " + site + ": " + e.getMessage(), e);
        }
    }

    /** Runs statements in one transaction. */
    public void inTransaction(String... statements) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : statements) {
                s.execute(sql);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("transaction failed at site " + site + ": " + e.getMessage(), e);
        }
    }

    /** All rows of a query, each column rendered as a string (null stays null). */
    public List<List<String>> rows(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed at site " + site + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row, or null when there is no row. */
    public String value(String sql) {
        List<List<String>> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public long count(String table) {
        return schemaExists(table.substring(0, table.indexOf('.')))
                ? Long.parseLong(value("SELECT COUNT(*) FROM " + table))
                : -1;
    }

    public boolean schemaExists(String schema) {
        return value("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME='" + schema + "'") != null;
    }

    /**
     * The master's current GTID position (MariaDB {@code @@gtid_binlog_pos}, MySQL {@code @@gtid_executed}
     * without line breaks): where a new link should start.
     */
    public String gtidPosition() {
        String pos = value(flavour.isMariaDb() ? "SELECT @@GLOBAL.gtid_binlog_pos" : "SELECT @@GLOBAL.gtid_executed");
        return pos == null ? "" : pos.replace("\n", "");
    }

    /**
     * How every GTID this master writes begins: MariaDB {@code domain-server-} (both this site's id), MySQL
     * {@code server_uuid:}.
     */
    public String gtidPrefix() {
        return flavour.isMariaDb() ? id + "-" + id + "-" : value("SELECT @@server_uuid") + ":";
    }

    /** Drops every user schema and the catalog without writing the binlog: a clean site for the next test. */
    public void dropUserSchemas() {
        List<String> schemas = new ArrayList<>();
        for (List<String> row : rows("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA")) {
            if (!SYSTEM_SCHEMAS.contains(row.get(0))) {
                schemas.add("DROP DATABASE `" + row.get(0) + "`");
            }
        }
        schemas.add(0, "SET sql_log_bin=0");
        execute(schemas.toArray(String[]::new));
    }

    /** Kills this master with SIGKILL (a site dies); {@link #restart()} brings it back with its data. */
    public void kill() {
        server.kill();
    }

    /** Stops and starts this master (same host, port and data): a target restart mid-stream. */
    public void restart() {
        server.restart();
    }
}
