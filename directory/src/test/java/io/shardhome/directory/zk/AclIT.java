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
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AclIT {
    private static final DirectoryLayout LAYOUT = DirectoryLayout.forCluster("secured");
    private static final String OWNER = "shardhome:s3cret";
    private static TestingServer zk;
    private static CuratorFramework owner;
    private static DirectoryStore ownerStore;

    @BeforeAll
    static void start() throws Exception {
        zk = new TestingServer(true);
        owner = ZooKeeperClients.start(ZooKeeperSettings.of(zk.getConnectString())
                .withDigest("shardhome", "s3cret")
                .withReaderDigests(List.of(DigestAuthenticationProvider.generateDigest("lookup:l00k"))));
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
    void anotherDigestIdentityCanNeitherReadNorWrite() {
        try (CuratorFramework mallory = ZooKeeperClients.start(
                ZooKeeperSettings.of(zk.getConnectString()).withDigest("mallory", "guess"))) {
            DirectoryStore store = new DirectoryStore(mallory, LAYOUT, StoreOptions.defaults());

            assertAccessDenied(store::version);
            assertAccessDenied(() -> store.createShard(ShardDefinition.of("evil", "nyc", false), 1));
            assertThat(ownerStore.read().shardMap().contains("evil")).isFalse();
        }
    }

    @Test
    void anonymousClientCanNeitherReadNorWrite() throws Exception {
        try (CuratorFramework anonymous = ZooKeeperClients.start(ZooKeeperSettings.of(zk.getConnectString()))) {
            DirectoryStore store = new DirectoryStore(anonymous, LAYOUT, StoreOptions.defaults());
            assertAccessDenied(store::version);
            assertAccessDenied(() -> store.registerSite(Site.of("evil", "db", 1), 1));
            assertThatThrownBy(() -> anonymous.getChildren().forPath(LAYOUT.root()))
                    .isInstanceOf(KeeperException.NoAuthException.class);
        }
    }

    @Test
    void aConfiguredReaderIdentityCanReadButNotWrite() {
        try (CuratorFramework lookup = ZooKeeperClients.start(
                ZooKeeperSettings.of(zk.getConnectString()).withDigest("lookup", "l00k"))) {
            DirectoryStore store = new DirectoryStore(lookup, LAYOUT, StoreOptions.defaults());

            assertThat(store.read().sites()).containsKey("nyc");
            assertAccessDenied(() -> store.createShard(ShardDefinition.of("evil", "nyc", false), store.version()));
        }
    }

    @Test
    void znodesCreatedWorldReadableBeforeAreReAcledOnStartAndThenClosedToOthers() throws Exception {
        DirectoryLayout old = new DirectoryLayout("/legacy-shardhome/prod");
        try (CuratorFramework open = ZooKeeperClients.start(ZooKeeperSettings.of(zk.getConnectString()))) {
            DirectoryStore legacy = new DirectoryStore(open, old, StoreOptions.defaults()).initialize();
            legacy.registerSite(Site.of("nyc", "db", 3306), 0);
            assertThat(open.getACL().forPath(old.pointer())).isEqualTo(ZooDefs.Ids.OPEN_ACL_UNSAFE);

            List<org.apache.zookeeper.data.ACL> acl = ZooKeeperClients.ownerOnly(OWNER, List.of());
            int changed = TreeAcls.apply(owner, old.root(), acl);

            assertThat(changed).isGreaterThanOrEqualTo(6);
            assertThat(owner.getACL().forPath(old.pointer())).containsExactlyElementsOf(acl);
            assertThat(TreeAcls.apply(owner, old.root(), acl)).isZero();
            assertAccessDenied(() -> legacy.version());
            assertThat(new DirectoryStore(owner, old, StoreOptions.defaults())
                            .read()
                            .sites())
                    .containsKey("nyc");
        }
    }

    private static void assertAccessDenied(Runnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.code())
                .isEqualTo(Code.ACCESS_DENIED));
    }
}
