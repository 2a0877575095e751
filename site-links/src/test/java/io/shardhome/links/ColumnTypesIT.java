package io.shardhome.links;

import static io.shardhome.links.testing.LinkHarness.awaitCaughtUp;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.links.testing.LinkHarnessExtension;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every column type arrives at the target exactly as it is at the source, row for row. */
@RequiresSiteMasters
class ColumnTypesIT {
    private static final String TYPES_TABLE = "CREATE TABLE acme.types (id INT PRIMARY KEY,"
            + " ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED,"
            + " mi MEDIUMINT, miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED,"
            + " d DECIMAL(20,6), du DECIMAL(10,2) UNSIGNED, f FLOAT, db DOUBLE,"
            + " vc VARCHAR(50) CHARACTER SET utf8mb4, ch CHAR(10) CHARACTER SET utf8mb4,"
            + " l1 VARCHAR(50) CHARACTER SET latin1, l1c CHAR(5) CHARACTER SET latin1,"
            + " tx TEXT CHARACTER SET utf8mb4, l1t TEXT CHARACTER SET latin1,"
            + " bn BINARY(4), vb VARBINARY(20), bl BLOB,"
            + " dt DATE, tm TIME(6), dtt DATETIME(6), ts TIMESTAMP(6) NULL, yr YEAR,"
            + " js JSON, en ENUM('red','green','blue'), st SET('a','b','c'), bt BIT(10), b1 BIT(1))";
    private static final String EXTREMES = "INSERT INTO acme.types VALUES (1,"
            + " -128, 255, -32768, 65535, -8388608, 16777215, -2147483648, 4294967295,"
            + " -9223372036854775808, 18446744073709551615,"
            + " -12345678901234.123456, 99999999.99, 3.14159, -2.718281828459045,"
            + " 'héllo 日本 🎉', 'abc', 'café €', 'àé', REPEAT('x€', 500), 'Grüße',"
            + " 0x00ff10ab, 0x000102, 0xdeadbeef00,"
            + " '2024-02-29', '838:59:59.000001', '2024-02-29 23:59:59.999999', '2038-01-19 03:14:07.999999', 2155,"
            + " '{\"a\": [1, 2, {\"b\": null}], \"c\": \"ü\"}', 'green', 'a,c', b'1010101010', b'1')";
    private static final String ZEROES = "INSERT INTO acme.types VALUES (3,"
            + " 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '', '', '', '', '', '', 0x00000000, '', '',"
            + " '1000-01-01', '00:00:00', '1000-01-01 00:00:00.000001', '1970-01-01 00:00:01.000000', 1901,"
            + " '[]', 'red', '', b'0', b'0')";

    private final MariaDbSite sjc = MariaDbSites.get("sjc");
    private final MariaDbSite nyc = MariaDbSites.get("nyc");

    @RegisterExtension
    final LinkHarnessExtension links = LinkHarnessExtension.sites("sjc", "nyc").shard("acme", "sjc");

    @Test
    void everyColumnTypeIsCopiedExactlyThroughInsertUpdateAndDelete() {
        Link link = links.harness().link("sjc", "nyc");
        sjc.execute("CREATE DATABASE acme", TYPES_TABLE, EXTREMES, "INSERT INTO acme.types (id) VALUES (2)", ZEROES);
        sjc.execute(
                "UPDATE acme.types SET vc='changed ✓', biu=0, tm='-01:02:03.5', bl=NULL WHERE id=1",
                "UPDATE acme.types SET l1='Ÿ', js='{\"k\": 1.5}', ts='2001-02-03 04:05:06.7' WHERE id=2",
                "INSERT INTO acme.types SELECT 4, ti, tiu, si, siu, mi, miu, i, iu, bi, biu, d, du, f, db, vc, ch, l1,"
                        + " l1c, tx, l1t, bn, vb, bl, dt, tm, dtt, ts, yr, js, en, st, bt, b1 FROM acme.types WHERE id=3",
                "DELETE FROM acme.types WHERE id=3");
        awaitCaughtUp(link, "sjc");

        assertThat(link.state()).isEqualTo(LinkState.ONLINE);
        assertSameRows("SELECT id, ti, tiu, si, siu, mi, miu, i, iu, bi, biu, d, du, HEX(f), HEX(db), vc, ch, l1, l1c,"
                + " tx, l1t, HEX(bn), HEX(vb), HEX(bl), dt, tm, dtt, ts, yr, js, en, st, HEX(bt), HEX(b1)"
                + " FROM acme.types ORDER BY id");
        assertThat(nyc.value("CHECKSUM TABLE acme.types")).isEqualTo(sjc.value("CHECKSUM TABLE acme.types"));
    }

    @Test
    void tablesWithoutPrimaryKeyChangeOneMatchingRowAtATime() {
        Link link = links.harness().link("sjc", "nyc");
        sjc.execute(
                "CREATE DATABASE acme",
                "CREATE TABLE acme.log (a INT, b VARCHAR(10))",
                "INSERT INTO acme.log VALUES (1, 'x'), (1, 'x'), (2, NULL)",
                "DELETE FROM acme.log WHERE a=1 LIMIT 1",
                "UPDATE acme.log SET b='y' WHERE a=2");
        awaitCaughtUp(link, "sjc");

        assertSameRows("SELECT a, b FROM acme.log ORDER BY a, b");
        assertThat(nyc.rows("SELECT a, b FROM acme.log ORDER BY a")).hasSize(2);
    }

    @Test
    void textThatNeedsEscapingArrivesUnchangedEvenWhenTheTargetTakesBackslashesLiterally() {
        String mode = nyc.value("SELECT @@GLOBAL.sql_mode");
        nyc.execute("SET GLOBAL sql_mode=CONCAT(@@GLOBAL.sql_mode, ',NO_BACKSLASH_ESCAPES')");
        try {
            Link link = links.harness().link("sjc", "nyc");
            sjc.execute(
                    "CREATE DATABASE acme",
                    "CREATE TABLE acme.notes (id INT PRIMARY KEY, t VARCHAR(50), l1 VARCHAR(50) CHARACTER SET latin1)",
                    "INSERT INTO acme.notes VALUES (1, 'it''s', 'O''Brien'), (2, 'back\\\\slash', 'tab\\tend'),"
                            + " (3, CONCAT('nul', CHAR(0), 'line', CHAR(10), 'ctrl', CHAR(26)), 'é\\\\'),"
                            + " (4, '', NULL)");
            awaitCaughtUp(link, "sjc");

            assertSameRows("SELECT id, HEX(t), HEX(l1) FROM acme.notes ORDER BY id");
            assertThat(nyc.value("SELECT COUNT(*) FROM acme.notes")).isEqualTo("4");
        } finally {
            nyc.execute("SET GLOBAL sql_mode='" + mode + "'");
        }
    }

    private void assertSameRows(String query) {
        assertThat(nyc.rows(query)).isEqualTo(sjc.rows(query));
    }
}
