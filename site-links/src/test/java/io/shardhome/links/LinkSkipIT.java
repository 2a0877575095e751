package io.shardhome.links;

import static io.shardhome.links.testing.LinkHarness.awaitCaughtUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.links.testing.LinkHarnessExtension;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An operator skips exactly the transaction a stopped link stopped at, and the link goes on after it. */
@RequiresSiteMasters
class LinkSkipIT {
    private final MariaDbSite sjc = MariaDbSites.get("sjc");
    private final MariaDbSite nyc = MariaDbSites.get("nyc");

    @RegisterExtension
    final LinkHarnessExtension links = LinkHarnessExtension.sites("sjc", "nyc").shard("acme", "sjc");

    @ParameterizedTest(name = "channels={0}")
    @ValueSource(ints = {1, 4})
    void skippingThePendingTransactionResumesAfterItAndRecordsWhatItHeld(int channels) {
        Link link = links.harness()
                .started(LinkConfig.of(sjc.endpoint(), nyc.endpoint(), FilterPolicies.DEFAULTS, sjc.gtidPosition())
                        .withChannels(channels));
        sjc.execute("CREATE DATABASE acme", "CREATE TABLE acme.t (id INT PRIMARY KEY, v INT)");
        sjc.execute("INSERT INTO acme.t VALUES (1, 1), (2, 2)");
        awaitCaughtUp(link, "sjc");
        nyc.execute("SET sql_log_bin=0", "DELETE FROM acme.t WHERE id=2");
        sjc.execute("UPDATE acme.t SET v=v+10");
        sjc.execute("INSERT INTO acme.t VALUES (3, 3)");
        PendingError error = awaitStopped(link);
        assertThat(error.code()).isEqualTo(LinkException.Code.DATA_DIVERGED);
        assertThat(error.transaction())
                .hasValueSatisfying(tx -> assertThat(tx.rows()).containsEntry("acme.t", 2L));

        assertThatThrownBy(() -> link.skip("9-9-9", "test"))
                .isInstanceOfSatisfying(LinkException.class, e -> assertThat(e.getMessage())
                        .contains("stopped at transaction " + error.gtid(), "refuses any other"));
        link.skip(error.gtid(), "operator-x");

        awaitCaughtUp(link, "sjc");
        assertThat(link.state()).isEqualTo(LinkState.ONLINE);
        assertThat(nyc.rows("SELECT id, v FROM acme.t ORDER BY id"))
                .containsExactly(java.util.List.of("1", "1"), java.util.List.of("3", "3"));
        SkipRecord skipped = link.status().skips().get(0);
        assertThat(skipped.by()).isEqualTo("operator-x");
        assertThat(skipped.transaction().gtid()).isEqualTo(error.gtid());
        assertThat(skipped.transaction().rows()).containsEntry("acme.t", 2L);
    }

    @Test
    void aStatementLoggedTransactionCanBeSkippedWhole() {
        Link link = links.harness().link("sjc", "nyc");
        sjc.execute("CREATE DATABASE acme", "CREATE TABLE acme.t (id INT PRIMARY KEY, v INT)");
        sjc.execute(
                "SET SESSION binlog_format=STATEMENT",
                "BEGIN",
                "INSERT INTO acme.t VALUES (30, 1)",
                "INSERT INTO acme.t VALUES (31, 1)",
                "COMMIT");
        PendingError error = awaitStopped(link);
        assertThat(error.code()).isEqualTo(LinkException.Code.STATEMENT_LOGGED);
        assertThat(error.message()).contains("binlog_format=ROW").doesNotContain("30");
        assertThat(nyc.count("acme.t")).isZero();

        link.skip(error.gtid(), "operator-y");
        sjc.execute("INSERT INTO acme.t VALUES (40, 4)");

        awaitCaughtUp(link, "sjc");
        assertThat(nyc.rows("SELECT id FROM acme.t")).containsExactly(java.util.List.of("40"));
    }

    private static PendingError awaitStopped(Link link) {
        await().atMost(Duration.ofSeconds(30)).until(() -> link.state() == LinkState.OFFLINE_ERROR);
        return link.status().pendingError().orElseThrow();
    }
}
