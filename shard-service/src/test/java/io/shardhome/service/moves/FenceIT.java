package io.shardhome.service.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.shardhome.directory.shard.ShardState;
import io.shardhome.directory.site.Site;
import io.shardhome.links.SiteEndpoint;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.RequiresSiteMasters;
import io.shardhome.service.fence.Grantee;
import io.shardhome.service.fence.Revocation;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fence against real MariaDB grant tables: every way to write the moving shard at the old home is
 * closed or the move is refused, grants given at the new home name exactly the schema, a failure after the
 * fence is retried until the move ends unfenced, and a fence nobody owns is swept away.
 */
@RequiresSiteMasters
class FenceIT {
    private static final List<String> IUD = List.of("INSERT", "UPDATE", "DELETE");
    private static MoveSites sites;
    private static MoveEngine engine;

    @BeforeAll
    static void startSites() {
        sites = MoveSites.start();
        engine = sites.engine();
    }

    @AfterAll
    static void stopSites() {
        engine.close();
        sites.close();
    }

    private static void atBoth(String... statements) {
        for (String site : new String[] {"nyc", "sjc"}) {
            unlogged(site, statements);
        }
    }

    private static void unlogged(String site, String... statements) {
        String[] all = new String[statements.length + 1];
        all[0] = "SET sql_log_bin=0";
        System.arraycopy(statements, 0, all, 1, statements.length);
        MoveSites.site(site).execute(all);
    }

    @Test
    void aTableLevelGrantMakesPreflightRefuseNamingTheAccountTheGrantAndTheFix() {
        sites.createShard("fence_tbl", "sjc", "nyc");
        unlogged(
                "sjc",
                "CREATE USER 'clerk'@'%' IDENTIFIED BY 'clerk-secret'",
                "GRANT INSERT ON fence_tbl.orders TO 'clerk'@'%'");
        try {
            assertThatThrownBy(() -> engine.start("fence_tbl", "nyc"))
                    .isInstanceOfSatisfying(MoveException.class, e -> {
                        assertThat(e.code()).isEqualTo(MoveException.Code.FENCE_IMPOSSIBLE);
                        assertThat(e.getMessage())
                                .contains("table grant INSERT ON `fence_tbl`.`orders` lets 'clerk'@'%' write fence_tbl")
                                .contains("REVOKE INSERT ON `fence_tbl`.`orders` FROM 'clerk'@'%'");
                    });
            assertThat(sites.entry("fence_tbl").isPlain()).isTrue();
            assertThat(MoveSites.appWrites("sjc", "fence_tbl")).containsExactlyElementsOf(IUD);
        } finally {
            unlogged("sjc", "DROP USER 'clerk'@'%'");
        }
    }

    @Test
    void wildcardGrantsAndDefinerRoutinesOfTrustedAccountsRefuse() {
        sites.createShard("fence_wild", "sjc", "nyc");
        unlogged(
                "sjc",
                "CREATE USER 'wild'@'10.0.0.%' IDENTIFIED BY 'wild-secret'",
                "GRANT INSERT ON `fence\\_w%`.* TO 'wild'@'10.0.0.%'",
                "CREATE DATABASE fence_side_w",
                "CREATE DEFINER='link'@'%' PROCEDURE fence_side_w.sneak() SQL SECURITY DEFINER"
                        + " INSERT INTO fence_wild.orders VALUES (999, 0, 'sneaked')",
                "GRANT EXECUTE ON PROCEDURE fence_side_w.sneak TO 'app'@'%'");
        try {
            assertThatThrownBy(() -> engine.start("fence_wild", "nyc"))
                    .isInstanceOfSatisfying(MoveException.class, e -> assertThat(e.getMessage())
                            .contains("database grant INSERT ON `fence\\_w%`.* (a wildcard")
                            .contains("'wild'@'10.0.0.%'")
                            .contains("EXECUTE on SQL SECURITY DEFINER procedure `fence_side_w`.`sneak`")
                            .contains("ALTER PROCEDURE `fence_side_w`.`sneak` SQL SECURITY INVOKER"));
            assertThat(sites.entry("fence_wild").isPlain()).isTrue();
        } finally {
            unlogged("sjc", "DROP USER 'wild'@'10.0.0.%'", "DROP DATABASE fence_side_w");
        }
    }

