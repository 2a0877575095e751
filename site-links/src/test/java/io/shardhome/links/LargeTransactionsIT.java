package io.shardhome.links;

import static io.shardhome.links.testing.LinkHarness.awaitCaughtUp;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.links.testing.LinkHarnessExtension;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Transactions larger than one BINLOG statement and than the link's memory buffer arrive whole: a
 * statement of 300,000 rows (about 45 MB of row events, spilled to a file and replayed in several
 * statements, each with its table maps) and a 16 MB BLOB (one event sent in two fragments).
 */
@RequiresSiteMasters
class LargeTransactionsIT {
    private final MariaDbSite sjc = MariaDbSites.get("sjc");
    private final MariaDbSite nyc = MariaDbSites.get("nyc");

    @RegisterExtension
    final LinkHarnessExtension links = LinkHarnessExtension.sites("sjc", "nyc").shard("acme", "sjc");

    @Test
    void aStatementOfHundredsOfThousandsOfRowsArrivesWhole() {
        Link link = links.harness().link("sjc", "nyc");
        sjc.execute(
                "CREATE DATABASE acme",
                "CREATE TABLE acme.big (id INT PRIMARY KEY, a INT, pad VARCHAR(150))",
                "CREATE TABLE acme.other (id INT PRIMARY KEY)");
        sjc.inTransaction(
                "INSERT INTO acme.big SELECT seq, seq % 7, REPEAT('x', 120) FROM acme.seq_1_to_300000",
                "INSERT INTO acme.other VALUES (1)", "UPDATE acme.big SET a = a + 1 WHERE id % 3 = 0");

        awaitCaughtUp(link, "sjc");

        assertThat(link.state()).isEqualTo(LinkState.ONLINE);
        assertThat(nyc.count("acme.big")).isEqualTo(300_000);
        assertThat(nyc.rows("CHECKSUM TABLE acme.big EXTENDED"))
                .isEqualTo(sjc.rows("CHECKSUM TABLE acme.big EXTENDED"));
        assertThat(nyc.count("acme.other")).isEqualTo(1);
    }

    @Test
    void aSixteenMegabyteBlobArrivesInFragments() {
        Link link = links.harness().link("sjc", "nyc");
        sjc.execute(
                "CREATE DATABASE acme",
                "CREATE TABLE acme.blobs (id INT PRIMARY KEY, b LONGBLOB)",
                "INSERT INTO acme.blobs VALUES (1, REPEAT(UNHEX('00FF7A'), 5592405))");

        awaitCaughtUp(link, "sjc");

        assertThat(link.state()).isEqualTo(LinkState.ONLINE);
        assertThat(nyc.value("SELECT MD5(b) FROM acme.blobs WHERE id = 1"))
                .isEqualTo(sjc.value("SELECT MD5(b) FROM acme.blobs WHERE id = 1"));
    }
}
