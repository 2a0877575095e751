package io.shardhome.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.DirectoryFixture;
import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.directory.view.ZkShardMapView;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.rules.FilterPolicies;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The publisher on a real ZooKeeper, with a link that is never started (its status needs no master). */
class LinkStatusPublisherIT {
    private static final Duration NEVER = Duration.ofHours(1);

    private static TestingServer zooKeeper;
    private static DirectoryFixture directory;
    private static ZkShardMapView view;

    @BeforeAll
    static void startDirectory() throws Exception {
        zooKeeper = new TestingServer(true);
        directory = DirectoryFixture.on(zooKeeper.getConnectString());
        directory.registerSites("nyc", "sjc");
        view = ZkShardMapView.start(directory.client(), directory.layout(), Duration.ofSeconds(30));
        view.awaitReady(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopDirectory() throws Exception {
        view.close();
        directory.close();
        zooKeeper.close();
    }

    @Test
    void aNewShardMapIsPublishedWithoutWaitingForTheInterval() {
        Link link = new Link(LinkConfig.of(endpoint("nyc"), endpoint("sjc"), FilterPolicies.DEFAULTS, ""), view);
        LinkStatusStore statuses = new LinkStatusStore(directory.client(), directory.layout());
        String key = LinkStatusPublisher.directoryKey(link);
        try (LinkStatusPublisher publisher = new LinkStatusPublisher(statuses, List.of(link), NEVER, view)) {
            await().until(() -> statuses.read(key, PublishedStatus.class).isPresent());

            long flipped = directory
                    .store()
                    .createShard(
                            ShardDefinition.of("acme", "nyc", false),
                            directory.store().version());

            await().atMost(Duration.ofSeconds(10)).until(() -> mapVersion(statuses, key), v -> v == flipped);
        }
        assertThat(mapVersion(statuses, key)).isEqualTo(directory.store().version());
    }

    private static long mapVersion(LinkStatusStore statuses, String key) {
        Optional<PublishedStatus> status = statuses.read(key, PublishedStatus.class);
        return status.map(PublishedStatus::mapVersion).orElse(-1L);
    }

    private static SiteEndpoint endpoint(String site) {
        return new SiteEndpoint(site, "127.0.0.1", 1, "nobody", "unused");
    }
}