    @Test
    void rolesOtherHostEntriesAndDefinerRoutinesAreFencedAndHandedToTheNewHome() throws Exception {
        sites.createShard("fence_role", "sjc", "nyc");
        atBoth(
                "CREATE ROLE fence_writer",
                "CREATE USER 'roleapp'@'%' IDENTIFIED BY 'roleapp-secret'",
                "GRANT fence_writer TO 'roleapp'@'%'",
                "SET DEFAULT ROLE fence_writer FOR 'roleapp'@'%'",
                "CREATE USER 'app'@'127.0.0.1' IDENTIFIED BY 'app-secret'",
                "CREATE USER 'owner'@'%' IDENTIFIED BY 'owner-secret'");
        unlogged(
                "sjc",
                "GRANT INSERT, UPDATE ON fence_role.* TO fence_writer",
                "GRANT DELETE ON fence_role.* TO 'app'@'127.0.0.1'",
                "GRANT INSERT ON fence_role.* TO 'owner'@'%'",
                "CREATE DATABASE fence_side_r",
                "CREATE DEFINER='owner'@'%' PROCEDURE fence_side_r.bump() SQL SECURITY DEFINER"
                        + " INSERT INTO fence_role.orders VALUES (998, 0, 'bumped')",
                "GRANT EXECUTE ON PROCEDURE fence_side_r.bump TO 'roleapp'@'%'");
        try {
            MoveRecord move = MoveEngineIT.awaitEnd(engine, engine.start("fence_role", "nyc"));

            assertThat(move.phase()).as(move.reason()).isEqualTo(MovePhase.DONE);
            assertThat(move.revokedGrants())
                    .containsExactlyInAnyOrder(
                            new Revocation(Grantee.role("fence_writer"), "fence_role", List.of("INSERT", "UPDATE")),
                            new Revocation(Grantee.account("app", "127.0.0.1"), "fence_role", List.of("DELETE")),
                            new Revocation(MoveSites.APP, "fence_role", IUD),
                            new Revocation(Grantee.account("owner", "%"), "fence_role", List.of("INSERT")));
            assertThat(move.fencedAccounts()).contains("roleapp@%", "app@127.0.0.1", "app@%", "owner@%");
            SiteMaster sjc = new SiteMaster(MoveSites.admin("sjc"));
            assertThat(sjc.writeAccess("fence_role", MoveSites.settings().trustedAccounts())
                            .isClosed())
                    .isTrue();
            assertThat(MoveSites.site("nyc")
                            .value("SELECT CONCAT(Insert_priv, Update_priv) FROM mysql.db WHERE User='fence_writer'"
                                    + " AND Db='fence\\\\_role'"))
                    .isEqualTo("YY");
            assertThat(MoveSites.appWrites("nyc", "fence_role")).containsExactlyElementsOf(IUD);
        } finally {
            atBoth(
                    "DROP USER 'roleapp'@'%'",
                    "DROP ROLE fence_writer", "DROP USER 'app'@'127.0.0.1'", "DROP USER 'owner'@'%'");
            unlogged("sjc", "DROP DATABASE fence_side_r");
        }
    }

