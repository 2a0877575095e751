package io.shardhome.directory.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.DirectoryException;
import io.shardhome.directory.DirectoryException.Code;
import io.shardhome.directory.DirectoryFixture;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.directory.view.ZkShardMapView;
import io.shardhome.filter.map.ShardDefinition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.KillSession;
import org.apache.curator.test.TestingCluster;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.client.FourLetterWordMain;
import org.junit.jupiter.api.Test;

class ZooKeeperFailureIT {
    private static final int WRITES_AFTER_KILL = 20;

    @Test
    void writesContinueWithoutLossOrDuplicatesWhenTheLeaderDiesMidWrite() throws Exception {
        try (TestingCluster cluster = new TestingCluster(3)) {
            cluster.start();
            try (DirectoryFixture fixture = DirectoryFixture.on(cluster.getConnectString())) {
                DirectoryStore store = fixture.store();
                fixture.registerSites("nyc");
                List<String> acknowledged = new CopyOnWriteArrayList<>();
                AtomicInteger target = new AtomicInteger(Integer.MAX_VALUE);
                Thread writer = new Thread(() -> writeShards(store, acknowledged, target));
                writer.start();
                await().until(() -> acknowledged.size() >= 5);
                assertThat(cluster.killServer(leader(cluster))).isTrue();
                target.set(acknowledged.size() + WRITES_AFTER_KILL);
                writer.join(Duration.ofSeconds(90).toMillis());

                int written = acknowledged.size();
                assertThat(written).isEqualTo(target.get());
                assertThat(acknowledged).doesNotHaveDuplicates();
                await().ignoreExceptions().untilAsserted(() -> {
                    assertThat(store.read().shardMap().asMap()).containsOnlyKeys(acknowledged);
                    assertThat(store.version()).isEqualTo(1 + written);
                });
            }
        }
    }

    /** Creates s0, s1, ... until {@code target} are stored, each retried until known stored exactly once. */
    private static void writeShards(DirectoryStore store, List<String> acknowledged, AtomicInteger target) {
        for (int i = 0; acknowledged.size() < target.get(); i++) {
            String id = "s" + i;
            while (!acknowledged.contains(id)) {
                try {
                    store.createShard(ShardDefinition.of(id, "nyc", false), store.version());
                    acknowledged.add(id);
                } catch (DirectoryException e) {
                    if (e.code() == Code.SHARD_EXISTS) {
                        acknowledged.add(id);
                    } else if (e.code() == Code.INTERRUPTED) {
                        return;
                    }
                }
            }
        }
    }

    private static InstanceSpec leader(TestingCluster cluster) throws Exception {
        for (InstanceSpec spec : cluster.getInstances()) {
            String srvr = FourLetterWordMain.send4LetterWord("127.0.0.1", spec.getPort(), "srvr");
            if (srvr.contains("Mode: leader")) {
                return spec;
            }
        }
        throw new AssertionError("no leader found in " + cluster.getConnectString());
    }

    @Test
    void viewAndStoreRecoverAfterSessionExpiry() throws Exception {
        try (TestingServer zk = new TestingServer(true);
                DirectoryFixture fixture = DirectoryFixture.on(zk.getConnectString());
                DirectoryFixture otherWriter = DirectoryFixture.on(zk.getConnectString())) {
            DirectoryStore store = fixture.store();
            long v = fixture.registerSites("nyc");
            try (ZkShardMapView view = ZkShardMapView.start(fixture.client(), store.layout(), Duration.ofMinutes(5))) {
                long before = v;
                await().until(() -> view.current().version() == before);

                KillSession.kill(fixture.client().getZookeeperClient().getZooKeeper());
                DirectoryStore other =
                        new DirectoryStore(otherWriter.client(), store.layout(), StoreOptions.defaults());
                long after = other.createShard(ShardDefinition.of("acme", "nyc", false), before);

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> view.current().version() == after);
                assertThat(view.isConnected()).isTrue();
                await().ignoreExceptions()
                        .until(() -> store.createShard(ShardDefinition.of("beta", "nyc", false), after) == after + 1);
            }
        }
    }
}
