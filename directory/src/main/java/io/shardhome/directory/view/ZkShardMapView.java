package io.shardhome.directory.view;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.snapshot.Manifest;
import io.shardhome.directory.snapshot.SnapshotReader;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.filter.map.ShardMap;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ShardMapView} that watches the directory's pointer znode. On every change (watch event,
 * periodic re-read, reconnect) it reads the pointer, fetches only the chunks it does not have yet,
 * derives the new snapshot from the previous one by patching only the changed buckets' shards, swaps in the new snapshot atomically and notifies listeners in version order on its own thread.
 *
 * <p>Staleness: zero while connected with a watch in place; otherwise the time since the snapshot was
 * last confirmed (last successful read, or the moment the connection was suspended). While the session
 * is suspended or lost the last snapshot keeps being served. The view does not own the Curator client.
 *
 * <p>Thread-safe; start once via {@link #start}, close idempotently.
 */
public final class ZkShardMapView implements ShardMapView, DirectorySnapshotSource {
    private static final Logger log = LoggerFactory.getLogger(ZkShardMapView.class);

    private final CuratorFramework client;
    private final SnapshotReader reader;
    private final Duration refreshInterval;
    private final ScheduledExecutorService thread;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CuratorWatcher watcher = event -> requestRefresh();
    private final ConnectionStateListener connectionListener = (c, state) -> connectionChanged(state);

    private volatile DirectorySnapshot snapshot = DirectorySnapshot.empty();
    /** The manifest {@link #snapshot} was built from; only the view's thread reads and writes it. */
    private Manifest loaded;

    private volatile boolean connected;
    private volatile boolean watchArmed;
    private volatile long confirmedAtNanos = System.nanoTime();

    private ZkShardMapView(CuratorFramework client, DirectoryLayout layout, Duration refreshInterval) {
        this.client = client;
        this.reader = new SnapshotReader(client, layout);
        this.refreshInterval = refreshInterval;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shard-map-view " + layout.root());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a view; the first read happens in the background (see {@link #awaitReady}).
     *
     * @param refreshInterval how often to re-read even without a watch event (guards against a missed watch)
     */
    public static ZkShardMapView start(CuratorFramework client, DirectoryLayout layout, Duration refreshInterval) {
        ZkShardMapView view = new ZkShardMapView(client, layout, refreshInterval);
        view.connected = client.getZookeeperClient().isConnected();
        client.getConnectionStateListenable().addListener(view.connectionListener);
        view.requestRefresh();
        long every = Math.max(1, refreshInterval.toMillis());
        view.thread.scheduleWithFixedDelay(view::periodicRefresh, every, every, TimeUnit.MILLISECONDS);
        return view;
    }

    /**
     * Waits until the first snapshot is loaded.
     *
     * @return false when it was not loaded within {@code timeout}
     * @throws DirectoryException {@code INTERRUPTED} (interrupt flag restored)
     */
    public boolean awaitReady(Duration timeout) {
        try {
            return ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryException(Code.INTERRUPTED, "interrupted while waiting for the shard map view", e);
        }
    }

    @Override
    public ShardMap current() {
        return snapshot.shardMap();
    }

    @Override
    public DirectorySnapshot snapshot() {
        return snapshot;
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public Duration staleness() {
        if (connected && watchArmed) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(System.nanoTime() - confirmedAtNanos);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.getConnectionStateListenable().removeListener(connectionListener);
            thread.shutdownNow();
            listeners.clear();
        }
    }

    private void connectionChanged(ConnectionState state) {
        if (state.isConnected()) {
            connected = true;
            requestRefresh();
        } else {
            if (connected && watchArmed) {
                confirmedAtNanos = System.nanoTime();
            }
            connected = false;
            watchArmed = false;
            log.warn(
                    "shard map view lost its ZooKeeper connection ({}); serving map version {} until reconnected",
                    state,
                    snapshot.version());
        }
    }

    private void periodicRefresh() {
        requestRefresh();
    }

    private void requestRefresh() {
        if (!closed.get() && refreshPending.compareAndSet(false, true)) {
            try {
                thread.execute(this::refresh);
            } catch (RejectedExecutionException closedMeanwhile) {
                refreshPending.set(false);
            }
        }
    }

    private void refresh() {
        refreshPending.set(false);
        if (closed.get()) {
            return;
        }
        try {
            Manifest manifest = reader.readPointer(watcher).manifest();
            watchArmed = true;
            if (manifest.version() > snapshot.version() || ready.getCount() > 0) {
                DirectorySnapshot next = reader.load(manifest, loaded, snapshot);
                loaded = manifest;
                swap(next);
            }
            confirmedAtNanos = System.nanoTime();
            ready.countDown();
        } catch (SnapshotReader.ChunkGoneException e) {
            requestRefresh();
        } catch (DirectoryException e) {
            watchArmed = false;
            if (closed.get()) {
                return; // interrupted by close(): nothing to report
            }
            log.warn(
                    "shard map view could not read the directory; serving map version {}: {}",
                    snapshot.version(),
                    e.getMessage());
        }
    }

    private void swap(DirectorySnapshot next) {
        snapshot = next;
        for (Listener listener : listeners) {
            try {
                listener.mapChanged(next.shardMap());
            } catch (RuntimeException e) {
                log.error(
                        "shard map listener {} failed on map version {}; other listeners still run",
                        listener,
                        next.version(),
                        e);
            }
        }
    }
}
