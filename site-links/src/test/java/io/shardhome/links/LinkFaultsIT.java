package io.shardhome.links;

import static io.shardhome.links.testing.LinkHarness.awaitCaughtUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.links.testing.Flavour;
import io.shardhome.links.testing.LinkHarness;
import io.shardhome.links.testing.LinkHarnessExtension;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import io.shardhome.links.testing.Workload;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Crashes and restarts during a load lose nothing and apply nothing twice. */
@RequiresSiteMasters
class LinkFaultsIT {
    private static final List<String> SHARDS = List.of("acme", "bolt", "cinder", "dune");
    private final MariaDbSite sjc = MariaDbSites.get("sjc");
    private final MariaDbSite nyc = MariaDbSites.get("nyc");

    @RegisterExtension
    final LinkHarnessExtension links = LinkHarnessExtension.sites("sjc", "nyc")
            .shard("acme", "sjc")
            .shard("bolt", "sjc")
            .shard("cinder", "sjc")
            .shard("dune", "sjc");

    @ParameterizedTest(name = "channels={0}")
    @ValueSource(ints = {1, 4})
    void linkKilledRepeatedlyDuringALoadEndsWithIdenticalTables(int channels) {
        if (channels > 1) {
            Flavour.assumeMariaDb("parallel apply needs a MariaDB source");
        }
        Link link = links.harness()
                .started(LinkConfig.of(sjc.endpoint(), nyc.endpoint(), FilterPolicies.DEFAULTS, sjc.gtidPosition())
                        .withChannels(channels));
        Workload.createShards(sjc, SHARDS);
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> Workload.load(sjc, SHARDS, 600, 10));
        for (int kill = 1; kill <= 8; kill++) {
            Link current = link;
            long appliedBefore = current.status().applied();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> current.status().applied() > appliedBefore || caughtUpAndLoadDone(current, load));
            nyc.killLinkSessions();
            sjc.killLinkSessions();
            if (kill == 4) {
                link.close();
                link = links.harness().started(link.config());
            }
        }
        load.join();
        awaitAllCopied(link);
    }

    @Test
    void targetRestartMidStreamRecoversByItself() {
        Link link = links.harness().link("sjc", "nyc");
        Workload.createShards(sjc, SHARDS);
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> Workload.load(sjc, SHARDS, 400, 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> link.status().applied() > 20);

        nyc.restart();

        load.join();
        await().atMost(Duration.ofSeconds(60)).until(() -> link.state() == LinkState.ONLINE);
        assertThat(link.status().pendingError()).isEmpty();
        awaitAllCopied(link);
    }

    @Test
    void channelCountMayChangeAfterAGracefulStop() {
        Flavour.assumeMariaDb("parallel apply needs a MariaDB source");
        LinkConfig serial = LinkConfig.of(sjc.endpoint(), nyc.endpoint(), FilterPolicies.DEFAULTS, sjc.gtidPosition());
        Workload.createShards(sjc, SHARDS);
        int firstTx = 0;
        for (int channels : new int[] {1, 4, 2, 1}) {
            Link link = links.harness().started(serial.withChannels(channels));
            Workload.load(sjc, SHARDS, firstTx, 60, 5);
            firstTx += 60;
            awaitCaughtUp(link, "sjc");
            link.close();
        }
        awaitAllCopied(links.harness().started(serial));
    }

    @Test
    void aChannelCountChangeAfterAnUnfinishedStopStopsTheLinkUntilItFinishesWithTheOldCount() {
        Flavour.assumeMariaDb("parallel apply needs a MariaDB source");
        LinkConfig four = LinkConfig.of(sjc.endpoint(), nyc.endpoint(), FilterPolicies.DEFAULTS, sjc.gtidPosition())
                .withChannels(4);
        Link first = links.harness().started(four);
        Workload.createShards(sjc, SHARDS);
        awaitCaughtUp(first, "sjc");
        String afterDdl = sjc.gtidPosition();
        Workload.load(sjc, SHARDS, 0, 60, 5);
        awaitCaughtUp(first, "sjc");
        first.close();
        // As a crash can leave them: channel 3 (no shard of this test is routed there) stored an older position.
        nyc.execute(
                "SET sql_log_bin=0",
                "UPDATE shardhome.link_position SET gtid_set='" + afterDdl + "' WHERE link_id='sjc->nyc#3'");

        Link two = new Link(four.withChannels(2), links.harness().view());
        try {
            two.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> two.state() == LinkState.OFFLINE_ERROR);
            PendingError error = two.status().pendingError().orElseThrow();
            assertThat(error.code()).isEqualTo(LinkException.Code.CHANNEL_COUNT_CHANGED);
            assertThat(error.message()).contains("sjc->nyc", "4 apply channels", "channels=4", afterDdl);
        } finally {
            two.close();
        }

        Link finishing = links.harness().started(four);
        awaitCaughtUp(finishing, "sjc");
        finishing.close();
        Link fewer = links.harness().started(four.withChannels(2));
        assertThat(nyc.rows("SELECT link_id FROM shardhome.link_position ORDER BY link_id"))
                .containsExactly(List.of("sjc->nyc"), List.of("sjc->nyc#1"));
        Workload.load(sjc, SHARDS, 60, 60, 5);
        awaitAllCopied(fewer);
    }

    private boolean caughtUpAndLoadDone(Link link, CompletableFuture<Void> load) {
        return load.isDone() && link.state() == LinkState.ONLINE && LinkHarness.isCaughtUp(link, "sjc");
    }

    private void awaitAllCopied(Link link) {
        awaitCaughtUp(link, "sjc");
        for (String shard : SHARDS) {
            String table = shard + ".rows";
            assertThat(nyc.count(table)).as(table).isEqualTo(sjc.count(table)).isPositive();
            assertThat(nyc.value("CHECKSUM TABLE " + table)).as(table).isEqualTo(sjc.value("CHECKSUM TABLE " + table));
            String ordered = "SELECT id, shard_seq, payload, updated FROM " + table + " ORDER BY id";
            assertThat(nyc.rows(ordered)).as(table).isEqualTo(sjc.rows(ordered));
        }
    }
}
