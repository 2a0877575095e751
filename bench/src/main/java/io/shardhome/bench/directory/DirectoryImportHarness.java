package io.shardhome.bench.directory;

import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.ImportMode;
import io.shardhome.directory.store.ImportResult;
import io.shardhome.directory.store.MapImporter;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.directory.view.ZkShardMapView;
import io.shardhome.directory.zk.EmbeddedZooKeeper;
import io.shardhome.directory.zk.ZooKeeperClients;
import io.shardhome.directory.zk.ZooKeeperSettings;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;

/**
 * Imports maps of the given sizes into a local (embedded) ZooKeeper and reports: import time (replace
 * into an empty map, then a full replace where every home changes), the time until a freshly started
 * view is ready, and a single-shard compare-and-set on the big map.
 *
 * <p>Usage: {@code DirectoryImportHarness [sizes...]} (default 100000 1000000).
 */
public final class DirectoryImportHarness {
    private DirectoryImportHarness() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {100_000, 1_000_000} : parse(args);
        Path dir = Files.createTempDirectory("zk-bench");
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(dir, 0);
                CuratorFramework client = ZooKeeperClients.start(ZooKeeperSettings.of(zk.connectString()))) {
            for (int size : sizes) {
                run(client, size);
            }
        }
    }

    private static void run(CuratorFramework client, int size) {
        DirectoryLayout layout = DirectoryLayout.forCluster("bench" + size);
        DirectoryStore store = new DirectoryStore(client, layout, StoreOptions.defaults()).initialize();
        MapImporter importer = new MapImporter(store);
        BenchMaps.registerSites(store);
        ShardMap first = BenchMaps.map(size, 0);
        ShardMap second = BenchMaps.map(size, 1);

        long t0 = System.nanoTime();
        ImportResult created = importer.importMap(first, ImportMode.REPLACE, store.version());
        long t1 = System.nanoTime();
        ImportResult replaced = importer.importMap(second, ImportMode.REPLACE, created.newVersion());
        long t2 = System.nanoTime();
        System.out.printf(
                "%,d shards: import into empty map %s, full replace (%s) %s%n",
                size, BenchMaps.millis(t1 - t0), replaced.diff().summary(), BenchMaps.millis(t2 - t1));

        long t3 = System.nanoTime();
        try (ZkShardMapView view = ZkShardMapView.start(client, layout, Duration.ofSeconds(30))) {
            view.awaitReady(Duration.ofMinutes(2));
            long t4 = System.nanoTime();
            System.out.printf(
                    "%,d shards: view ready after %s (%,d shards loaded)%n",
                    size, BenchMaps.millis(t4 - t3), view.current().size());
        }

        long t5 = System.nanoTime();
        int edits = 20;
        long v = replaced.newVersion();
        for (int i = 0; i < edits; i++) {
            v = store.updateShard(ShardDefinition.of("customer0000001", BenchMaps.SITES.get(i % 3), false), v);
        }
        long t6 = System.nanoTime();
        System.out.printf(
                "%,d shards: single-shard CAS update %s each (mean of %d)%n",
                size, BenchMaps.millis((t6 - t5) / edits), edits);
    }

    private static int[] parse(String[] args) {
        int[] sizes = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            sizes[i] = Integer.parseInt(args[i]);
        }
        return sizes;
    }
}
