package io.shardhome.directory.client;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.view.DirectorySnapshotSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DataSource} that hands out connections to the home master of the thread's current shard
 * ({@link ShardContext}), so an application needs no routing code. The connection's catalog is set to
 * the shard's schema, and the connection is pinned to the shard: using it for another shard fails with
 * {@link CrossShardException}, so a transaction never spans two shards.
 *
 * <p>Moves: while the shard is FENCED, a read-write request waits up to {@link RoutingOptions#fenceWait()}
 * for the fence to end and then goes to the shard's (new) home; after a recent fence it also checks that
 * writes are open there before handing out the connection. When the wait runs out it fails with the
 * retryable {@link ShardFencedException}. Read-only work ({@link AccessMode#READ_ONLY}, or {@link
 * #readOnly()}) is never refused: it goes to the home master or, when {@link RoutingOptions#readRouting()}
 * allows, to a fresh copy. A connection obtained before a fence is not revoked: the move also blocks
 * writes at the old home. {@code #LOCAL} shards go to the local site.
 *
 * <p>Thread-safe. Per-site DataSources are created lazily, one per distinct endpoint, and closed by
 * {@link #close} when they are {@link AutoCloseable}. Pools should reset a connection's catalog when it is
 * returned (HikariCP: a pool catalog), so that every request switches schema and sees current grants.
 */
public final class ShardRoutingDataSource extends RoutingDataSourceBase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShardRoutingDataSource.class);
    private static final long PROBE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final DirectorySnapshotSource source;
    private final ShardLocator locator;
    private final SiteDataSourceFactory factory;
    private final RoutingOptions options;
    private final Map<String, DataSource> bySiteEndpoint = new ConcurrentHashMap<>();
    /** Per shard: when writes were last found open (or the check gave up) after a fence. */
    private final Map<String, Long> writesCheckedNanos = new ConcurrentHashMap<>();

    private final DataSource readOnly = new ReadOnlyView();

    /**
     * Routes without waiting: a FENCED shard refuses writes at once, reads go to the home.
     *
     * @param localSite the site this application runs at, for {@code #LOCAL} shards; null if none
     */
    public ShardRoutingDataSource(ShardLocator locator, SiteDataSourceFactory factory, String localSite) {
        this(locator.source(), factory, RoutingOptions.defaults(localSite));
    }

    public ShardRoutingDataSource(
            DirectorySnapshotSource source, SiteDataSourceFactory factory, RoutingOptions options) {
        this.source = source;
        this.locator = new ShardLocator(source);
        this.factory = factory;
        this.options = options;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return route(null, null, null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return route(null, username, password);
    }

    /**
     * The same routing for read-only work whatever the thread's {@link AccessMode}: e.g. Spring's {@code
     * LazyConnectionDataSourceProxy#setReadOnlyDataSource}, so {@code @Transactional(readOnly = true)} work
     * may be served by a fresh copy.
     */
    public DataSource readOnly() {
        return readOnly;
    }

    private Connection route(AccessMode forced, String username, String password) throws SQLException {
        ShardContext.Current current = ShardContext.current()
                .orElseThrow(() -> new SQLNonTransientConnectionException(
                        "no current shard on this thread; wrap the work in ShardContext.run(shardId, ...) (Spring:"
                                + " a @ShardId parameter)",
                        "08001"));
        String shard = current.shardId();
        if ((forced != null ? forced : current.mode()) == AccessMode.READ_ONLY) {
            ShardLocation location = locate(shard);
            return open(readSite(location), location, true, username, password);
        }
        long deadline = System.nanoTime() + options.fenceWait().toNanos();
        while (true) {
            ShardLocation location = awaitUnfenced(shard, deadline);
            Connection connection = open(homeSite(location), location, false, username, password);
            if (writesOpen(connection, location, deadline)) {
                return connection;
            }
            connection.close();
            LockSupport.parkNanos(Math.min(PROBE_PAUSE_NANOS, Math.max(0, deadline - System.nanoTime())));
        }
    }

    /** The shard's location once it is not FENCED; waits for newer maps until {@code deadline}. */
    private ShardLocation awaitUnfenced(String shard, long deadline) throws SQLException {
        long started = System.nanoTime();
        ShardLocation location = locate(shard);
        while (location.isFenced()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ShardFencedException(
                        shard, location.mapVersion(), Duration.ofNanos(System.nanoTime() - started));
            }
            try {
                source.awaitNewerThan(location.mapVersion(), Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLTransientConnectionException(
                        "interrupted while waiting for the fence of shard '" + shard + "' to end", "08004", e);
            }
            location = locate(shard);
        }
        return location;
    }

    /**
     * True unless the shard was fenced since writes were last found open and the account still cannot
     * write it at this master; at the deadline it gives up checking (the write itself will say why).
     */
    private boolean writesOpen(Connection connection, ShardLocation location, long deadline) throws SQLException {
        String shard = location.shardId();
        OptionalLong fenced = options.fenceHistory().lastFencedNanos(shard);
        Long checked = writesCheckedNanos.get(shard);
        if (fenced.isEmpty() || (checked != null && checked - fenced.getAsLong() >= 0)) {
            return true;
        }
        if (WritesOpenProbe.writable(connection, shard)) {
            writesCheckedNanos.put(shard, System.nanoTime());
            return true;
        }
        if (System.nanoTime() - deadline >= 0) {
            writesCheckedNanos.put(shard, System.nanoTime());
            LOG.warn(
                    "shard '{}' was fenced and its home {} still lists no write privilege for this account after"
                            + " {} ms; handing out the connection anyway (if its grants come from roles, that is"
                            + " expected)",
                    shard,
                    location.home(),
                    options.fenceWait().toMillis());
            return true;
        }
        return false;
    }

    private ShardLocation locate(String shardId) throws SQLException {
        try {
            return locator.locate(shardId);
        } catch (DirectoryException e) {
            throw new SQLNonTransientConnectionException(e.getMessage(), "08001", e);
        }
    }

    private Site readSite(ShardLocation location) throws SQLException {
        Optional<String> copy = options.readRouting().copySite(location);
        return copy.isPresent() ? site(copy.get()) : homeSite(location);
    }

    private Site homeSite(ShardLocation location) throws SQLException {
        if (location.master() != null) {
            return location.master();
        }
        if (options.localSite() == null) {
            throw new SQLNonTransientConnectionException(
                    "shard '" + location.shardId() + "' is #LOCAL and no local site is configured; configure the"
                            + " site this application runs at",
                    "08001");
        }
        return site(options.localSite());
    }

    private Site site(String name) throws SQLException {
        try {
            return locator.siteNamed(name);
        } catch (DirectoryException e) {
            throw new SQLNonTransientConnectionException(e.getMessage(), "08001", e);
        }
    }

    private Connection open(Site site, ShardLocation location, boolean readOnly, String username, String password)
            throws SQLException {
        DataSource target = bySiteEndpoint.computeIfAbsent(endpointKey(site), key -> factory.create(site));
        Connection connection = username == null ? target.getConnection() : target.getConnection(username, password);
        try {
            connection.setCatalog(location.shardId());
            connection.setReadOnly(readOnly);
            return ShardConnection.pin(connection, location.shardId());
        } catch (SQLException | RuntimeException e) {
            closeAfterFailure(connection, e);
            throw e;
        }
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

    /** {@link #readOnly()}. */
    private final class ReadOnlyView extends RoutingDataSourceBase {
        @Override
        public Connection getConnection() throws SQLException {
            return route(AccessMode.READ_ONLY, null, null);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return route(AccessMode.READ_ONLY, username, password);
        }
    }
}
