package io.shardhome.client.zk;

import io.shardhome.client.MapSource;
import io.shardhome.client.ShardhomeClientException;
import io.shardhome.client.ShardhomeClientException.Code;
import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.directory.client.FenceTracker;
import io.shardhome.directory.feed.LinkHealth;
import io.shardhome.directory.feed.LinkHealthReader;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.view.VersionSignal;
import io.shardhome.directory.view.ZkShardMapView;
import io.shardhome.directory.zk.ZooKeeperClients;
import io.shardhome.directory.zk.ZooKeeperSettings;
import io.shardhome.filter.map.ShardMapDiff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MapSource} that reads the directory in ZooKeeper directly, for applications that may reach
 * it: a watching view of the map, and the links' published statuses read every {@code linkPoll}.
 * Thread-safe; {@link #start} connects, {@link #close()} disconnects (idempotent).
 */
public final class ZkMapSource implements MapSource {
    private static final Logger LOG = LoggerFactory.getLogger(ZkMapSource.class);
    private static final Duration VIEW_REFRESH = Duration.ofSeconds(30);

    private final CuratorFramework client;
    private final ZkShardMapView view;
    private final LinkHealthReader linkReader;
    private final String origin;
    private final ScheduledExecutorService timer;
    private final FenceTracker fences = new FenceTracker(Duration.ofMinutes(10));
    private final VersionSignal signal;
    private volatile Map<String, LinkHealth> links = Map.of();
    private volatile boolean closed;
    /** Guarded by this: the snapshot the fence tracker last saw. */
    private DirectorySnapshot seen = DirectorySnapshot.empty();

    private ZkMapSource(CuratorFramework client, DirectoryLayout layout, Duration linkStatusMaxAge, String origin) {
        this.client = client;
        this.view = ZkShardMapView.start(client, layout, VIEW_REFRESH);
        this.signal = new VersionSignal(() -> view.snapshot().version());
        this.linkReader = new LinkHealthReader(new LinkStatusStore(client, layout), linkStatusMaxAge);
        this.origin = origin;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shardhome-link-health");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects to ZooKeeper and starts watching the directory of {@code cluster}.
     *
     * @param linkPoll how often the links' statuses are read
     * @param linkStatusMaxAge an older status counts as unknown
     * @throws ShardhomeClientException {@code UNAVAILABLE} when ZooKeeper cannot be reached
     */
    public static ZkMapSource start(
            ZooKeeperSettings settings, String cluster, Duration linkPoll, Duration linkStatusMaxAge) {
        CuratorFramework client;
        try {
            client = ZooKeeperClients.start(settings);
        } catch (DirectoryException e) {
            throw new ShardhomeClientException(
                    Code.UNAVAILABLE,
                    "cannot reach ZooKeeper at " + settings.connectString() + " (" + e.getMessage() + "); check"
                            + " shardhome.client.zookeeper, or use the service's map feed (shardhome.client.url)",
                    e);
        }
        DirectoryLayout layout = DirectoryLayout.forCluster(cluster);
        ZkMapSource source =
                new ZkMapSource(client, layout, linkStatusMaxAge, settings.connectString() + layout.root());
        source.view.addListener(map -> source.changed());
        long every = linkPoll.toMillis();
        source.timer.scheduleWithFixedDelay(source::pollLinks, 0, every, TimeUnit.MILLISECONDS);
        return source;
    }

    private synchronized void changed() {
        DirectorySnapshot next = view.snapshot();
        fences.observe(seen, next, touched(seen, next));
        seen = next;
        signal.published();
    }

    /** The shards added, removed or changed: O(shards) per new version, like the view's own work. */
    private static List<String> touched(DirectorySnapshot before, DirectorySnapshot after) {
        if (before.version() == 0) {
            return List.of();
        }
        ShardMapDiff diff = ShardMapDiff.between(before.shardMap(), after.shardMap());
        List<String> ids = new ArrayList<>();
        diff.changed().forEach(change -> ids.add(change.shardId()));
        return ids;
    }

    private void pollLinks() {
        try {
            Map<String, LinkHealth> byId = new HashMap<>();
            linkReader.read(System.currentTimeMillis()).forEach(link -> byId.put(link.linkId(), link));
            links = Map.copyOf(byId);
        } catch (DirectoryException e) {
            LOG.warn("reading the links' statuses failed ({}); no copy counts as fresh until it works", e.getMessage());
            links = Map.of();
        }
    }

    @Override
    public DirectorySnapshot snapshot() {
        return view.snapshot();
    }

    @Override
    public boolean awaitNewerThan(long version, Duration timeout) throws InterruptedException {
        return signal.awaitNewerThan(version, timeout);
    }

    @Override
    public OptionalLong lastFencedNanos(String shardId) {
        return fences.lastFencedNanos(shardId);
    }

    @Override
    public void awaitReady(Duration timeout) {
        if (!view.awaitReady(timeout)) {
            throw new ShardhomeClientException(
                    Code.UNAVAILABLE,
                    "no shard map from ZooKeeper " + origin + " within " + timeout.toMillis() + " ms; check that"
                            + " the directory exists (shardhome.client.cluster) and this identity may read it");
        }
        changed();
    }

    @Override
    public State state() {
        if (closed) {
            return State.CLOSED;
        }
        if (view.snapshot().version() == 0 && !view.isConnected()) {
            return State.STARTING;
        }
        return view.isConnected() ? State.CURRENT : State.STALE;
    }

    @Override
    public Optional<LinkHealth> link(String source, String target) {
        return view.isConnected() ? Optional.ofNullable(links.get(source + "->" + target)) : Optional.empty();
    }

    @Override
    public String origin() {
        return "zookeeper " + origin;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        view.close();
        client.close();
    }
}
