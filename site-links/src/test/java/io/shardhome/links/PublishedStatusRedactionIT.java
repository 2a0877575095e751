package io.shardhome.links;

import static io.shardhome.links.testing.LinkHarness.awaitCaughtUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.links.testing.LinkHarnessExtension;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A link that stops on a row conflict names the conflict, but the status it publishes to ZooKeeper (where
 * every instance and the API's reader role see it) carries no row value.
 */
@RequiresSiteMasters
class PublishedStatusRedactionIT {
    private static final String EMAIL = "alice.secret@example.org";

    private final MariaDbSite sjc = MariaDbSites.get("sjc");
    private final MariaDbSite nyc = MariaDbSites.get("nyc");

    @RegisterExtension
    final LinkHarnessExtension links = LinkHarnessExtension.sites("sjc", "nyc").shard("acme", "sjc");

    @Test
    void aDuplicateKeyStopIsPublishedWithoutTheRowsValues() {
        Link link = links.harness().link("sjc", "nyc");
        sjc.execute("CREATE DATABASE acme", "CREATE TABLE acme.users (id INT PRIMARY KEY, email VARCHAR(64) UNIQUE)");
        awaitCaughtUp(link, "sjc");
        nyc.execute("SET sql_log_bin=0", "INSERT INTO acme.users VALUES (1, '" + EMAIL + "')");

        sjc.execute("INSERT INTO acme.users VALUES (424242, '" + EMAIL + "')");

        await().atMost(Duration.ofSeconds(30)).until(() -> link.state() == LinkState.OFFLINE_ERROR);
        assertThat(link.status().pendingError().orElseThrow().message()).contains("Duplicate entry");
        LinkStatusStore statuses = new LinkStatusStore(
                links.harness().directory().client(),
                links.harness().directory().layout());
        String key = LinkStatusPublisher.directoryKey(link);
        try (LinkStatusPublisher publisher = new LinkStatusPublisher(statuses, List.of(link), Duration.ofMillis(100))) {
            await().until(
                            () -> published(statuses, key).map(PublishedStatus::pendingError),
                            e -> e.isPresent() && !e.get().isEmpty());
        }
        PublishedStatus status = published(statuses, key).orElseThrow();
        String stored = new String(statuses.read(key).orElseThrow().data(), StandardCharsets.UTF_8);
        assertThat(status.pendingExceptionMessage()).contains("Duplicate entry").contains("for key 'email'");
        assertThat(status.pendingErrorShard()).isEqualTo("acme");
        assertThat(stored).doesNotContain(EMAIL).doesNotContain("424242");
    }

    private static Optional<PublishedStatus> published(LinkStatusStore statuses, String key) {
        return statuses.read(key, PublishedStatus.class);
    }
}
