package io.shardhome.links;

import static io.shardhome.links.testing.LinkHarness.awaitCaughtUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.links.testing.Flavour;
import io.shardhome.links.testing.LinkHarnessExtension;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults a link cannot retry away stop it in OFFLINE:ERROR with the code, the GTID and shard it stopped
 * at, and a message that says what to do; nothing after the failed transaction is applied, and once
 * the operator has fixed the cause, resuming continues exactly where it stopped.
 */
@RequiresSiteMasters
class LinkFatalFaultsIT {
    private final MariaDbSite sjc = MariaDbSites.get("sjc");
    private final MariaDbSite nyc = MariaDbSites.get("nyc");

    @RegisterExtension
    final LinkHarnessExtension links = LinkHarnessExtension.sites("sjc", "nyc").shard("acme", "sjc");

    @Test
    void missingColumnAtTheTargetStopsTheLinkAsSchemaMismatchAndResumingAfterTheFixLosesNothing() {
        Link link = links.harness().link("sjc", "nyc");
        sjc.execute("CREATE DATABASE acme", "CREATE TABLE acme.t (id INT PRIMARY KEY, v INT)");
        awaitCaughtUp(link, "sjc");
        nyc.execute("SET sql_log_bin=0", "ALTER TABLE acme.t DROP COLUMN v");

        sjc.execute("INSERT INTO acme.t VALUES (1, 10)", "INSERT INTO acme.t VALUES (2, 20)");

        PendingError error = awaitStopped(link);
        assertThat(error.code()).isEqualTo(LinkException.Code.SCHEMA_MISMATCH);
        assertThat(error.shard()).isEqualTo("acme");
        assertThat(error.gtid()).startsWith(sjc.gtidPrefix());
        assertThat(error.message()).contains("acme.t=2 columns at the source, 1 at", "make the target's tables match");
        assertThat(nyc.count("acme.t")).isZero();

        nyc.execute("SET sql_log_bin=0", "ALTER TABLE acme.t ADD COLUMN v INT");
        link.resume();
        awaitCaughtUp(link, "sjc");
        assertThat(nyc.rows("SELECT id, v FROM acme.t ORDER BY id"))
                .isEqualTo(sjc.rows("SELECT id, v FROM acme.t ORDER BY id"));
        assertThat(link.state()).isEqualTo(LinkState.ONLINE);
    }

    @ParameterizedTest(name = "channels={0}")
    @ValueSource(ints = {1, 2})
    void rowMissingAtTheTargetStopsTheLinkAsDivergedNamingTheKeyShardAndGtid(int channels) {
        if (channels > 1) {
            Flavour.assumeMariaDb("parallel apply needs a MariaDB source");
        }
        Link link = links.harness()
                .started(LinkConfig.of(sjc.endpoint(), nyc.endpoint(), FilterPolicies.DEFAULTS, sjc.gtidPosition())
                        .withChannels(channels));
        sjc.execute("CREATE DATABASE acme", "CREATE TABLE acme.t (id INT PRIMARY KEY, v INT)");
        sjc.execute("INSERT INTO acme.t VALUES (7, 1)");
        awaitCaughtUp(link, "sjc");
        nyc.execute("SET sql_log_bin=0", "DELETE FROM acme.t WHERE id=7");

        sjc.execute("UPDATE acme.t SET v=2 WHERE id=7");

        PendingError error = awaitStopped(link);
        assertThat(error.code()).isEqualTo(LinkException.Code.DATA_DIVERGED);
        assertThat(error.shard()).isEqualTo("acme");
        assertThat(error.gtid()).startsWith(sjc.gtidPrefix());
        assertThat(error.message()).contains("acme.t", "re-seed the copy", "skip this transaction");
        assertThat(error.message()).doesNotContain("7,").doesNotContain("=7");
        assertThat(error.transaction())
                .hasValueSatisfying(tx -> assertThat(tx.rows()).containsEntry("acme.t", 1L));
    }

    @Test
    void ddlUnderAServerIdNoLinkWritesUnderStopsTheLinkInsteadOfPassingForALinksDdl() {
        Link link = links.harness().link("sjc", "nyc");
        sjc.execute("CREATE DATABASE acme", "CREATE TABLE acme.t (id INT PRIMARY KEY)");
        awaitCaughtUp(link, "sjc");

        sjc.execute("SET SESSION server_id=4242", "CREATE TABLE acme.u (id INT PRIMARY KEY)");

        PendingError error = awaitStopped(link);
        assertThat(error.code()).isEqualTo(LinkException.Code.UNSUPPORTED_EVENT);
        assertThat(error.gtid()).contains("-4242-");
        assertThat(error.message())
                .contains("under server_id 4242", "a server id no link applying into sjc writes under", "skip");
        assertThat(nyc.rows("SHOW TABLES IN acme")).containsExactly(java.util.List.of("t"));
    }

    @Test
    void purgedBinlogStopsTheLinkNamingThePositionAndHowToReseed() {
        sjc.execute("CREATE DATABASE scratch", "DROP DATABASE scratch");
        String before = sjc.gtidPosition();
        sjc.execute(
                "CREATE DATABASE acme", "CREATE TABLE acme.t (id INT PRIMARY KEY)", "INSERT INTO acme.t VALUES (1)");
        sjc.execute("FLUSH BINARY LOGS");
        String current = sjc.rows("SHOW MASTER STATUS").get(0).get(0);
        // MariaDB keeps a binlog until its binlog checkpoint (engines durable) has passed: purge until gone
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sjc.execute("PURGE BINARY LOGS TO '" + current + "'");
            return sjc.rows("SHOW BINARY LOGS").get(0).get(0).equals(current);
        });

        Link link = new Link(
                LinkConfig.of(sjc.endpoint(), nyc.endpoint(), FilterPolicies.DEFAULTS, before),
                links.harness().view());
        try {
            link.start();
            PendingError error = awaitStopped(link);
            assertThat(error.code()).isEqualTo(LinkException.Code.BINLOG_PURGED);
            assertThat(error.message()).contains(before, "purged", "re-copy the shards homed at sjc");
            assertThat(nyc.schemaExists("acme")).isFalse();
        } finally {
            link.close();
        }
    }

    private static PendingError awaitStopped(Link link) {
        await().atMost(Duration.ofSeconds(30)).until(() -> link.state() == LinkState.OFFLINE_ERROR);
        return link.status().pendingError().orElseThrow();
    }
}
