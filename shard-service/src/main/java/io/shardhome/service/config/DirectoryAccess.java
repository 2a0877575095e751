package io.shardhome.service.config;

import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.directory.view.ZkShardMapView;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's way into the directory: stores that record the calling principal in the audit trail,
 * and the live in-memory view that serves reads and lookups.
 *
 * <p>Reads come from the view, so they cost no ZooKeeper round trip. After a write the caller waits
 * ({@link #awaitVersion}) until the view shows it, so one instance always reads its own writes; other
 * instances see a write after their view's watch fires (typically milliseconds).
 *
 * <p>Thread-safe. Does not own the Curator client; {@link #close()} closes the view only.
 */
public final class DirectoryAccess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DirectoryAccess.class);
    private static final Duration WRITE_VISIBLE_TIMEOUT = Duration.ofSeconds(10);

    private final CuratorFramework client;
    private final DirectoryLayout layout;
    private final ZkShardMapView view;
    private final LinkStatusStore linkStatuses;
    private final Map<String, DirectoryStore> storesByActor = new ConcurrentHashMap<>();
    private final Object versionMonitor = new Object();

    public DirectoryAccess(CuratorFramework client, DirectoryLayout layout, ZkShardMapView view) {
        this.client = client;
        this.layout = layout;
        this.view = view;
        this.linkStatuses = new LinkStatusStore(client, layout);
        view.addListener(map -> {
            synchronized (versionMonitor) {
                versionMonitor.notifyAll();
            }
        });
    }

    /** A store whose audit records name {@code actor}. Principals are few (configured), so stores are cached. */
    public DirectoryStore storeFor(String actor) {
        return storesByActor.computeIfAbsent(
                actor,
                a -> new DirectoryStore(client, layout, StoreOptions.defaults().withActor(a)));
    }

    /** The latest snapshot of the view; a volatile read, no I/O. */
    public DirectorySnapshot snapshot() {
        return view.snapshot();
    }

    public ZkShardMapView view() {
        return view;
    }

    public CuratorFramework client() {
        return client;
    }

    public DirectoryLayout layout() {
        return layout;
    }

    /** The statuses links publish in the directory (read with a ZooKeeper round trip per call). */
    public LinkStatusStore linkStatuses() {
        return linkStatuses;
    }

    /**
     * Waits until the view shows at least {@code version}. Returns after a bound even if it does not (the
     * write is committed either way; the view catches up on its own), logging why.
     */
    public void awaitVersion(long version) {
        long deadline = System.nanoTime() + WRITE_VISIBLE_TIMEOUT.toNanos();
        synchronized (versionMonitor) {
            while (view.snapshot().version() < version) {
                long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMs <= 0) {
                    log.warn(
                            "map version {} was written but the view still shows {} after {}; reads may lag",
                            version,
                            view.snapshot().version(),
                            WRITE_VISIBLE_TIMEOUT);
                    return;
                }
                try {
                    versionMonitor.wait(remainingMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        view.close();
    }
}
