package io.shardhome.directory.client;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.site.Site;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that hands out connections to the home master of the thread's current shard
 * ({@link ShardContext}), so an application needs no routing code. The connection's catalog is set to
 * the shard's schema. While the shard is FENCED, read-write connections are refused with a retryable
 * {@link ShardFencedException}; {@link AccessMode#READ_ONLY} work still gets a read-only connection.
 *
 * <p>Works as a plain DataSource and in Spring (declare it as the application's DataSource bean). A
 * connection obtained before a fence is not revoked: the move protocol also blocks writes at the source
 * master. {@code #LOCAL} shards go to {@code localSite} when one is configured.
 *
 * <p>Thread-safe. Per-site DataSources are created lazily, one per distinct endpoint, and closed by
 * {@link #close} when they are {@link AutoCloseable}.
 */
public final class ShardRoutingDataSource implements DataSource, AutoCloseable {
    private final ShardLocator locator;
    private final SiteDataSourceFactory factory;
    private final String localSite;
    private final Map<String, DataSource> bySiteEndpoint = new ConcurrentHashMap<>();

    /**
     * @param localSite the site this application runs at, for {@code #LOCAL} shards; null if none
     */
    public ShardRoutingDataSource(ShardLocator locator, SiteDataSourceFactory factory, String localSite) {
        this.locator = locator;
        this.factory = factory;
        this.localSite = localSite;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return route(null, null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return route(username, password);
    }

    private Connection route(String username, String password) throws SQLException {
        ShardContext.Current current = ShardContext.current()
                .orElseThrow(() -> new SQLNonTransientConnectionException(
                        "no current shard on this thread; wrap the work in ShardContext.enter(shardId)", "08001"));
        ShardLocation location = locate(current.shardId());
        if (location.isFenced() && current.mode() == AccessMode.READ_WRITE) {
            throw new ShardFencedException(location.shardId(), location.mapVersion());
        }
        DataSource target = dataSourceFor(location);
        Connection connection = username == null ? target.getConnection() : target.getConnection(username, password);
        try {
            connection.setCatalog(location.shardId());
            connection.setReadOnly(current.mode() == AccessMode.READ_ONLY);
            return connection;
        } catch (SQLException | RuntimeException e) {
            closeAfterFailure(connection, e);
            throw e;
        }
    }

    private ShardLocation locate(String shardId) throws SQLException {
        try {
            return locator.locate(shardId);
        } catch (DirectoryException e) {
            throw new SQLNonTransientConnectionException(e.getMessage(), "08001", e);
        }
    }

    private DataSource dataSourceFor(ShardLocation location) throws SQLException {
        Site site = location.master();
        if (site == null) {
            if (localSite == null) {
                throw new SQLNonTransientConnectionException(
                        "shard '" + location.shardId() + "' is #LOCAL and no "
                                + "local site is configured; pass localSite to ShardRoutingDataSource",
                        "08001");
            }
            site = locator.siteNamed(localSite);
        }
        Site endpoint = site;
        return bySiteEndpoint.computeIfAbsent(endpointKey(endpoint), key -> factory.create(endpoint));
    }

    private static String endpointKey(Site site) {
        return site.name() + "|" + site.host() + "|" + site.port() + "|" + site.jdbcParams();
    }

    private static void closeAfterFailure(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException closeFailure) {
            failure.addSuppressed(closeFailure);
        }
    }

    /** Closes every per-site DataSource that is {@link AutoCloseable}. Idempotent. */
    @Override
    public void close() throws Exception {
        Exception first = null;
        for (DataSource ds : bySiteEndpoint.values()) {
            if (ds instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        }
        bySiteEndpoint.clear();
        if (first != null) {
            throw first;
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("ShardRoutingDataSource does not wrap " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // routing has no log writer of its own; configure the per-site DataSources instead
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the per-site DataSources own their timeouts; configure them in the factory
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("ShardRoutingDataSource uses SLF4J, not java.util.logging");
    }
}
