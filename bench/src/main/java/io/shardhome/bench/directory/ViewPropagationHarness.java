package io.shardhome.bench.directory;

import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.ImportMode;
import io.shardhome.directory.store.MapImporter;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.directory.view.ZkShardMapView;
import io.shardhome.directory.zk.EmbeddedZooKeeper;
import io.shardhome.directory.zk.ZooKeeperClients;
import io.shardhome.directory.zk.ZooKeeperSettings;
import io.shardhome.filter.map.ShardDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;

/**
 * How long a single-shard change takes to reach every one of N watching views (each with its own
 * ZooKeeper session, as separate processes would), over a map of M shards.
 *
 * <p>Usage: {@code ViewPropagationHarness [views=50] [shards=100000] [changes=50] [warmup=5]}: the
 * first {@code warmup} changes are made and waited for but not measured (JIT compilation and the
 * promotion of the views' start-up allocations are not the steady state).
 */
public final class ViewPropagationHarness {
    private ViewPropagationHarness() {}

    public static void main(String[] args) throws Exception {
        int views = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int shards = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int changes = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path dir = Files.createTempDirectory("zk-bench");
        DirectoryLayout layout = DirectoryLayout.forCluster("propagation");
        List<CuratorFramework> clients = new ArrayList<>();
        List<ZkShardMapView> watching = new ArrayList<>();
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(dir, 0)) {
            ZooKeeperSettings settings = ZooKeeperSettings.of(zk.connectString());
            CuratorFramework writerClient = ZooKeeperClients.start(settings);
            clients.add(writerClient);
            DirectoryStore store = new DirectoryStore(writerClient, layout, StoreOptions.defaults()).initialize();
            BenchMaps.registerSites(store);
            long v = new MapImporter(store)
                    .importMap(BenchMaps.map(shards, 0), ImportMode.REPLACE, store.version())
                    .newVersion();
            for (int i = 0; i < views; i++) {
                CuratorFramework c = ZooKeeperClients.start(settings);
                clients.add(c);
                ZkShardMapView view = ZkShardMapView.start(c, layout, Duration.ofSeconds(30));
                view.awaitReady(Duration.ofMinutes(1));
                watching.add(view);
            }
            measure(store, watching, v, warmup);
            long[] latencies = measure(store, watching, store.version(), changes);
            report(views, shards, latencies);
        } finally {
            watching.forEach(ZkShardMapView::close);
            clients.forEach(CuratorFramework::close);
        }
    }

    private static long[] measure(DirectoryStore store, List<ZkShardMapView> views, long version, int changes)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
        long v = version;
        for (int i = 0; i < changes; i++) {
            long target = v + 1;
            CountDownLatch all = new CountDownLatch(views.size());
            AtomicLong start = new AtomicLong();
            List<io.shardhome.directory.view.ShardMapView.Listener> listeners = new ArrayList<>();
            for (ZkShardMapView view : views) {
                io.shardhome.directory.view.ShardMapView.Listener l = map -> {
                    if (map.version() == target) {
                        seen.add(System.nanoTime() - start.get());
                        all.countDown();
                    }
                };
                listeners.add(l);
                view.addListener(l);
            }
            start.set(System.nanoTime());
            v = store.updateShard(ShardDefinition.of("customer0000001", BenchMaps.SITES.get(i % 3), false), v);
            all.await(30, TimeUnit.SECONDS);
            for (int k = 0; k < views.size(); k++) {
                views.get(k).removeListener(listeners.get(k));
            }
        }
        return seen.stream().mapToLong(Long::longValue).toArray();
    }

    private static void report(int views, int shards, long[] latencies) {
        Arrays.sort(latencies);
        System.out.printf(
                "%d views over %,d shards, %d observations: p50 %s, p99 %s, max %s%n",
                views,
                shards,
                latencies.length,
                BenchMaps.millis(latencies[latencies.length / 2]),
                BenchMaps.millis(latencies[(int) (latencies.length * 0.99)]),
                BenchMaps.millis(latencies[latencies.length - 1]));
    }
}
