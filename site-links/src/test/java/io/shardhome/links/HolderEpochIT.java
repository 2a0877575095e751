package io.shardhome.links;

import static io.shardhome.links.testing.LinkHarness.awaitCaughtUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.links.testing.LinkHarnessExtension;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances never apply one link at once: a holder that lost the link (a later holder epoch claimed its
 * rows at the target) cannot commit what it had in flight, so nothing is applied twice.
 */
@RequiresSiteMasters
class HolderEpochIT {
    private final MariaDbSite sjc = MariaDbSites.get("sjc");
    private final MariaDbSite nyc = MariaDbSites.get("nyc");

    @RegisterExtension
    final LinkHarnessExtension links = LinkHarnessExtension.sites("sjc", "nyc").shard("acme", "sjc");

    @Test
    void aDeposedHolderStopsSupersededAndItsInFlightTransactionIsAppliedOnceByTheNewHolder() throws Exception {
        LinkConfig config = LinkConfig.of(sjc.endpoint(), nyc.endpoint(), FilterPolicies.DEFAULTS, sjc.gtidPosition());
        Link first = links.harness().started(config.withHolderEpoch(1));
        sjc.execute("CREATE DATABASE acme", "CREATE TABLE acme.t (id INT PRIMARY KEY)");
        awaitCaughtUp(first, "sjc");

        Link second;
        try (Connection lock = nyc.connect();
                Statement s = lock.createStatement()) {
            s.execute("LOCK TABLES acme.t WRITE");
            sjc.execute("INSERT INTO acme.t VALUES (1)");
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForTheLock() == 1);
            second = links.harness().started(config.withHolderEpoch(2));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForTheLock() == 2);
            s.execute("UNLOCK TABLES");
        }

        awaitCaughtUp(second, "sjc");
        await().atMost(Duration.ofSeconds(30)).until(() -> first.state() == LinkState.OFFLINE_ERROR);
        assertThat(first.status().pendingError()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(LinkException.Code.SUPERSEDED);
            assertThat(e.message()).contains("holder epoch 2");
        });
        assertThat(nyc.rows("SELECT id FROM acme.t")).containsExactly(java.util.List.of("1"));
        assertThat(second.state()).isEqualTo(LinkState.ONLINE);
        sjc.execute("INSERT INTO acme.t VALUES (2)");
        awaitCaughtUp(second, "sjc");
        assertThat(nyc.count("acme.t")).isEqualTo(2);
    }

    private long waitingForTheLock() {
        return Long.parseLong(nyc.value("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                + " WHERE STATE = 'Waiting for table metadata lock'"));
    }
}
