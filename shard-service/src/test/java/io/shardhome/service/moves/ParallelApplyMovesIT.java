package io.shardhome.service.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.filter.rules.Decision.Reason;
import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.filter.rules.Policy;
import io.shardhome.links.Link;
import io.shardhome.links.LinkState;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Moves over links that apply in 4 channels: while the moving shard's channel is stalled at the new home
 * by a row lock (an older UPDATE waits there), the move waits or times out and rolls back; it never flips
 * before the stalled UPDATE is applied, whatever the wrong-master policy.
 */
@RequiresSiteMasters
class ParallelApplyMovesIT {
    private static final String SHARD = "acme";
    private static final int CHANNELS = 4;

    @ParameterizedTest(name = "wrongMaster={0}")
    @ValueSource(strings = {"error", "warn", "drop"})
    void aMoveNeverFlipsWhileTheShardsChannelIsStalledAtTheNewHome(String policy) throws Exception {
        assertThat(Math.floorMod(SHARD.hashCode(), CHANNELS))
                .as("the shard's channel is not channel 0, whose row alone used to decide the catch-up")
                .isNotZero();
        FilterPolicies policies = new FilterPolicies(Policy.ERROR, Policy.parse(policy));
        MariaDbSite nyc = MoveSites.site("nyc");
        MariaDbSite sjc = MoveSites.site("sjc");
        try (MoveSites sites = MoveSites.start(List.of("nyc", "sjc"), CHANNELS, policies);
                MoveEngine impatient = sites.engine(settings(Duration.ofSeconds(2)));
                MoveEngine patient = sites.engine(settings(Duration.ofSeconds(20)))) {
            sites.createShard(SHARD, "sjc");
            sjc.execute("INSERT INTO acme.orders VALUES (2, @@server_id, '100')");
            sites.awaitLinksCaughtUp();
            long released;
            String moveId;
            try (Connection copy = nyc.connect();
                    Statement lock = copy.createStatement()) {
                copy.setAutoCommit(false);
                lock.executeQuery("SELECT * FROM acme.orders WHERE id = 2 FOR UPDATE")
                        .close();
                sjc.execute("UPDATE acme.orders SET payload = '200' WHERE id = 2");
                await().atMost(Duration.ofSeconds(30)).until(() -> lockWaits(nyc) > 0);

                MoveRecord timedOut = MoveEngineIT.awaitEnd(impatient, impatient.start(SHARD, "nyc"));
                assertThat(timedOut.phase()).isEqualTo(MovePhase.ROLLED_BACK);
                assertThat(timedOut.reason()).contains("CATCH_UP_TIMEOUT", "sjc->nyc");
                assertThat(timedOut.enteredAtMillis(MovePhase.FLIPPING)).isEqualTo(-1);
                assertThat(sites.entry(SHARD).home().value()).isEqualTo("sjc");

                moveId = patient.start(SHARD, "nyc");
                await().during(Duration.ofSeconds(1))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> patient.get(moveId).phase() == MovePhase.CATCHING_UP
                                && sites.entry(SHARD).home().isSite("sjc"));
                assertThat(sites.entry(SHARD).state()).isEqualTo(ShardState.FENCED);
                released = System.currentTimeMillis();
                copy.rollback();
            }
            MoveRecord done = MoveEngineIT.awaitEnd(patient, moveId);
            assertThat(done.phase()).as(done.reason()).isEqualTo(MovePhase.DONE);
            assertThat(done.enteredAtMillis(MovePhase.FLIPPING)).isGreaterThanOrEqualTo(released);

            updateAsApplication("nyc", "300");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "300".equals(sjc.value("SELECT payload FROM acme.orders WHERE id = 2")));
            sites.awaitLinksCaughtUp();
            String rows = "SELECT id, written_by, payload FROM acme.orders ORDER BY id";
            assertThat(nyc.rows(rows)).isEqualTo(sjc.rows(rows));
            assertThat(nyc.value("SELECT payload FROM acme.orders WHERE id = 2"))
                    .isEqualTo("300");
            for (Link link : sites.links()) {
                assertThat(link.state()).as(link.id()).isEqualTo(LinkState.ONLINE);
                assertThat(link.status().pendingError()).as(link.id()).isEmpty();
                assertThat(link.status().droppedFor(Reason.NOT_FROM_HOME))
                        .as(link.id())
                        .isZero();
                assertThat(link.status().droppedFor(Reason.WRONG_MASTER))
                        .as(link.id())
                        .isZero();
            }
        }
    }

    /**
     * Default settings with the given catch-up timeout, and a lag bound that lets a move start over a link
     * whose channel the test stalls on purpose (its lag grows while it is stalled).
     */
    private static MoveSettings settings(Duration catchUpTimeout) {
        return MoveSites.settings().withMaxLagSeconds(60).withCatchUpTimeout(catchUpTimeout);
    }

    private static long lockWaits(MariaDbSite site) {
        return Long.parseLong(
                site.value("SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'"));
    }

    private static void updateAsApplication(String site, String payload) throws Exception {
        MariaDbSite master = MoveSites.site(site);
        try (Connection c = MoveSites.appDataSource(Site.of(site, master.host(), master.port()))
                        .getConnection();
                Statement update = c.createStatement()) {
            update.executeUpdate("UPDATE acme.orders SET payload = '" + payload + "' WHERE id = 2");
        }
    }
}
