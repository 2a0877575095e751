package io.shardhome.service.consistency;

import static io.shardhome.links.testing.LinkHarness.awaitCaughtUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shardhome.links.Link;
import io.shardhome.links.testing.LinkHarnessExtension;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The check against real masters and a real link: exact at one point while the home is written, and loud on damage. */
@RequiresSiteMasters
class LinkCheckIT {
    private static final LinkCheck.Settings SMALL_CHUNKS =
            new LinkCheck.Settings(2, 500, 10, Duration.ofSeconds(10), Duration.ofSeconds(30));
    private final MariaDbSite nyc = MariaDbSites.get("nyc");
    private final MariaDbSite sjc = MariaDbSites.get("sjc");

    @RegisterExtension
    final LinkHarnessExtension links =
            LinkHarnessExtension.sites("nyc", "sjc").shard("acme", "nyc").shard("beta", "nyc");

    private Link started() {
        Link link = links.harness().link("nyc", "sjc");
        nyc.execute(
                "CREATE DATABASE acme",
                "CREATE TABLE acme.orders (id BIGINT PRIMARY KEY, v INT, note VARCHAR(64))",
                "CREATE TABLE acme.lines (o BIGINT, n INT, item VARCHAR(20), PRIMARY KEY (o, n))",
                "CREATE TABLE acme.log (at INT, msg TEXT)",
                "CREATE DATABASE beta",
                "CREATE TABLE beta.t (code VARCHAR(10) NOT NULL, v BLOB, UNIQUE KEY code (code))");
        nyc.execute(
                "INSERT INTO acme.orders SELECT seq, seq % 7, CONCAT('n', seq) FROM acme.seq_1_to_3000",
                "INSERT INTO acme.lines SELECT seq DIV 3, seq % 3, NULL FROM acme.seq_1_to_2000",
                "INSERT INTO acme.log SELECT seq, 'x' FROM acme.seq_1_to_50",
                "INSERT INTO beta.t SELECT CONCAT('c', seq), UNHEX(HEX(seq)) FROM acme.seq_1_to_1200");
        awaitCaughtUp(link, "nyc");
        return link;
    }

    private List<ShardResult> check(Link link) throws Exception {
        return new LinkCheck(link, nyc.endpoint(), sjc.endpoint(), SMALL_CHUNKS)
                .run(List.of("acme", "beta"), (done, total) -> {});
    }

    @Test
    void findsNothingWhileAWriterRunsAtTheHome() throws Exception {
        Link link = started();
        try (HomeWriter writer = new HomeWriter(nyc, "acme.orders", 200, 100_000)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledgedCount() > 100);
            for (int round = 0; round < 3; round++) {
                List<ShardResult> results = check(link);
                assertThat(results)
                        .extracting(ShardResult::status)
                        .as(results.toString())
                        .containsExactly(ShardResult.SAME, ShardResult.SAME);
                assertThat(results.get(0).tablesCompared()).isEqualTo(3);
                assertThat(results.get(0).rows()).isPositive();
            }
        }
    }

    @Test
    void namesRowsChangedMissingAndExtraAtTheCopyAndDifferentDefinitions() throws Exception {
        Link link = started();
        sjc.execute(
                "SET sql_log_bin=0",
                "UPDATE acme.orders SET v = 99 WHERE id = 1234",
                "DELETE FROM acme.lines WHERE o = 5 AND n = 1",
                "INSERT INTO acme.orders VALUES (777777, 1, 'extra')",
                "UPDATE acme.log SET msg = 'y' WHERE at = 3",
                "ALTER TABLE beta.t ADD INDEX v (v(4))");

        List<ShardResult> results = check(link);

        ShardResult acme = results.get(0);
        assertThat(acme.status()).isEqualTo(ShardResult.DIFFERENT);
        TableDiff orders = table(acme, "orders");
        assertThat(orders.different().keys()).containsExactly("1234");
        assertThat(orders.extra().keys()).containsExactly("777777");
        assertThat(orders.missing().count()).isZero();
        assertThat(table(acme, "lines").missing().keys()).containsExactly("5,1");
        TableDiff log = table(acme, "log");
        assertThat(log.missing().count()).isEqualTo(1);
        assertThat(log.extra().count()).isEqualTo(1);
        ShardResult beta = results.get(1);
        assertThat(beta.status()).isEqualTo(ShardResult.DIFFERENT);
        assertThat(table(beta, "t").status()).isEqualTo(TableDiff.DEFINITION);
        assertThat(table(beta, "t").copyDefinition()).contains("KEY `v`");
        assertThat(table(beta, "t").different().count()).isZero();
    }

    @Test
    void aTableWithoutKeyWhoseRowsWereSwappedForAPairOfEqualRowsDiffers() throws Exception {
        Link link = started();
        sjc.execute(
                "SET sql_log_bin=0",
                "DELETE FROM acme.log WHERE at IN (1, 2)",
                "INSERT INTO acme.log VALUES (99, 'q'), (99, 'q')");

        TableDiff log = table(check(link).get(0), "log");

        assertThat(log.missing().count()).isEqualTo(2);
        assertThat(log.extra().count()).isEqualTo(2);
    }

    @Test
    void checksumTableReadsTheSnapshotOfItsTransaction() throws Exception {
        started();
        try (java.sql.Connection c = Snapshots.open(nyc.endpoint());
                java.sql.Statement s = c.createStatement()) {
            Snapshots.begin(c);
            String before = checksum(s);
            nyc.execute("UPDATE acme.orders SET v = v + 1 WHERE id = 17");

            assertThat(checksum(s)).isEqualTo(before);
            s.execute("COMMIT");
            assertThat(checksum(s)).isNotEqualTo(before);
        }
    }

    private static String checksum(java.sql.Statement s) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = s.executeQuery("CHECKSUM TABLE acme.orders")) {
            rs.next();
            return rs.getString(2);
        }
    }

    @Test
    void aTableMissingAtTheCopyIsNamed() throws Exception {
        Link link = started();
        sjc.execute("SET sql_log_bin=0", "DROP TABLE acme.log");

        ShardResult acme = check(link).get(0);

        assertThat(table(acme, "log").status()).isEqualTo(TableDiff.MISSING);
    }

    private static TableDiff table(ShardResult result, String table) {
        return result.tables().stream()
                .filter(t -> t.table().equals(table))
                .findFirst()
                .orElseThrow(() -> new AssertionError(table + " not in " + result));
    }
}
