package io.shardhome.links;

import static io.shardhome.links.testing.LinkHarness.awaitCaughtUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.filter.rules.Decision.Reason;
import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.filter.rules.Policy;
import io.shardhome.links.testing.LinkHarness;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed article's walkthrough with two sites, sjc and nyc, and links both ways. */
@RequiresSiteMasters
class SeedWalkthroughIT {
    private final MariaDbSite sjc = MariaDbSites.get("sjc");
    private final MariaDbSite nyc = MariaDbSites.get("nyc");
    private LinkHarness harness;
    private Link sjcToNyc;
    private Link nycToSjc;

    @BeforeEach
    void twoSitesWithAcmeAtSjcAndPinnacleAtNyc() {
        harness = LinkHarness.start("sjc", "nyc");
        harness.define("acme", "sjc");
        harness.define("pinnacle", "nyc");
    }

    @AfterEach
    void closeLinks() {
        harness.close();
    }

    private void linksBothWays(FilterPolicies nycPolicies) {
        sjcToNyc = harness.link("sjc", "nyc");
        nycToSjc = harness.link("nyc", "sjc", nycPolicies);
    }

    private void createShardWithRows(MariaDbSite site, String shard, int rows) {
        site.execute(
                "CREATE DATABASE " + shard, "CREATE TABLE " + shard + ".orders (id INT PRIMARY KEY, note VARCHAR(20))");
        for (int i = 1; i <= rows; i++) {
            site.execute("INSERT INTO " + shard + ".orders VALUES (" + i + ", 'n" + i + "')");
        }
    }

    @Test
    void eachShardReachesTheOtherSiteFromItsHomeAndNothingLoops() {
        linksBothWays(FilterPolicies.DEFAULTS);
        createShardWithRows(sjc, "acme", 5);
        createShardWithRows(nyc, "pinnacle", 7);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> nyc.count("acme.orders") == 5 && sjc.count("pinnacle.orders") == 7);
        sjc.execute("UPDATE acme.orders SET note='changed' WHERE id=1", "DELETE FROM acme.orders WHERE id=2");
        awaitCaughtUp(sjcToNyc, "sjc");
        awaitCaughtUp(nycToSjc, "nyc");
        awaitCaughtUp(sjcToNyc, "sjc");

