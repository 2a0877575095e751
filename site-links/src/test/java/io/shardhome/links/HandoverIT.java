package io.shardhome.links;

import static io.shardhome.links.testing.LinkHarness.awaitCaughtUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.shard.ShardEntry;
import io.shardhome.directory.store.DirectoryStore;
import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.rules.Decision.Reason;
import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.filter.rules.Policy;
import io.shardhome.links.testing.Flavour;
import io.shardhome.links.testing.LinkHarness;
import io.shardhome.links.testing.LinkHarnessExtension;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After acme's home moves nyc -> sjc, the copy at lon gets nyc's pre-fence transactions over a lagging link
 * nyc->lon, and sjc's newer ones over sjc->lon: lon applies nyc's first whatever the order the links read
 * them in, and no link stops or drops a pre-fence transaction. (The move itself is shard-service's: here the
 * test fences by hand and flips the directory as a move does.)
 */
@RequiresSiteMasters
class HandoverIT {
    private static final String ROWS = "SELECT id, v FROM acme.t ORDER BY id";
    private static final List<String> ROW_1 = List.of("1", "100");
    private final MariaDbSite nyc = MariaDbSites.get("nyc");
    private final MariaDbSite sjc = MariaDbSites.get("sjc");
    private final MariaDbSite lon = MariaDbSites.get("lon");

    @RegisterExtension
    final LinkHarnessExtension links =
            LinkHarnessExtension.sites("nyc", "sjc", "lon").shard("acme", "nyc");

    @ParameterizedTest(name = "wrongMaster and channels: {0}")
    @ValueSource(strings = {"error 1", "warn 1", "drop 4"})
    void theNewHomesWritesWaitAtALaggingCopyUntilTheOldHomesPreFenceWritesAreApplied(String setup) {
        FilterPolicies policies = new FilterPolicies(Policy.ERROR, Policy.parse(setup.split(" ")[0]));
        int channels = Integer.parseInt(setup.split(" ")[1]);
        if (channels > 1) {
            Flavour.assumeMariaDb("parallel apply needs a MariaDB source");
        }
        LinkHarness harness = links.harness();
        Link nycToSjc = harness.link("nyc", "sjc", policies);
        Link nycToLon = started(harness, nyc, lon, policies, channels);
        Link sjcToLon = started(harness, sjc, lon, policies, channels);
        Link sjcToNyc = harness.link("sjc", "nyc", policies);
        nyc.execute(
                "CREATE DATABASE acme",
                "CREATE TABLE acme.t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO acme.t VALUES (1, 100)");
        awaitCaughtUp(nycToLon, "nyc");
        nycToLon.close();

        nyc.execute("UPDATE acme.t SET v = 200 WHERE id = 1", "INSERT INTO acme.t VALUES (2, 200)");
        moveAcmeToSjc(harness, nycToSjc);
        sjc.execute("UPDATE acme.t SET v = 300 WHERE id = 1", "UPDATE acme.t SET v = 300 WHERE id = 2");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> sjcToLon.status().waiting().contains("nyc->lon"));
        assertThat(sjcToLon.status().waiting()).contains("shard acme", "until link nyc->lon has applied", "at lon");
        assertThat(lon.rows(ROWS))
                .as("nothing newer of acme before nyc's last writes")
                .containsExactly(ROW_1);
        sjcToLon.close();
        assertThat(sjcToLon.state()).as("closing ends the wait").isEqualTo(LinkState.OFFLINE);
        Link reopened = harness.started(sjcToLon.config());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reopened.status().waiting().contains("nyc->lon"));

        Link lagging = harness.started(nycToLon.config());
        awaitCaughtUp(lagging, "nyc");
        awaitCaughtUp(reopened, "sjc");
        awaitCaughtUp(sjcToNyc, "sjc");
        assertThat(reopened.status().waiting()).isEmpty();
        assertThat(lon.rows(ROWS)).isEqualTo(List.of(List.of("1", "300"), List.of("2", "300")));
        assertThat(nyc.rows(ROWS)).isEqualTo(lon.rows(ROWS));
        assertThat(sjc.rows(ROWS)).isEqualTo(lon.rows(ROWS));
        for (Link link : List.of(nycToSjc, lagging, reopened, sjcToNyc)) {
            assertThat(link.state()).as(link.id()).isEqualTo(LinkState.ONLINE);
            assertThat(link.status().pendingError()).as(link.id()).isEmpty();
        }
        assertThat(lagging.status().dropped())
                .as("nyc's pre-fence writes read after the flip are applied, not dropped")
                .doesNotContainKeys(Reason.WRONG_MASTER, Reason.NOT_FROM_HOME);
    }

    /** What a move does in the directory: fence position of nyc, nyc->sjc caught up, one flip with the tenures. */
    private void moveAcmeToSjc(LinkHarness harness, Link nycToSjc) {
        GtidSet fence = GtidSet.parse(nyc.gtidPosition());
        awaitCaughtUp(nycToSjc, "nyc");
        GtidSet start = GtidSet.parse(sjc.gtidPosition());
        DirectoryStore store = harness.directory().store();
        ShardDefinition acme = store.shard("acme").entry().definition();
        long flipped = store.putShard(ShardEntry.active(acme.movedTo("sjc", fence, start)), store.version());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> harness.view().current().version() >= flipped);
    }

    private static Link started(
            LinkHarness harness, MariaDbSite from, MariaDbSite to, FilterPolicies policies, int channels) {
        return harness.started(LinkConfig.of(from.endpoint(), to.endpoint(), policies, from.gtidPosition())
                .withChannels(channels));
    }

    @Test
    void aCopyWithNoPredecessorLinkPositionWaitsAndSaysSo() {
        LinkHarness harness = links.harness();
        Link sjcToLon = harness.link("sjc", "lon");
        Link nycToSjc = harness.link("nyc", "sjc");
        nyc.execute("CREATE DATABASE acme", "CREATE TABLE acme.t (id INT PRIMARY KEY, v INT)");
        lon.execute("SET sql_log_bin=0", "CREATE DATABASE acme", "CREATE TABLE acme.t (id INT PRIMARY KEY, v INT)");
        moveAcmeToSjc(harness, nycToSjc);
        sjc.execute("INSERT INTO acme.t VALUES (1, 1)");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> sjcToLon.status().waiting().contains("nyc->lon"));
        assertThat(sjcToLon.status().waiting()).contains("(it is at no position)");
        assertThat(sjcToLon.state()).isEqualTo(LinkState.ONLINE);
        assertThat(lon.count("acme.t")).isZero();

        Link nycToLon = harness.link("nyc", "lon");
        awaitCaughtUp(nycToLon, "nyc");
        awaitCaughtUp(sjcToLon, "sjc");
        assertThat(lon.count("acme.t")).isEqualTo(1);
    }
}
