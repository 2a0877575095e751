package io.shardhome.directory;

import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.directory.blob.MoveRecordStore;
import io.shardhome.directory.client.ShardLocator;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.MapImporter;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.directory.view.ZkShardMapView;
import io.shardhome.directory.zk.EmbeddedZooKeeper;
import io.shardhome.directory.zk.ZooKeeperClients;
import io.shardhome.directory.zk.ZooKeeperSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;

/**
 * Everything a shardhome process needs from the directory, started together: ZooKeeper (the configured
 * ensemble, or an embedded single node when none is configured), the Curator client, the store, a
 * watching view, the lookup client and the blob stores.
 *
 * <p>Start once with {@link #open}; {@link #close} stops everything it started, in reverse order, and
 * is idempotent. Thread-safe.
 */
public final class Directory implements AutoCloseable {
    private final EmbeddedZooKeeper embedded;
    private final CuratorFramework client;
    private final DirectoryStore store;
    private final ZkShardMapView view;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Directory(EmbeddedZooKeeper embedded, CuratorFramework client, DirectoryStore store, ZkShardMapView view) {
        this.embedded = embedded;
        this.client = client;
        this.store = store;
        this.view = view;
    }

    /**
     * Connects (starting an embedded ZooKeeper if no connect string is set), initialises the tree and
     * waits up to 30 s for the view's first snapshot.
     *
     * @throws DirectoryException {@code UNAVAILABLE} when ZooKeeper cannot be reached or started
     */
    public static Directory open(DirectoryConfig config) {
        EmbeddedZooKeeper embedded = config.usesEmbeddedZooKeeper()
                ? EmbeddedZooKeeper.start(config.embeddedDataDir(), config.embeddedPort())
                : null;
        CuratorFramework client = null;
        try {
            String connect = embedded != null ? embedded.connectString() : config.connectString();
            ZooKeeperSettings settings = ZooKeeperSettings.of(connect);
            if (!config.digestUser().isEmpty()) {
                settings = settings.withDigest(config.digestUser(), config.digestPassword());
            }
            client = ZooKeeperClients.start(settings);
            DirectoryLayout layout = DirectoryLayout.forCluster(config.cluster());
            StoreOptions options = new StoreOptions(config.actor(), config.maxAuditRecords(), null);
            DirectoryStore store = new DirectoryStore(client, layout, options).initialize();
            ZkShardMapView view = ZkShardMapView.start(client, layout, config.refreshInterval());
            view.awaitReady(Duration.ofSeconds(30));
            return new Directory(embedded, client, store, view);
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    public DirectoryStore store() {
        return store;
    }

    public MapImporter importer() {
        return new MapImporter(store);
    }

    public ZkShardMapView view() {
        return view;
    }

    public ShardLocator locator() {
        return new ShardLocator(view);
    }

    public LinkStatusStore linkStatus() {
        return new LinkStatusStore(client, store.layout());
    }

    public MoveRecordStore moveRecords() {
        return new MoveRecordStore(client, store.layout());
    }

    public CuratorFramework client() {
        return client;
    }

    /** The embedded server's connect string, or the configured one. */
    public String connectString() {
        return client.getZookeeperClient().getCurrentConnectionString();
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            view.close();
            client.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