        assertThat(nyc.rows("SELECT * FROM acme.orders ORDER BY id"))
                .isEqualTo(sjc.rows("SELECT * FROM acme.orders ORDER BY id"));
        assertThat(sjc.rows("SELECT * FROM pinnacle.orders ORDER BY id"))
                .isEqualTo(nyc.rows("SELECT * FROM pinnacle.orders ORDER BY id"));
        assertThat(sjcToNyc.status().applied()).isEqualTo(2 + 5 + 2);
        assertThat(nycToSjc.status().applied()).isEqualTo(2 + 7);
        assertThat(nycToSjc.status().droppedFor(Reason.ECHO)).isPositive();
        assertThat(sjcToNyc.status().droppedFor(Reason.ECHO)).isPositive();
        String sjcPosition = sjc.gtidPosition();
        String nycPosition = nyc.gtidPosition();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> sjc.gtidPosition().equals(sjcPosition)
                        && nyc.gtidPosition().equals(nycPosition));
    }

    @Test
    void unknownShardStopsTheLinkAndItResumesByItselfOnceTheMapDefinesIt() {
        linksBothWays(FilterPolicies.DEFAULTS);
        nyc.execute(
                "CREATE DATABASE superior",
                "CREATE TABLE superior.t (id INT PRIMARY KEY)",
                "INSERT INTO superior.t VALUES (1)");

        await().atMost(Duration.ofSeconds(30)).until(() -> nycToSjc.state() == LinkState.OFFLINE_ERROR);
        PendingError error = nycToSjc.status().pendingError().orElseThrow();
        assertThat(error.code()).isEqualTo(LinkException.Code.RULE_REJECTED);
        assertThat(error.message())
                .startsWith("Rejected event from unknown shard")
                .contains("shard=superior");
        assertThat(error.shard()).isEqualTo("superior");
        assertThat(error.gtid()).startsWith(nyc.gtidPrefix());

        LinkStatusStore statuses = new LinkStatusStore(
                harness.directory().client(), harness.directory().layout());
        try (LinkStatusPublisher publisher =
                new LinkStatusPublisher(statuses, List.of(nycToSjc), Duration.ofMillis(100))) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> statuses.read(LinkStatusPublisher.directoryKey(nycToSjc), PublishedStatus.class)
                            .filter(p -> "OFFLINE:ERROR".equals(p.state()))
                            .isPresent());
            PublishedStatus published = statuses.read(LinkStatusPublisher.directoryKey(nycToSjc), PublishedStatus.class)
                    .orElseThrow();
            assertThat(published.pendingError()).isEqualTo("RULE_REJECTED");
            assertThat(published.pendingErrorShard()).isEqualTo("superior");
            assertThat(published.pendingExceptionMessage()).isEqualTo(error.message());
        }

        harness.define("superior", "nyc");
        await().atMost(Duration.ofSeconds(30)).until(() -> sjc.count("superior.t") == 1);
        assertThat(nycToSjc.state()).isEqualTo(LinkState.ONLINE);
        assertThat(nycToSjc.status().pendingError()).isEmpty();
    }

    @Test
    void localShardNeverLeavesItsSite() {
        harness.define("superior", "#LOCAL");
        linksBothWays(FilterPolicies.DEFAULTS);
        nyc.execute(
                "CREATE DATABASE superior",
                "CREATE TABLE superior.t (id INT PRIMARY KEY)",
                "INSERT INTO superior.t VALUES (1)");
        createShardWithRows(nyc, "pinnacle", 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> sjc.count("pinnacle.orders") == 1);
        assertThat(sjc.schemaExists("superior")).isFalse();
        assertThat(nycToSjc.state()).isEqualTo(LinkState.ONLINE);
        assertThat(nycToSjc.status().droppedFor(Reason.LOCAL_SHARD)).isEqualTo(3);
    }

    @Test
    void writeAtTheWrongMasterIsCaughtAndNamed() {
        linksBothWays(FilterPolicies.DEFAULTS);
        createShardWithRows(sjc, "acme", 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> nyc.count("acme.orders") == 1);

        nyc.execute("INSERT INTO acme.orders VALUES (99, 'wrong master')");

        await().atMost(Duration.ofSeconds(30)).until(() -> nycToSjc.state() == LinkState.OFFLINE_ERROR);
        String message = nycToSjc.status().pendingError().orElseThrow().message();
        assertThat(message)
                .startsWith("Rejected wrong-master write")
                .contains("shard=acme", "site=nyc", "home=sjc", "gtid=" + nyc.gtidPrefix());
        assertThat(sjc.count("acme.orders")).isEqualTo(1);
    }

    @Test
    void multiSchemaTransactionIsUnknownAndStopsTheLinkByDefault() {
        linksBothWays(FilterPolicies.DEFAULTS);
        harness.define("pinnacle2", "nyc");
        createShardWithRows(nyc, "pinnacle", 0);
        createShardWithRows(nyc, "pinnacle2", 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sjc.schemaExists("pinnacle2") && sjc.count("pinnacle2.orders") == 0);

        nyc.inTransaction(
                "INSERT INTO pinnacle.orders VALUES (1, 'a')", "INSERT INTO pinnacle2.orders VALUES (1, 'b')");

        await().atMost(Duration.ofSeconds(30)).until(() -> nycToSjc.state() == LinkState.OFFLINE_ERROR);
        PendingError error = nycToSjc.status().pendingError().orElseThrow();
        assertThat(error.message())
                .startsWith("Rejected event from unknown shard")
                .contains("shard=#UNKNOWN");
        assertThat(error.shard()).isEqualTo("#UNKNOWN");
    }

    @Test
    void multiSchemaTransactionIsDroppedUnderDropPolicy() {
        linksBothWays(new FilterPolicies(Policy.DROP, Policy.ERROR));
        harness.define("pinnacle2", "nyc");
        createShardWithRows(nyc, "pinnacle", 0);
        createShardWithRows(nyc, "pinnacle2", 0);
        nyc.inTransaction(
                "INSERT INTO pinnacle.orders VALUES (1, 'a')", "INSERT INTO pinnacle2.orders VALUES (1, 'b')");
        nyc.execute("INSERT INTO pinnacle.orders VALUES (2, 'after')");

        await().atMost(Duration.ofSeconds(30)).until(() -> sjc.count("pinnacle.orders") == 1);
        assertThat(sjc.rows("SELECT id FROM pinnacle.orders")).containsExactly(java.util.List.of("2"));
        assertThat(nycToSjc.status().droppedFor(Reason.UNKNOWN_SHARD)).isEqualTo(1);
        assertThat(nycToSjc.state()).isEqualTo(LinkState.ONLINE);
    }
}
