package io.shardhome.service.mapfeed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.directory.store.StoreOptions;
import io.shardhome.directory.zk.ZooKeeperClients;
import io.shardhome.directory.zk.ZooKeeperSettings;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.ServiceTestSupport;
import io.shardhome.service.testing.SharedZooKeeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;

class MapFeedIT extends ServiceTestSupport {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private long currentVersion() {
        return reader.get("/api/v1/shard-map/changes?after=0")
                .json()
                .path("version")
                .asLong();
    }

    private void putShard(String shard, String home) {
        Api.Reply reply = admin.putJson("/api/v1/shards/" + shard, "{\"home\":\"" + home + "\"}");
        assertThat(reply.status()).isLessThan(300);
    }

    /** Fences the shard in the directory itself, as a move does. */
    private static void fence(String shard, String target) {
        try (CuratorFramework client = ZooKeeperClients.start(ZooKeeperSettings.of(SharedZooKeeper.connectString()))) {
            DirectoryStore store =
                    new DirectoryStore(client, DirectoryLayout.forCluster("it"), StoreOptions.defaults());
            store.setShardState(shard, ShardState.FENCED, target, store.version());
        }
    }

    private static List<String> shardIds(JsonNode change) {
        List<String> ids = new ArrayList<>();
        change.path("shards").forEach(s -> ids.add(s.path("shard").asText()));
        return ids;
    }

    @Test
    void aCurrentWatcherHearsHelloThenEveryNewVersionAsAChangeFromTheOneItHolds() throws Exception {
        long held = currentVersion();
        try (SseReader stream = new SseReader(port, READER_TOKEN, held)) {
            assertThat(stream.status()).isEqualTo(200);
            SseReader.Event hello = stream.next(PATIENCE);
            assertThat(hello.name()).isEqualTo("hello");
            assertThat(hello.data().path("version").asLong()).isEqualTo(held);
            assertThat(hello.data().path("heartbeatMillis").asLong()).isPositive();
            assertThat(stream.next(PATIENCE).name()).isEqualTo("links");

            String shard = uniqueShard("feed");
            putShard(shard, "sjc");
            JsonNode change = stream.next("map", PATIENCE).data();

            assertThat(change.path("full").asBoolean()).isFalse();
            assertThat(change.path("baseVersion").asLong()).isEqualTo(held);
            assertThat(change.path("version").asLong()).isGreaterThan(held);
            assertThat(shardIds(change)).containsExactly(shard);
            assertThat(change.path("sites").size()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aWatcherThatHoldsNothingGetsTheWholeMapFirst() throws Exception {
        String shard = uniqueShard("whole");
        putShard(shard, "nyc");
        try (SseReader stream = new SseReader(port, READER_TOKEN, 0)) {
            assertThat(stream.next(PATIENCE).name()).isEqualTo("hello");
            JsonNode map = stream.next(PATIENCE).data();

            assertThat(map.path("full").asBoolean()).isTrue();
            assertThat(shardIds(map)).contains(shard);
        }
    }

    @Test
    void aWatcherThatReconnectsGetsOnlyWhatItMissed() throws Exception {
        long held = currentVersion();
        String missed = uniqueShard("missed");
        putShard(missed, "nyc");
        try (SseReader stream = new SseReader(port, READER_TOKEN, held)) {
            stream.next("hello", PATIENCE);
            JsonNode change = stream.next("map", PATIENCE).data();

            assertThat(change.path("full").asBoolean()).isFalse();
            assertThat(change.path("baseVersion").asLong()).isEqualTo(held);
            assertThat(shardIds(change)).containsExactly(missed);
        }
    }

    @Test
    void aFencedShardTravelsWithItsStateAndMoveTarget() throws Exception {
        String shard = uniqueShard("fenced");
        putShard(shard, "sjc");
        long held = currentVersion();
        try (SseReader stream = new SseReader(port, READER_TOKEN, held)) {
            stream.next("links", PATIENCE);
            fence(shard, "nyc");
            JsonNode fenced = stream.next("map", PATIENCE).data().path("shards").get(0);

            assertThat(fenced.path("shard").asText()).isEqualTo(shard);
            assertThat(fenced.path("state").asText()).isEqualTo("FENCED");
            assertThat(fenced.path("moveTarget").asText()).isEqualTo("nyc");
        }
    }

    @Test
    void theJsonFormAnswersAtOnceAndBadInputIsAClearError() {
        long now = currentVersion();

        Api.Reply current = reader.get("/api/v1/shard-map/changes?after=" + now);
        Api.Reply negative = reader.get("/api/v1/shard-map/changes?after=-3");
        Api.Reply notANumber = reader.get("/api/v1/shard-map/changes?after=latest");

        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().path("version").asLong()).isEqualTo(now);
        assertThat(current.json().path("shards").size()).isZero();
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.code()).isEqualTo("INVALID_INPUT");
        assertThat(negative.json().path("detail").asText()).contains("after=-3");
        assertThat(notANumber.status()).isEqualTo(400);
    }

    @Test
    void theStreamNeedsAReaderToken() throws Exception {
        try (SseReader stream = new SseReader(port, "not-a-token", 0)) {
            assertThat(stream.status()).isEqualTo(401);
        }
    }
}
