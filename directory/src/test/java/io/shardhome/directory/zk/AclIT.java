package io.shardhome.directory.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.site.Site;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.filter.map.ShardDefinition;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AclIT {
    private static final DirectoryLayout LAYOUT = DirectoryLayout.forCluster("secured");
    private static TestingServer zk;
    private static CuratorFramework owner;
    private static DirectoryStore ownerStore;

    @BeforeAll
    static void start() throws Exception {
        zk = new TestingServer(true);
        owner = ZooKeeperClients.start(
                ZooKeeperSettings.of(zk.getConnectString()).withDigest("shardhome", "s3cret"));
        ownerStore = new DirectoryStore(owner, LAYOUT, StoreOptions.defaults()).initialize();
        ownerStore.registerSite(Site.of("nyc", "db", 3306), 0);
    }

    @AfterAll
    static void stop() throws Exception {
        owner.close();
        zk.close();
    }

    @Test
    void ownerIdentityCanWrite() {
        long v = ownerStore.createShard(ShardDefinition.of("owned", "nyc", false), ownerStore.version());
        assertThat(ownerStore.read().version()).isEqualTo(v);
    }

    @Test
    void anotherDigestIdentityCanReadButNotWrite() {
        try (CuratorFramework mallory = ZooKeeperClients.start(
                ZooKeeperSettings.of(zk.getConnectString()).withDigest("mallory", "guess"))) {
            DirectoryStore store = new DirectoryStore(mallory, LAYOUT, StoreOptions.defaults());
            long v = store.version();

            assertThat(store.read().sites()).containsKey("nyc");
            assertThatThrownBy(() -> store.createShard(ShardDefinition.of("evil", "nyc", false), v))
                    .isInstanceOfSatisfying(
                            DirectoryException.class, e -> assertThat(e.code()).isEqualTo(Code.ACCESS_DENIED));
            assertThat(ownerStore.read().shardMap().contains("evil")).isFalse();
        }
    }

    @Test
    void anonymousClientCannotWriteEither() {
        try (CuratorFramework anonymous = ZooKeeperClients.start(ZooKeeperSettings.of(zk.getConnectString()))) {
            DirectoryStore store = new DirectoryStore(anonymous, LAYOUT, StoreOptions.defaults());
            assertThatThrownBy(() -> store.registerSite(Site.of("evil", "db", 1), store.version()))
                    .isInstanceOfSatisfying(
                            DirectoryException.class, e -> assertThat(e.code()).isEqualTo(Code.ACCESS_DENIED));
        }
    }
}
