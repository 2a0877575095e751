package io.shardhome.directory.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.DirectoryFixture;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.snapshot.DirectorySnapshot;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.ImportMode;
import io.shardhome.directory.store.MapImporter;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZkShardMapViewIT {
    private TestingServer zk;
    private DirectoryFixture fixture;
    private DirectoryStore store;

    @BeforeEach
    void start() throws Exception {
        zk = new TestingServer(true);
        fixture = DirectoryFixture.on(zk.getConnectString());
        store = fixture.store();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
        zk.close();
    }

    private ZkShardMapView view(Duration refresh) {
        ZkShardMapView view = ZkShardMapView.start(fixture.client(), store.layout(), refresh);
        assertThat(view.awaitReady(Duration.ofSeconds(10))).isTrue();
        return view;
    }

    @Test
    void viewSeesEveryChangeAndNotifiesListenersInVersionOrder() {
        long v = fixture.registerSites("nyc", "sjc");
        try (ZkShardMapView view = view(Duration.ofMinutes(5))) {
            List<Long> versions = new CopyOnWriteArrayList<>();
            view.addListener(map -> versions.add(map.version()));
            for (int i = 0; i < 10; i++) {
                v = store.createShard(ShardDefinition.of("s" + i, "nyc", false), v);
            }
            long last = v;

            await().atMost(Duration.ofSeconds(10)).until(() -> view.current().version() == last);
            assertThat(view.current().size()).isEqualTo(10);
            assertThat(versions).isSorted().doesNotHaveDuplicates().endsWith(last);
            assertThat(view.snapshot().sites()).containsKeys("nyc", "sjc");
        }
    }

    @Test
    void snapshotPatchedFromChangedChunksEqualsAFreshReadOfTheDirectory() {
        long v = fixture.registerSites("nyc", "sjc", "lon");
        ShardMap big = ShardMap.of(
                0,
                IntStream.range(0, 9_000)
                        .mapToObj(i -> ShardDefinition.of("c" + i, i % 2 == 0 ? "nyc" : "sjc", i % 10 == 0))
                        .toList());
        v = new MapImporter(store).importMap(big, ImportMode.REPLACE, v).newVersion();
        try (ZkShardMapView view = view(Duration.ofMinutes(5))) {
            v = store.updateShard(ShardDefinition.of("c1", "lon", true), v);
            v = store.createShard(ShardDefinition.of("fresh", "nyc", false), v);
            v = store.deleteShard("c2", v);
            v = store.setShardState("c3", ShardState.FENCED, "lon", v);
            v = store.setShardState("c4", ShardState.ACTIVE, "lon", v);
            v = store.setShardState("c3", ShardState.ACTIVE, "", v);
            v = store.deleteShard("c4", v);
            v = store.setShardState("c5", ShardState.FENCED, "", v);
            long last = v;

            await().atMost(Duration.ofSeconds(10)).until(() -> view.current().version() == last);
            DirectorySnapshot fresh = store.read();
            assertThat(view.current()).isEqualTo(fresh.shardMap());
            assertThat(view.snapshot().unusualEntries())
                    .isEqualTo(fresh.unusualEntries())
                    .containsOnlyKeys("c5");
            assertThat(view.current().lookup("c1")).isEqualTo(ShardDefinition.of("c1", "lon", true));
            assertThat(view.current().size()).isEqualTo(8_999);
        }
    }

    @Test
    void viewStartedBeforeInitialisationPicksUpTheDirectoryOnceCreated() {
        try (DirectoryFixture other = DirectoryFixture.on(zk.getConnectString());
                ZkShardMapView view = ZkShardMapView.start(
                        other.client(), DirectoryLayout.forCluster("late"), Duration.ofMinutes(5))) {
            assertThat(view.current()).isEqualTo(ShardMap.empty());
            DirectoryStore late = new DirectoryStore(
                            other.client(), DirectoryLayout.forCluster("late"), StoreOptions.defaults())
                    .initialize();
            late.createShard(ShardDefinition.of("acme", "#LOCAL", false), 0);

            await().atMost(Duration.ofSeconds(10)).until(() -> view.current().contains("acme"));
        }
    }

    @Test
    void disconnectedViewServesLastMapReportsStalenessAndRereadsOnReconnect() throws Exception {
        long v = fixture.registerSites("nyc");
        v = store.createShard(ShardDefinition.of("acme", "nyc", false), v);
        try (ZkShardMapView view = view(Duration.ofMinutes(5))) {
            long before = v;
            await().until(() -> view.current().version() == before);
            assertThat(view.isConnected()).isTrue();
            assertThat(view.staleness()).isZero();

            zk.stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> !view.isConnected());
            Duration first = view.staleness();
            await().until(() -> view.staleness().compareTo(first) > 0);
            assertThat(view.current().contains("acme")).isTrue();

            zk.restart();
            await().atMost(Duration.ofSeconds(30)).until(view::isConnected);
            long after = store.createShard(ShardDefinition.of("beta", "nyc", false), before);
            await().atMost(Duration.ofSeconds(10)).until(() -> view.current().version() == after);
            assertThat(view.staleness()).isZero();
        }
    }

    @Test
    void periodicRereadCatchesUpWithoutWatchEvents() {
        try (ZkShardMapView view = view(Duration.ofMillis(200))) {
            long v = fixture.registerSites("nyc");
            store.createShard(ShardDefinition.of("acme", "nyc", false), v);
            await().atMost(Duration.ofSeconds(10)).until(() -> view.current().contains("acme"));
        }
    }

    @Test
    void closeIsIdempotentAndStopsNotifications() {
        ZkShardMapView view = view(Duration.ofMinutes(5));
        List<Long> versions = new CopyOnWriteArrayList<>();
        view.addListener(map -> versions.add(map.version()));
        view.close();
        view.close();
        fixture.registerSites("nyc");
        assertThat(versions).isEmpty();
    }
}
