package io.shardhome.links.preflight;

import static io.shardhome.links.preflight.LinkPreflightIT.as;
import static io.shardhome.links.preflight.LinkPreflightIT.createAccount;
import static io.shardhome.links.preflight.LinkPreflightIT.dropAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.testing.Flavour;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Why the target checks exist: the replica settings act on BINLOG statements a client session executes
 * (how the link applies rows), not only on the replica SQL thread. Each test replays a real source
 * transaction (its events read from the source's binlog file) at the target under one setting. Also why
 * some settings are not checked: replication filters do not act on it, and a MINIMAL row image replays
 * identically. Global variables are put back in {@code finally}; the test schema is made and dropped without
 * writing the binlog at the target.
 */
class BinlogReplaySettingsIT {
    private static final String SCHEMA = "preflight_replay";
    private static final List<String> NO_SETTINGS = List.of();

    private final MariaDbSite nyc = MariaDbSites.get("nyc");
    private final MariaDbSite sjc = MariaDbSites.get("sjc");

    @BeforeEach
    void tables() {
        Flavour.assumeMariaDb("MariaDB BINLOG replay and replica settings");
        for (MariaDbSite site : List.of(nyc, sjc)) {
            site.execute(
                    "SET sql_log_bin=0",
                    "DROP DATABASE IF EXISTS " + SCHEMA,
                    "CREATE DATABASE " + SCHEMA,
                    "CREATE TABLE " + SCHEMA + ".t (id INT PRIMARY KEY, v VARCHAR(20))",
                    "CREATE TABLE " + SCHEMA + ".fired (n INT AUTO_INCREMENT PRIMARY KEY, id INT)",
                    "CREATE TABLE " + SCHEMA + ".keyless (a INT, b VARCHAR(20), c BLOB)");
        }
        nyc.execute("SET sql_log_bin=0", "CREATE TABLE " + SCHEMA + ".narrow (id INT PRIMARY KEY, n TINYINT UNSIGNED)");
        sjc.execute("SET sql_log_bin=0", "CREATE TABLE " + SCHEMA + ".narrow (id INT PRIMARY KEY, n SMALLINT)");
    }

    @AfterEach
    void dropTables() {
        for (MariaDbSite site : List.of(nyc, sjc)) {
            site.execute("SET sql_log_bin=0", "DROP DATABASE IF EXISTS " + SCHEMA);
        }
    }

    @Test
    void idempotentExecModeLetsAReplayedDuplicateOverwriteTheCopyWithoutAnError() {
        sjc.execute("SET sql_log_bin=0", "INSERT INTO " + SCHEMA + ".t VALUES (1, 'only at the copy')");
        SourceBinlog.Replay insert =
                SourceBinlog.capture(nyc, NO_SETTINGS, "INSERT INTO " + SCHEMA + ".t VALUES (1, 'home')");

        assertThatThrownBy(() -> replay(sjc.endpoint(), insert)).hasMessageContaining("Duplicate entry");
        assertThat(sjc.value("SELECT v FROM " + SCHEMA + ".t WHERE id=1")).isEqualTo("only at the copy");
        sjc.execute("SET GLOBAL slave_exec_mode=IDEMPOTENT");
        try {
            replay(sjc.endpoint(), insert);
            assertThat(sjc.value("SELECT v FROM " + SCHEMA + ".t WHERE id=1")).isEqualTo("home");
        } finally {
            sjc.execute("SET GLOBAL slave_exec_mode=STRICT");
        }
    }

    @Test
    void idempotentExecModeLetsAReplayedUpdateOfAMissingRowDoNothingWithoutAnError() {
        nyc.execute("SET sql_log_bin=0", "INSERT INTO " + SCHEMA + ".t VALUES (1, 'a')");
        SourceBinlog.Replay update =
                SourceBinlog.capture(nyc, NO_SETTINGS, "UPDATE " + SCHEMA + ".t SET v='b' WHERE id=1");

        assertThatThrownBy(() -> replay(sjc.endpoint(), update)).hasMessageContaining("Can't find record");
        sjc.execute("SET GLOBAL slave_exec_mode=IDEMPOTENT");
        try {
            replay(sjc.endpoint(), update);
            assertThat(sjc.count(SCHEMA + ".t")).isZero();
        } finally {
            sjc.execute("SET GLOBAL slave_exec_mode=STRICT");
        }
    }

    @Test
    void theCopysTriggersFireForReplayedRowsUnlessRunTriggersForRbrIsNo() {
        sjc.execute(
                "SET sql_log_bin=0",
                "CREATE TRIGGER " + SCHEMA + ".t_ai AFTER INSERT ON " + SCHEMA + ".t FOR EACH ROW INSERT INTO " + SCHEMA
                        + ".fired (id) VALUES (NEW.id)");
        SourceBinlog.Replay first =
                SourceBinlog.capture(nyc, NO_SETTINGS, "INSERT INTO " + SCHEMA + ".t VALUES (1, 'a')");
        SourceBinlog.Replay second =
                SourceBinlog.capture(nyc, NO_SETTINGS, "INSERT INTO " + SCHEMA + ".t VALUES (2, 'b')");

        replay(sjc.endpoint(), first);
        assertThat(sjc.count(SCHEMA + ".fired")).isZero();
        sjc.execute("SET GLOBAL slave_run_triggers_for_rbr=YES");
        try {
            replay(sjc.endpoint(), second);
            assertThat(sjc.rows("SELECT id FROM " + SCHEMA + ".fired")).containsExactly(List.of("2"));
        } finally {
            sjc.execute("SET GLOBAL slave_run_triggers_for_rbr=NO");
        }
    }

    @Test
    void typeConversionsChangeAReplayedValueSilentlyWhileWithoutThemTheReplayStops() {
        SourceBinlog.Replay insert =
                SourceBinlog.capture(nyc, NO_SETTINGS, "INSERT INTO " + SCHEMA + ".narrow VALUES (1, 255)");

        // The client only sees "error 1105: Unknown error"; the server's error log names the column and types.
        assertThatThrownBy(() -> replay(sjc.endpoint(), insert)).hasMessageContaining("error 1105");
        assertThat(sjc.count(SCHEMA + ".narrow")).isZero();
        sjc.execute("SET GLOBAL slave_type_conversions='ALL_NON_LOSSY'");
        try {
            replay(sjc.endpoint(), insert);
            assertThat(sjc.value("SELECT n FROM " + SCHEMA + ".narrow WHERE id=1"))
                    .isEqualTo("-1");
        } finally {
            sjc.execute("SET GLOBAL slave_type_conversions=''");
        }
    }

    @Test
    void readOnlyRefusesReplayedRowsOfAnAccountWithoutReadOnlyAdmin() {
        String user = "preflight_replayer";
        createAccount(sjc, user, "REVOKE READ_ONLY ADMIN ON *.* FROM '" + user + "'@'%'");
        SourceBinlog.Replay insert =
                SourceBinlog.capture(nyc, NO_SETTINGS, "INSERT INTO " + SCHEMA + ".t VALUES (1, 'a')");
        sjc.execute("SET GLOBAL read_only=ON");
        try {
            assertThatThrownBy(() -> replay(as(sjc, user), insert)).hasMessageContaining("error 1290");
            assertThat(sjc.count(SCHEMA + ".t")).isZero();
            replay(sjc.endpoint(), insert);
            assertThat(sjc.count(SCHEMA + ".t")).isOne();
        } finally {
            sjc.execute("SET GLOBAL read_only=OFF");
            dropAccount(sjc, user);
        }
    }

    @Test
    void replicationFiltersDoNotActOnReplayedRows() {
        SourceBinlog.Replay insert =
                SourceBinlog.capture(nyc, NO_SETTINGS, "INSERT INTO " + SCHEMA + ".t VALUES (1, 'a')");
        sjc.execute(
                "SET GLOBAL replicate_ignore_db='" + SCHEMA + "'",
                "SET GLOBAL replicate_wild_ignore_table='" + SCHEMA + ".%'");
        try {
            replay(sjc.endpoint(), insert);
            assertThat(sjc.count(SCHEMA + ".t")).isOne();
        } finally {
            sjc.execute("SET GLOBAL replicate_ignore_db=''", "SET GLOBAL replicate_wild_ignore_table=''");
        }
    }

    @Test
    void minimalRowImagesReplayIdenticallyForKeyedAndKeylessTables() {
        String rows = " VALUES (1, 'a'), (2, 'b'), (3, 'c')";
        String keyless = " VALUES (1, 'a', 'x'), (1, 'a', 'y'), (2, 'b', 'z')";
        for (MariaDbSite site : List.of(nyc, sjc)) {
            site.execute(
                    "SET sql_log_bin=0",
                    "INSERT INTO " + SCHEMA + ".t" + rows,
                    "INSERT INTO " + SCHEMA + ".keyless" + keyless);
        }
        SourceBinlog.Replay changes = SourceBinlog.capture(
                nyc,
                List.of("SET SESSION binlog_row_image=MINIMAL"),
                "UPDATE " + SCHEMA + ".t SET v='z' WHERE id=1",
                "UPDATE " + SCHEMA + ".t SET id=5 WHERE id=2",
                "DELETE FROM " + SCHEMA + ".t WHERE id=3",
                "UPDATE " + SCHEMA + ".keyless SET b='q' WHERE c='y'",
                "DELETE FROM " + SCHEMA + ".keyless WHERE c='z'");

        replay(sjc.endpoint(), changes);

        for (String table : List.of(".t", ".keyless")) {
            String checksum = "CHECKSUM TABLE " + SCHEMA + table + " EXTENDED";
            assertThat(sjc.rows(checksum)).isEqualTo(nyc.rows(checksum));
        }
    }

    /** Executes the replay at {@code target} as a link would, on a session of {@code target}'s account. */
    private static void replay(SiteEndpoint target, SourceBinlog.Replay replay) {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
                Statement s = c.createStatement()) {
            for (String statement : replay.statements()) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "replay at " + target + " failed: error " + e.getErrorCode() + ": " + e.getMessage(), e);
        }
    }
}
