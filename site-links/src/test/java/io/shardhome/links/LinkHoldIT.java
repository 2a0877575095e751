package io.shardhome.links;

import static io.shardhome.links.testing.LinkHarness.awaitCaughtUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shardhome.filter.gtid.GtidSet;
import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.links.target.LinkPosition;
import io.shardhome.links.testing.LinkHarnessExtension;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A link stands still at an exact source position on request (what a consistency check needs to take
 * snapshots at one point), and leaves a shard out, persistently, while another reader carries it (what a
 * re-seed needs).
 */
@RequiresSiteMasters
class LinkHoldIT {
    private static final Duration HOLD = Duration.ofSeconds(5);
    private final MariaDbSite sjc = MariaDbSites.get("sjc");
    private final MariaDbSite nyc = MariaDbSites.get("nyc");

    @RegisterExtension
    final LinkHarnessExtension links =
            LinkHarnessExtension.sites("sjc", "nyc").shard("acme", "sjc").shard("beta", "sjc");

    @ParameterizedTest(name = "channels={0}")
    @ValueSource(ints = {1, 4})
    void aHeldLinkAppliesExactlyUpToTheLimitAndNothingAfterUntilReleased(int channels) throws Exception {
        Link link = links.harness()
                .started(LinkConfig.of(sjc.endpoint(), nyc.endpoint(), FilterPolicies.DEFAULTS, sjc.gtidPosition())
                        .withChannels(channels));
        sjc.execute("CREATE DATABASE acme", "CREATE TABLE acme.t (id INT PRIMARY KEY)");
        awaitCaughtUp(link, "sjc");
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 1; writing.get(); i++) {
                sjc.execute("INSERT INTO acme.t VALUES (" + i + ")");
            }
        });
        writer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> nyc.count("acme.t") > 20);
            LinkPosition first = link.hold(null, HOLD, HOLD);
            long rowsAtHold = nyc.count("acme.t");
            Snapshot source = snapshot();
            assertThat(nyc.count("acme.t")).isEqualTo(rowsAtHold);

            LinkPosition atLimit = link.hold(source.gtid(), HOLD, HOLD);

            assertThat(atLimit.gtidSet()).isEqualTo(source.gtid());
            assertThat(first.gtidSet().behind(source.gtid())).isPositive();
            await().during(Duration.ofMillis(300))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> nyc.count("acme.t") == source.rows());
            link.release();
        } finally {
            writing.set(false);
            writer.join();
        }
        awaitCaughtUp(link, "sjc");
        assertThat(nyc.count("acme.t")).isEqualTo(sjc.count("acme.t"));
    }

    private record Snapshot(GtidSet gtid, long rows) {}

    /** The source's GTID position and row count at one consistent snapshot, as a consistency check takes them. */
    private Snapshot snapshot() throws java.sql.SQLException {
        try (java.sql.Connection c = sjc.connect();
                java.sql.Statement s = c.createStatement()) {
            s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
            String file;
            long position;
            try (java.sql.ResultSet rs = s.executeQuery("SHOW STATUS LIKE 'binlog_snapshot_%'")) {
                java.util.Map<String, String> status = new java.util.HashMap<>();
                while (rs.next()) {
                    status.put(rs.getString(1), rs.getString(2));
                }
                file = status.get("Binlog_snapshot_file");
                position = Long.parseLong(status.get("Binlog_snapshot_position"));
            }
            String gtid;
            try (java.sql.ResultSet rs = s.executeQuery("SELECT BINLOG_GTID_POS('" + file + "', " + position + ")")) {
                rs.next();
                gtid = rs.getString(1);
            }
            try (java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM acme.t")) {
                rs.next();
                return new Snapshot(GtidSet.parse(gtid), rs.getLong(1));
            }
        }
    }

    @Test
    void anExcludedShardIsLeftOutAcrossRestartsUntilIncludedAgain() throws Exception {
        Link link = links.harness().link("sjc", "nyc");
        sjc.execute(
                "CREATE DATABASE acme",
                "CREATE TABLE acme.t (id INT PRIMARY KEY)",
                "CREATE DATABASE beta",
                "CREATE TABLE beta.t (id INT PRIMARY KEY)");
        awaitCaughtUp(link, "sjc");

        link.exclude("acme", "test", HOLD);
        sjc.execute("INSERT INTO acme.t VALUES (1)", "INSERT INTO beta.t VALUES (1)");
        awaitCaughtUp(link, "sjc");
        assertThat(nyc.count("acme.t")).isZero();
        assertThat(nyc.count("beta.t")).isEqualTo(1);
        assertThat(link.status().excluded()).containsExactly("acme");

        link.close();
        Link again = links.harness().started(link.config());
        sjc.execute("INSERT INTO acme.t VALUES (2)");
        awaitCaughtUp(again, "sjc");
        assertThat(nyc.count("acme.t")).isZero();
        assertThat(again.excluded()).containsExactly("acme");

        again.include("acme", HOLD);
        sjc.execute("INSERT INTO acme.t VALUES (3)");
        awaitCaughtUp(again, "sjc");
        assertThat(nyc.rows("SELECT id FROM acme.t")).containsExactly(java.util.List.of("3"));
        assertThat(again.excluded()).isEmpty();
    }

    @Test
    void aHelperLinkCarriesOnlyItsShardsUnderItsOwnPosition() {
        sjc.execute(
                "CREATE DATABASE acme",
                "CREATE TABLE acme.t (id INT PRIMARY KEY)",
                "CREATE DATABASE beta",
                "CREATE TABLE beta.t (id INT PRIMARY KEY)");
        nyc.execute(
                "SET sql_log_bin=0",
                "CREATE DATABASE acme",
                "CREATE TABLE acme.t (id INT PRIMARY KEY)",
                "CREATE DATABASE beta",
                "CREATE TABLE beta.t (id INT PRIMARY KEY)");
        String start = sjc.gtidPosition();
        sjc.execute("INSERT INTO acme.t VALUES (1)", "INSERT INTO beta.t VALUES (1)");

        Link helper = links.harness()
                .started(LinkConfig.of(sjc.endpoint(), nyc.endpoint(), FilterPolicies.DEFAULTS, start)
                        .onlyFor(Set.of("beta"), "~only-beta"));
        awaitCaughtUp(helper, "sjc");

        assertThat(nyc.count("acme.t")).isZero();
        assertThat(nyc.count("beta.t")).isEqualTo(1);
        assertThat(nyc.value("SELECT COUNT(*) FROM shardhome.link_position WHERE link_id = 'sjc->nyc~only-beta'"))
                .isEqualTo("1");
    }

    @Test
    void aHoldThatIsNeverReleasedEndsByItself() throws Exception {
        Link link = links.harness().link("sjc", "nyc");
        sjc.execute("CREATE DATABASE acme", "CREATE TABLE acme.t (id INT PRIMARY KEY)");
        awaitCaughtUp(link, "sjc");

        link.hold(null, Duration.ofMillis(300), HOLD);
        sjc.execute("INSERT INTO acme.t VALUES (1)");

        awaitCaughtUp(link, "sjc");
        assertThat(nyc.count("acme.t")).isEqualTo(1);
        assertThatThrownBy(() -> link.hold(GtidSet.parse("9-9-1"), HOLD, Duration.ofMillis(500)))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("did not reach");
    }

    @Test
    void aLinkClosedWhileHeldAppliesNothingBeyondItsHold() throws Exception {
        Link link = links.harness().link("sjc", "nyc");
        sjc.execute("CREATE DATABASE acme", "CREATE TABLE acme.t (id INT PRIMARY KEY)");
        awaitCaughtUp(link, "sjc");
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 1; writing.get(); i++) {
                sjc.execute("INSERT INTO acme.t VALUES (" + i + ")");
            }
        });
        writer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> nyc.count("acme.t") > 20);
            link.hold(null, HOLD, HOLD);
            long atHold = nyc.count("acme.t");

            link.close();

            assertThat(nyc.count("acme.t")).isEqualTo(atHold);
        } finally {
            writing.set(false);
            writer.join();
        }
    }
}
