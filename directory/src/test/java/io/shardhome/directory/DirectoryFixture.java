package io.shardhome.directory;

import io.shardhome.directory.site.Site;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.directory.zk.ZooKeeperClients;
import io.shardhome.directory.zk.ZooKeeperSettings;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;

/**
 * Test support (also shipped in the test-jar for other modules): a directory on a real in-process
 * ZooKeeper. Each fixture gets its own root, so several may share one {@link TestingServer}.
 */
public final class DirectoryFixture implements AutoCloseable {
    private static final AtomicInteger ROOTS = new AtomicInteger();

    private final CuratorFramework client;
    private final DirectoryStore store;

    private DirectoryFixture(CuratorFramework client, DirectoryStore store) {
        this.client = client;
        this.store = store;
    }

    /** A fresh, initialised directory under a unique root on {@code connectString}. */
    public static DirectoryFixture on(String connectString) {
        return on(connectString, StoreOptions.defaults());
    }

    public static DirectoryFixture on(String connectString, StoreOptions options) {
        CuratorFramework client = ZooKeeperClients.start(ZooKeeperSettings.of(connectString));
        DirectoryLayout layout = DirectoryLayout.forCluster("test" + ROOTS.incrementAndGet());
        return new DirectoryFixture(client, new DirectoryStore(client, layout, options).initialize());
    }

    public CuratorFramework client() {
        return client;
    }

    public DirectoryStore store() {
        return store;
    }

    public DirectoryLayout layout() {
        return store.layout();
    }

    /** Registers ACTIVE sites on localhost with made-up ports; returns the new map version. */
    public long registerSites(String... names) {
        long version = store.version();
        int port = 3306;
        for (String name : names) {
            version = store.registerSite(Site.of(name, "127.0.0.1", port++), version);
        }
        return version;
    }

    @Override
    public void close() {
        client.close();
    }
}
