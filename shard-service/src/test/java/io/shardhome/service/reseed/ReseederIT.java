package io.shardhome.service.reseed;

import static io.shardhome.links.testing.LinkHarness.awaitCaughtUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.filter.rules.FilterPolicies;
import io.shardhome.links.Link;
import io.shardhome.links.LinkConfig;
import io.shardhome.links.LinkState;
import io.shardhome.links.testing.LinkHarnessExtension;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import io.shardhome.service.consistency.HomeWriter;
import io.shardhome.service.consistency.LinkCheck;
import io.shardhome.service.consistency.ShardResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Re-seeding a damaged copy online, against real masters and links, while the home takes writes. */
@RequiresSiteMasters
class ReseederIT {
    private static final Reseeder.Progress QUIET = new Reseeder.Progress() {
        @Override
        public void phase(String phase, String note) {}

        @Override
        public void rows(long copied, long estimated) {}
    };

    private final MariaDbSite nyc = MariaDbSites.get("nyc");
    private final MariaDbSite sjc = MariaDbSites.get("sjc");

    @RegisterExtension
    final LinkHarnessExtension links =
            LinkHarnessExtension.sites("nyc", "sjc").shard("acme", "nyc").shard("beta", "nyc");

    private Link started(int channels) {
        Link link = links.harness()
                .started(LinkConfig.of(nyc.endpoint(), sjc.endpoint(), FilterPolicies.DEFAULTS, nyc.gtidPosition())
                        .withChannels(channels));
        nyc.execute(
                "CREATE DATABASE acme",
                "CREATE TABLE acme.orders (id BIGINT PRIMARY KEY, v INT, note VARCHAR(64))",
                "CREATE TABLE acme.kinds (id INT PRIMARY KEY, b BIT(5), d DATETIME(6), t TEXT, bin VARBINARY(8),"
                        + " e ENUM('x','y'), j JSON, g POINT, u TINYINT UNSIGNED, dec1 DECIMAL(10,3),"
                        + " gen INT AS (id * 2) VIRTUAL)",
                "CREATE TABLE acme.nokey (a INT, b VARCHAR(10))",
                "CREATE VIEW acme.big_orders AS SELECT id FROM acme.orders WHERE v > 3",
                "CREATE TRIGGER acme.orders_note BEFORE INSERT ON acme.orders FOR EACH ROW"
                        + " SET NEW.note = COALESCE(NEW.note, 'none')",
                "CREATE PROCEDURE acme.touch(x INT) UPDATE acme.orders SET v = v + 1 WHERE id = x",
                "CREATE DATABASE beta",
                "CREATE TABLE beta.t (id BIGINT PRIMARY KEY, v INT, note VARCHAR(64))");
        nyc.execute(
                "INSERT INTO acme.orders SELECT seq, seq % 7, CONCAT('n', seq) FROM acme.seq_1_to_20000",
                "INSERT INTO acme.kinds (id, b, d, t, bin, e, j, g, u, dec1) VALUES"
                        + " (1, b'10101', '2024-01-02 03:04:05.123456', 'tab\\there\\nnew \\\\ line', x'00ff5c0a09',"
                        + " 'y', '{\"a\": [1, 2]}', POINT(1.5, 2.5), 255, -12.345),"
                        + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                        + " (3, b'0', '0000-00-00 00:00:00', '', '', 'x', 'null', POINT(0, 0), 0, 0)",
                "INSERT INTO acme.nokey VALUES (1, 'a'), (1, 'a'), (2, NULL)");
        awaitCaughtUp(link, "nyc");
        return link;
    }

    private List<ShardResult> check(Link link) throws Exception {
        return new LinkCheck(link, nyc.endpoint(), sjc.endpoint(), LinkCheck.Settings.DEFAULTS)
                .run(List.of("acme", "beta"), (done, total) -> {});
    }