    @Test
    void grantsGivenAtTheNewHomeForAcmeEuDoNotMatchAcmeXeu() throws Exception {
        sites.createShard("acme_eu", "sjc", "nyc");
        unlogged("nyc", "CREATE DATABASE acmeXeu", "CREATE TABLE acmeXeu.t (id INT PRIMARY KEY)");
        try {
            MoveRecord move = MoveEngineIT.awaitEnd(engine, engine.start("acme_eu", "nyc"));
            assertThat(move.phase()).as(move.reason()).isEqualTo(MovePhase.DONE);
            sites.awaitLinksCaughtUp();

            Site nyc = Site.of(
                    "nyc", MoveSites.site("nyc").host(), MoveSites.site("nyc").port());
            try (Connection app = MoveSites.appDataSource(nyc).getConnection();
                    Statement s = app.createStatement()) {
                s.execute("INSERT INTO acme_eu.orders VALUES (1, @@server_id, 'at the new home')");
                assertThatThrownBy(() -> s.execute("INSERT INTO acmeXeu.t VALUES (1)"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("denied");
            }
            assertThat(MoveSites.site("nyc")
                            .rows("SELECT Db FROM mysql.db WHERE User='app' AND Host='%' AND Db LIKE 'acme%'"
                                    + " AND Insert_priv='Y'"))
                    .containsExactly(List.of("acme\\_eu"));
        } finally {
            unlogged("nyc", "DROP DATABASE acmeXeu");
        }
    }

    @Test
    void aRevokeFailureMidMoveRetriesReportsWhyItWaitsAndEndsUnfenced() {
        sites.createShard("fence_rb", "sjc", "nyc");
        unlogged(
                "sjc",
                "CREATE USER 'mover'@'%' IDENTIFIED BY 'mover-secret'",
                "GRANT SHOW DATABASES, BINLOG ADMIN, CONNECTION ADMIN, PROCESS ON *.* TO 'mover'@'%'",
                "GRANT SELECT ON mysql.* TO 'mover'@'%'",
                "GRANT SELECT ON shardhome.* TO 'mover'@'%'",
                "GRANT INSERT, UPDATE ON fence_rb.* TO 'mover'@'%' WITH GRANT OPTION");
        MariaDbSite sjcMaster = MoveSites.site("sjc");
        SiteEndpoint mover = new SiteEndpoint("sjc", sjcMaster.host(), sjcMaster.port(), "mover", "mover-secret");
        try (MoveEngine limited =
                sites.engine(MoveSites.settings(), Map.of("sjc", mover, "nyc", MoveSites.admin("nyc")))) {
            String id = limited.start("fence_rb", "nyc");

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> limited.get(id).waiting().contains("MASTER_FAILED"));
            MoveRecord waiting = limited.get(id);
            assertThat(waiting.phase()).isEqualTo(MovePhase.ROLLING_BACK);
            assertThat(waiting.reason()).contains("MASTER_FAILED").contains("REVOKE");
            assertThat(waiting.waiting()).contains("retrying ROLLING_BACK in");
            assertThat(sites.entry("fence_rb").state()).isEqualTo(ShardState.FENCED);
            assertThat(limited.cancel(id).phase()).isEqualTo(MovePhase.ROLLING_BACK);

            unlogged("sjc", "GRANT DELETE ON fence_rb.* TO 'mover'@'%' WITH GRANT OPTION");

            MoveRecord ended = MoveEngineIT.awaitEnd(limited, id);
            assertThat(ended.phase()).isEqualTo(MovePhase.ROLLED_BACK);
            assertThat(ended.waiting()).isEmpty();
            assertThat(sites.entry("fence_rb").isPlain()).isTrue();
            assertThat(sites.entry("fence_rb").home().value()).isEqualTo("sjc");
            assertThat(MoveSites.appWrites("sjc", "fence_rb")).containsExactlyElementsOf(IUD);
        } finally {
            unlogged("sjc", "DROP USER 'mover'@'%'");
        }
    }

    @Test
    void aShardFencedWithoutAMoveIsUnfencedByTheLeadersSweep() {
        sites.createShard("fence_orphan", "nyc", "sjc");
        long version = sites.store().version();
        sites.store().putShard(sites.entry("fence_orphan").withState(ShardState.FENCED, "sjc"), version);

        List<String> started = engine.sweep(List.of(sites.entry("fence_orphan")));

        assertThat(started).singleElement().asString().startsWith("fence_orphan-");
        MoveRecord unfenced = MoveEngineIT.awaitEnd(engine, started.get(0));
        assertThat(unfenced.phase()).isEqualTo(MovePhase.ROLLED_BACK);
        assertThat(unfenced.reason()).contains("without a move owning it");
        assertThat(sites.entry("fence_orphan").isPlain()).isTrue();
        assertThat(engine.sweep(List.of(sites.entry("fence_orphan")))).isEmpty();
    }
}
