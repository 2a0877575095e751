package io.shardhome.directory.zk;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.filter.map.ShardDefinition;
import java.nio.file.Path;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedZooKeeperIT {
    private static final DirectoryLayout LAYOUT = DirectoryLayout.forCluster("embedded");

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartOfTheEmbeddedServer() {
        long written;
        try (EmbeddedZooKeeper server = EmbeddedZooKeeper.start(dataDir, 0);
                CuratorFramework client = ZooKeeperClients.start(ZooKeeperSettings.of(server.connectString()))) {
            DirectoryStore store = new DirectoryStore(client, LAYOUT, StoreOptions.defaults()).initialize();
            written = store.createShard(ShardDefinition.of("acme", "#LOCAL", true), store.version());
            server.close();
            server.close();
        }

        try (EmbeddedZooKeeper restarted = EmbeddedZooKeeper.start(dataDir, 0);
                CuratorFramework client = ZooKeeperClients.start(ZooKeeperSettings.of(restarted.connectString()))) {
            DirectoryStore store = new DirectoryStore(client, LAYOUT, StoreOptions.defaults()).initialize();
            assertThat(store.version()).isEqualTo(written);
            assertThat(store.read().shardMap().lookup("acme")).isEqualTo(ShardDefinition.of("acme", "#LOCAL", true));
        }
    }
}