    @Test
    void reseedUnderA200TxPerSecondWriterLeavesAnExactCopyAndEveryAcknowledgedWrite() throws Exception {
        Link link = started(2);
        sjc.execute(
                "SET sql_log_bin=0",
                "UPDATE acme.orders SET v = 99 WHERE id = 5",
                "DELETE FROM acme.kinds WHERE id = 3",
                "DROP PROCEDURE acme.touch");
        assertThat(check(link).get(0).status()).isEqualTo(ShardResult.DIFFERENT);
        List<String> phases = new ArrayList<>();
        HomeWriter writer = new HomeWriter(nyc, "acme.orders", 200, 1_000_000);
        HomeWriter other = new HomeWriter(nyc, "beta.t", 50, 1);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledgedCount() > 200);
            Reseeder.Result result = new Reseeder(link, links.harness().view(), Reseeder.Settings.DEFAULTS, () -> true)
                    .run(List.of("acme"), "test", new Reseeder.Progress() {
                        @Override
                        public void phase(String phase, String note) {
                            phases.add(phase);
                        }

                        @Override
                        public void rows(long copied, long estimated) {}
                    });
            assertThat(result.rows()).isGreaterThan(20_000);
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledgedCount() > 1_000);
        } finally {
            writer.close();
            other.close();
        }
        awaitCaughtUp(link, "nyc");
        assertThat(phases).containsExactly("EXCLUDING", "COPYING", "CATCHING_UP", "HANDING_BACK", "DONE");
        assertThat(link.excluded()).isEmpty();
        List<ShardResult> after = check(link);
        assertThat(after)
                .extracting(ShardResult::status)
                .as(after.toString())
                .containsExactly(ShardResult.SAME, ShardResult.SAME);
        for (MariaDbSite site : List.of(nyc, sjc)) {
            assertThat(Long.parseLong(site.value("SELECT COUNT(*) FROM acme.orders WHERE id >= 1000000")))
                    .isEqualTo(writer.acknowledgedCount());
        }
        assertThat(sjc.value("SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA='acme'"))
                .isEqualTo("1");
        assertThat(sjc.value("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA='acme'"))
                .isEqualTo("1");
        assertThat(sjc.value("SELECT COUNT(*) FROM shardhome.link_position WHERE link_id LIKE '%reseed%'"))
                .isEqualTo("0");
        assertThat(sjc.rows("SELECT HEX(b), HEX(bin), t, ST_AsText(g), u, dec1, j FROM acme.kinds ORDER BY id"))
                .isEqualTo(
                        nyc.rows("SELECT HEX(b), HEX(bin), t, ST_AsText(g), u, dec1, j FROM acme.kinds ORDER BY id"));
    }

    @Test
    void aLinkStoppedAsDivergedAtTheShardIsRepairedByItsReseed() throws Exception {
        Link link = started(1);
        sjc.execute("SET sql_log_bin=0", "DELETE FROM acme.orders WHERE id = 7");
        nyc.execute("UPDATE acme.orders SET v = 5 WHERE id = 7", "INSERT INTO beta.t VALUES (1, 0, '')");
        await().atMost(Duration.ofSeconds(30)).until(() -> link.state() == LinkState.OFFLINE_ERROR);

        new Reseeder(link, links.harness().view(), Reseeder.Settings.DEFAULTS, () -> true)
                .run(List.of("acme"), "test", QUIET);

        awaitCaughtUp(link, "nyc");
        assertThat(link.state()).isEqualTo(LinkState.ONLINE);
        assertThat(sjc.value("SELECT v FROM acme.orders WHERE id = 7")).isEqualTo("5");
        assertThat(sjc.count("beta.t")).isEqualTo(1);
        assertThat(check(link)).extracting(ShardResult::status).containsExactly(ShardResult.SAME, ShardResult.SAME);
    }

    @Test
    void aLinkStoppedByAPurgedBinlogIsRepairedByReseedingEveryShardOfItsHome() throws Exception {
        nyc.execute("CREATE DATABASE scratch", "DROP DATABASE scratch");
        String before = nyc.gtidPosition();
        nyc.execute(
                "CREATE DATABASE acme",
                "CREATE TABLE acme.t (id INT PRIMARY KEY, v INT)",
                "INSERT INTO acme.t VALUES (1, 1), (2, 2)",
                "CREATE DATABASE beta",
                "CREATE TABLE beta.t (id INT PRIMARY KEY)",
                "INSERT INTO beta.t VALUES (1)",
                "FLUSH BINARY LOGS");
        String current = nyc.rows("SHOW MASTER STATUS").get(0).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            nyc.execute("PURGE BINARY LOGS TO '" + current + "'");
            return nyc.rows("SHOW BINARY LOGS").get(0).get(0).equals(current);
        });
        Link link = new Link(
                LinkConfig.of(nyc.endpoint(), sjc.endpoint(), FilterPolicies.DEFAULTS, before),
                links.harness().view());
        try {
            link.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> link.state() == LinkState.OFFLINE_ERROR);

            Reseeder.Result result = new Reseeder(link, links.harness().view(), Reseeder.Settings.DEFAULTS, () -> true)
                    .run(List.of("acme"), "test", QUIET);

            assertThat(result.tables()).isEqualTo(2);
            nyc.execute("INSERT INTO acme.t VALUES (3, 3)", "INSERT INTO beta.t VALUES (2)");
            awaitCaughtUp(link, "nyc");
            assertThat(sjc.count("acme.t")).isEqualTo(3);
            assertThat(sjc.count("beta.t")).isEqualTo(2);
            assertThat(check(link)).extracting(ShardResult::status).containsExactly(ShardResult.SAME, ShardResult.SAME);
        } finally {
            link.close();
        }
    }
}
