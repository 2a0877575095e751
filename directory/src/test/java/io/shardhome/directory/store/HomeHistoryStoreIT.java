package io.shardhome.directory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryFixture;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.site.SiteState;
import io.shardhome.directory.view.ZkShardMapView;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.HomeHistory;
import io.shardhome.filter.map.ShardDefinition;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A shard's home history in the directory: written by a flip, kept by edits and imports that leave the home alone. */
class HomeHistoryStoreIT {
    private static TestingServer zk;
    private DirectoryFixture fixture;
    private DirectoryStore store;
    private ShardDefinition moved;

    @BeforeAll
    static void startZooKeeper() throws Exception {
        zk = new TestingServer(true);
    }

    @AfterAll
    static void stopZooKeeper() throws Exception {
        zk.close();
    }

    @BeforeEach
    void acmeMovedFromNycToSjc() {
        fixture = DirectoryFixture.on(zk.getConnectString());
        store = fixture.store();
        long v = fixture.registerSites("nyc", "sjc", "lon");
        v = store.createShard(ShardDefinition.of("acme", "nyc", false), v);
        store.createShard(ShardDefinition.of("other", "lon", false), v);
        moved = ShardDefinition.of("acme", "nyc", false)
                .movedTo("sjc", GtidSet.parse("1-1-10"), GtidSet.parse("2-2-20"));
        store.putShard(ShardEntry.active(moved), store.version());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aFlipsHistoryIsStoredAndReachesLiveViews() {
        assertThat(store.shard("acme").entry().definition()).isEqualTo(moved);
        try (ZkShardMapView view = ZkShardMapView.start(fixture.client(), fixture.layout(), Duration.ofSeconds(30))) {
            view.awaitReady(Duration.ofSeconds(10));
            assertThat(view.current().lookup("acme").history()).isEqualTo(moved.history());
            ShardDefinition again = moved.movedTo("lon", GtidSet.parse("2-2-30"), GtidSet.parse("3-3-40"));
            long v = store.putShard(ShardEntry.active(again), store.version());
            await().atMost(Duration.ofSeconds(10)).until(() -> view.current().version() >= v);
            assertThat(view.current().lookup("acme").history().tenures()).hasSize(3);
        }
        assertThat(store.auditTrail(1).get(0).changes().get(0).after()).contains("tenures=[nyc until");
    }

    @Test
    void aFailoverMarksTheSiteDownAndReHomesItsShardsWithLostTenuresInOneVersion() {
        long before = store.version();
        ShardEntry failedOver = ShardEntry.active(store.shard("other")
                .entry()
                .definition()
                .failedOverTo("sjc", GtidSet.parse("3-3-7"), GtidSet.parse("2-2-30")));
        Site down = store.site("lon").orElseThrow().withState(SiteState.DOWN);

        long v = store.replaceSiteAndShards(down, List.of(failedOver), "site.failover", "lon failed over", before);

        assertThat(v).isEqualTo(before + 1);
        assertThat(store.site("lon").orElseThrow().state()).isEqualTo(SiteState.DOWN);
        assertThat(store.shard("other").entry().definition().history())
                .hasToString("[lon until 3-3-7 (lost), sjc after 2-2-30]");
        assertThat(store.shard("acme").entry().definition()).as("untouched").isEqualTo(moved);
        assertThat(store.auditTrail(1).get(0).action()).isEqualTo("site.failover");
        assertThat(store.auditTrail(1).get(0).changes()).hasSize(2);
        assertThatThrownBy(() -> store.replaceSiteAndShards(down, List.of(failedOver), "site.failover", "", before))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.code())
                        .isEqualTo(DirectoryException.Code.CONFLICT));
        ShardEntry unknown = ShardEntry.of("nope", "sjc", false);
        assertThatThrownBy(() -> store.replaceSiteAndShards(down, List.of(unknown), "site.failover", "", v))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.code())
                        .isEqualTo(DirectoryException.Code.UNKNOWN_SHARD));
    }

    @Test
    void anEditThatKeepsTheHomeKeepsTheHistoryAndOneThatChangesItStartsOver() {
        store.updateShard(ShardDefinition.of("acme", "sjc", true), store.version());
        assertThat(store.shard("acme").entry().definition().history()).isEqualTo(moved.history());
        assertThat(store.shard("acme").entry().definition().critical()).isTrue();

        store.updateShard(ShardDefinition.of("acme", "lon", true), store.version());
        assertThat(store.shard("acme").entry().definition().history()).isSameAs(HomeHistory.NONE);
    }

    @Test
    void csvImportsKeepTheHistoryOfShardsWhoseHomeStaysAndExportsLeaveItOut() {
        MapImporter importer = new MapImporter(store);
        StringWriter csv = new StringWriter();
        importer.exportCsv(csv);
        assertThat(csv.toString()).doesNotContain("1-1-10").contains("acme");

        ImportResult unchanged = importer.importMap(
                MapImporter.parseCsv("export.csv", new StringReader(csv.toString())),
                ImportMode.REPLACE,
                store.version());
        assertThat(unchanged.applied())
                .as("re-importing an export changes nothing")
                .isFalse();

        importer.importMap(
                MapImporter.parseCsv("edit.csv", new StringReader("shard_id master critical\nacme sjc true\n")),
                ImportMode.MERGE,
                store.version());
        assertThat(store.shard("acme").entry().definition().history()).isEqualTo(moved.history());

        importer.importMap(
                MapImporter.parseCsv(
                        "rehome.csv", new StringReader("shard_id master critical\nacme nyc true\nother lon false\n")),
                ImportMode.REPLACE,
                store.version());
        assertThat(store.shard("acme").entry().definition().history()).isSameAs(HomeHistory.NONE);
    }
}
