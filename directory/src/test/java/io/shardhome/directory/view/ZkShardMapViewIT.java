package io.shardhome.directory.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.DirectoryFixture;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
