package io.shardhome.directory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.DirectoryFixture;
import io.shardhome.directory.audit.AuditRecord;
import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.shard.ShardPage;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.site.SiteState;
import io.shardhome.directory.snapshot.SnapshotReader;
import io.shardhome.filter.map.ShardDefinition;
import java.time.Duration;
import java.util.List;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectoryStoreIT {
    private static TestingServer zk;
    private DirectoryFixture fixture;
    private DirectoryStore store;

    @BeforeAll
    static void startZooKeeper() throws Exception {
        zk = new TestingServer(true);
    }

    @AfterAll
    static void stopZooKeeper() throws Exception {
        zk.close();
    }

    @BeforeEach
    void newDirectory() {
        fixture = DirectoryFixture.on(
                zk.getConnectString(),
                StoreOptions.defaults()
                        .withActor("tester")
                        .withMaxAuditRecords(5)
                        .withGarbageGrace(Duration.ZERO));
        store = fixture.store();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void emptyDirectoryStartsAtVersionZero() {
        assertThat(store.version()).isZero();
        assertThat(store.read().shardMap().isEmpty()).isTrue();
        assertThat(store.initialize().version()).isZero();
    }

    @Test
    void siteHostsThatAreNotAHostNameOrAddressAndUnsafeJdbcParametersAreRefusedAndChangeNothing() {
        long v = fixture.registerSites("nyc");
        Site injected = new Site("evil", "h:3316/?allowLoadLocalInfile=true&x=", 3306, "", "", SiteState.ACTIVE);
        Site unsafe = new Site("nyc", "db-nyc", 3306, "allowLoadLocalInfile=true", "", SiteState.ACTIVE);

        assertThatThrownBy(() -> store.registerSite(injected, v))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("is not a host name or an IP address");
                });
        assertThatThrownBy(() -> store.updateSite(unsafe, v))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.getMessage())
                        .contains("'allowLoadLocalInfile' is not an allowed key"));
        assertThat(store.version()).isEqualTo(v);
        assertThat(store.sites()).extracting(Site::host).containsExactly("127.0.0.1");

        long v2 = store.updateSite(new Site("nyc", "::1", 3306, "connectTimeout=3000", "", SiteState.ACTIVE), v);
        assertThat(store.site("nyc").orElseThrow().jdbcUrl("mysql", "acme"))
                .isEqualTo("jdbc:mysql://[::1]:3306/acme?connectTimeout=3000");
        assertThat(v2).isEqualTo(v + 1);
    }

    @Test
    void createdShardIsReadBackWithTheNewVersion() {
        long v = fixture.registerSites("nyc", "sjc");
        long v2 = store.createShard(ShardDefinition.of("acme", "nyc", true), v);

        assertThat(v2).isEqualTo(v + 1);
        assertThat(store.shard("acme").entry()).isEqualTo(ShardEntry.of("acme", "nyc", true));
        assertThat(store.shard("acme").mapVersion()).isEqualTo(v2);
        assertThat(store.read().shardMap().lookup("acme").home().value()).isEqualTo("nyc");
    }

    @Test
    void staleWriteFailsWithConflictNamingCurrentVersion() {
        long v = fixture.registerSites("nyc", "sjc");
        store.createShard(ShardDefinition.of("acme", "nyc", false), v);

        assertThatThrownBy(() -> store.createShard(ShardDefinition.of("beta", "nyc", false), v))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.CONFLICT);
                    assertThat(e.currentVersion()).isEqualTo(v + 1);
                    assertThat(e.getMessage()).contains("current version is " + (v + 1));
                });
        assertThat(store.read().shardMap().contains("beta")).isFalse();
    }

    @Test
    void concurrentWritersAgainstTheSameVersionOnlyOneWins() throws Exception {
        long v = fixture.registerSites("nyc");
        try (DirectoryFixture other = DirectoryFixture.on(zk.getConnectString())) {
            DirectoryStore sameTree = new DirectoryStore(other.client(), store.layout(), StoreOptions.defaults());
            store.createShard(ShardDefinition.of("acme", "nyc", false), v);
            assertThatThrownBy(() -> sameTree.createShard(ShardDefinition.of("beta", "nyc", false), v))
                    .extracting(e -> ((DirectoryException) e).code())
                    .isEqualTo(Code.CONFLICT);
        }
    }

    @Test
    void shardReferencingUnknownSiteIsRejected() {
        long v = fixture.registerSites("nyc");
        assertThatThrownBy(() -> store.createShard(ShardDefinition.of("acme", "lon", false), v))
                .isInstanceOfSatisfying(DirectoryException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.UNKNOWN_SITE);
                    assertThat(e.getMessage()).contains("'lon'");
                });
    }

    @Test
    void localShardNeedsNoSite() {
        long v = store.createShard(ShardDefinition.of("catalog_x", "#LOCAL", false), store.version());
        assertThat(store.shard("catalog_x").entry().home().isLocal()).isTrue();
        assertThat(v).isEqualTo(1);
    }

    @Test
    void updateChangesHomeAndCriticalButKeepsState() {
        long v = fixture.registerSites("nyc", "sjc");
        v = store.createShard(ShardDefinition.of("acme", "nyc", false), v);
        v = store.setShardState("acme", ShardState.FENCED, "sjc", v);
        v = store.updateShard(ShardDefinition.of("acme", "sjc", true), v);

        ShardEntry entry = store.shard("acme").entry();
        assertThat(entry.definition()).isEqualTo(ShardDefinition.of("acme", "sjc", true));
        assertThat(entry.state()).isEqualTo(ShardState.FENCED);
        assertThat(entry.moveTarget()).isEqualTo("sjc");
    }

    @Test
    void putShardFlipsHomeAndStateInOneVersion() {
        long v = fixture.registerSites("nyc", "sjc");
        v = store.createShard(ShardDefinition.of("acme", "nyc", false), v);
        v = store.setShardState("acme", ShardState.FENCED, "sjc", v);
        long flipped = store.putShard(ShardEntry.of("acme", "sjc", false), v);

        assertThat(flipped).isEqualTo(v + 1);
        assertThat(store.read().entry("acme")).isEqualTo(ShardEntry.of("acme", "sjc", false));
    }

    @Test
    void deletedShardIsGoneAndDeletingAgainIsUnknownShard() {
        long v = fixture.registerSites("nyc");
        v = store.createShard(ShardDefinition.of("acme", "nyc", false), v);
        long v2 = store.deleteShard("acme", v);

        assertThat(store.read().shardMap().contains("acme")).isFalse();
        assertThatThrownBy(() -> store.deleteShard("acme", v2))
                .extracting(e -> ((DirectoryException) e).code())
                .isEqualTo(Code.UNKNOWN_SHARD);
        assertThatThrownBy(() -> store.shard("acme"))
                .extracting(e -> ((DirectoryException) e).code())
                .isEqualTo(Code.UNKNOWN_SHARD);
    }

    @Test
    void creatingAnExistingShardFails() {
        long v = fixture.registerSites("nyc");
        long v2 = store.createShard(ShardDefinition.of("acme", "nyc", false), v);
        assertThatThrownBy(() -> store.createShard(ShardDefinition.of("acme", "nyc", false), v2))
                .extracting(e -> ((DirectoryException) e).code())
                .isEqualTo(Code.SHARD_EXISTS);
    }

    @Test
    void listingPagesInIdOrderAndFiltersByHome() {
        long v = fixture.registerSites("nyc", "sjc");
        for (String id : List.of("e1", "a1", "d1", "b1", "c1")) {
            v = store.createShard(ShardDefinition.of(id, id.equals("b1") || id.equals("d1") ? "sjc" : "nyc", false), v);
        }

        ShardPage first = store.listShards(null, null, 2);
        ShardPage second = store.listShards(null, first.nextAfter(), 2);
        ShardPage last = store.listShards(null, second.nextAfter(), 2);
        ShardPage sjc = store.listShards("sjc", null, 10);

        assertThat(first.entries()).extracting(ShardEntry::shardId).containsExactly("a1", "b1");
        assertThat(second.entries()).extracting(ShardEntry::shardId).containsExactly("c1", "d1");
        assertThat(last.entries()).extracting(ShardEntry::shardId).containsExactly("e1");
        assertThat(last.hasMore()).isFalse();
        assertThat(sjc.entries()).extracting(ShardEntry::shardId).containsExactly("b1", "d1");
    }

    @Test
    void siteWithShardsCannotBeRemovedButItsStateCanChange() {
        long v = fixture.registerSites("nyc", "sjc");
        long v2 = store.createShard(ShardDefinition.of("acme", "nyc", false), v);
        assertThatThrownBy(() -> store.removeSite("nyc", v2))
                .extracting(e -> ((DirectoryException) e).code())
                .isEqualTo(Code.SITE_IN_USE);

        Site draining = store.site("nyc").orElseThrow().withState(SiteState.DRAINING);
        long v3 = store.updateSite(draining, v2);
        store.removeSite("sjc", v3);

        assertThat(store.sites()).containsExactly(draining);
    }

    @Test
    void auditIsNewestFirstAndBounded() {
        long v = fixture.registerSites("nyc");
        for (int i = 0; i < 6; i++) {
            v = store.createShard(ShardDefinition.of("s" + i, "nyc", false), v);
        }

        List<AuditRecord> audit = store.auditTrail(100);

        assertThat(audit).hasSize(5);
        assertThat(audit).extracting(AuditRecord::mapVersion).containsExactly(v, v - 1, v - 2, v - 3, v - 4);
        AuditRecord newest = audit.get(0);
        assertThat(newest.actor()).isEqualTo("tester");
        assertThat(newest.action()).isEqualTo("shard.create");
        assertThat(newest.changes())
                .containsExactly(new AuditRecord.Change("shard:s5", "", "home=nyc critical=false state=ACTIVE"));
    }

    @Test
    void unreferencedChunksAreCollected() {
        long v = fixture.registerSites("nyc");
        for (int i = 0; i < 4; i++) {
            v = store.createShard(ShardDefinition.of("s" + i, "nyc", false), v);
        }

        await().untilAsserted(() -> {
            store.collectGarbage();
            List<String> referenced = new SnapshotReader(fixture.client(), store.layout())
                    .readPointer(null)
                    .manifest()
                    .chunks();
            assertThat(fixture.client().getChildren().forPath(store.layout().chunks()))
                    .containsExactlyInAnyOrderElementsOf(referenced);
        });
        assertThat(store.read().shardMap().size()).isEqualTo(4);
        assertThat(store.collectGarbage()).isZero();
    }
}
