package io.shardhome.service.grants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import io.shardhome.service.ShardhomeApplication;
import io.shardhome.service.cli.ShardhomeCli;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.SharedZooKeeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Managed grants follow each shard's home at real MariaDB masters, and {@code grants check} reports every
 * kind of drift at every site.
 */
@RequiresSiteMasters
@SpringBootTest(classes = ShardhomeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GrantsIT {
    private static final String ADMIN = "grants-admin-token";
    private static final String HEADER = "shard_id master critical\n";

    @LocalServerPort
    int port;

    private Api admin;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        registry.add("shardhome.cluster", () -> "grants-it");
        registry.add("shardhome.zookeeper.connect", SharedZooKeeper::connectString);
        registry.add("shardhome.security.tokens[0].name", () -> "ops");
        registry.add("shardhome.security.tokens[0].token", () -> ADMIN);
        registry.add("shardhome.security.tokens[0].role", () -> "admin");
        registry.add("shardhome.grants.accounts", () -> "gapp@%");
        registry.add(
                "shardhome.grants.trusted-accounts",
                () -> "root@localhost,mariadb.sys@localhost," + MariaDbSite.LINK_USER + "@%");
        for (String site : new String[] {"nyc", "sjc"}) {
            registry.add("shardhome.site-credentials." + site + ".user", () -> MariaDbSite.USER);
            registry.add("shardhome.site-credentials." + site + ".password", () -> MariaDbSite.PASSWORD);
        }
    }

    @BeforeAll
    static void accounts() {
        for (String site : new String[] {"nyc", "sjc"}) {
            MariaDbSites.get(site)
                    .execute(
                            "SET sql_log_bin=0",
                            "CREATE USER IF NOT EXISTS 'gapp'@'%' IDENTIFIED BY 'gapp-secret'",
                            "CREATE USER IF NOT EXISTS 'gclerk'@'%' IDENTIFIED BY 'gclerk-secret'");
        }
    }

    @AfterAll
    static void dropAccounts() {
        for (String site : new String[] {"nyc", "sjc"}) {
            MariaDbSites.get(site).execute("SET sql_log_bin=0", "DROP USER 'gapp'@'%'", "DROP USER 'gclerk'@'%'");
        }
    }

    @BeforeEach
    void sites() {
        admin = Api.at(port, ADMIN);
        for (String site : new String[] {"nyc", "sjc"}) {
            admin.putJson(
                    "/api/v1/sites/" + site,
                    "{\"host\":\"" + MariaDbSites.get(site).host() + "\",\"port\":"
                            + MariaDbSites.get(site).port() + "}");
        }
    }

    /** Select, insert and delete privileges of 'gapp'@'%' on exactly {@code shard} (its escaped grant). */
    private static List<List<String>> gappRow(String site, String shard) {
        return MariaDbSites.get(site)
                .rows("SELECT Select_priv, Insert_priv, Delete_priv FROM mysql.db WHERE User='gapp' AND Host='%'"
                        + " AND Db='" + shard.replace("_", "\\\\_") + "'");
    }

    @Test
    void managedAccountsMayWriteAShardOnlyAtItsHomeAsItIsCreatedImportedRehomedAndDeleted() {
        Api.Reply created = admin.putJson("/api/v1/shards/grants_a", "{\"home\":\"sjc\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().has("warnings")).isFalse();
        assertThat(gappRow("sjc", "grants_a")).containsExactly(List.of("Y", "Y", "Y"));
        assertThat(gappRow("nyc", "grants_a")).containsExactly(List.of("Y", "N", "N"));

        Api.Reply imported = admin.postCsv("/api/v1/shard-map", HEADER + "grants_a nyc false\ngrants_b sjc false\n");

        assertThat(imported.json().path("warnings")).isEmpty();
        assertThat(gappRow("nyc", "grants_a")).containsExactly(List.of("Y", "Y", "Y"));
        assertThat(gappRow("sjc", "grants_a")).containsExactly(List.of("Y", "N", "N"));
        assertThat(gappRow("sjc", "grants_b")).containsExactly(List.of("Y", "Y", "Y"));

        assertThat(admin.delete("/api/v1/shards/grants_b").status()).isEqualTo(204);
        assertThat(gappRow("sjc", "grants_b")).containsExactly(List.of("Y", "N", "N"));
    }

    @Test
    void grantsCheckReportsWritableCopiesMissingHomeGrantsAndUnfenceableGrantsAtEverySite() {
        admin.putJson("/api/v1/shards/grants_c", "{\"home\":\"nyc\"}");
        MariaDbSite nyc = MariaDbSites.get("nyc");
        MariaDbSite sjc = MariaDbSites.get("sjc");
        sjc.execute("SET sql_log_bin=0", "GRANT INSERT ON `grants\\_c`.* TO 'gapp'@'%'");
        nyc.execute(
                "SET sql_log_bin=0",
                "CREATE DATABASE grants_c",
                "CREATE TABLE grants_c.ledger (id INT PRIMARY KEY)",
                "REVOKE DELETE ON `grants\\_c`.* FROM 'gapp'@'%'",
                "GRANT UPDATE ON grants_c.ledger TO 'gclerk'@'%'");
        try {
            JsonNode report =
                    admin.send("POST", "/api/v1/grants/check", null, null).json();

            assertThat(report.path("drift").asBoolean()).isTrue();
            assertThat(report.path("sites").findValuesAsText("site")).containsExactlyInAnyOrder("nyc", "sjc");
            assertThat(report.path("problems").toString())
                    .contains("\"kind\":\"WRITABLE_COPY\",\"detail\":\"'gapp'@'%' can write grants_c at sjc")
                    .contains("REVOKE INSERT ON `grants\\\\_c`.* FROM 'gapp'@'%'")
                    .contains("'gapp'@'%' lacks DELETE on grants_c at its home nyc")
                    .contains("\"kind\":\"UNFENCEABLE_AT_HOME\"")
                    .contains("table grant UPDATE ON `grants_c`.`ledger`");
            StringWriter out = new StringWriter();
            assertThat(cli(out)).isEqualTo(ShardhomeCli.USER_ERROR);
            assertThat(out.toString()).contains("WRITABLE_COPY sjc grants_c").contains("grant drift found");
        } finally {
            sjc.execute("SET sql_log_bin=0", "REVOKE INSERT ON `grants\\_c`.* FROM 'gapp'@'%'");
            nyc.execute(
                    "SET sql_log_bin=0",
                    "GRANT DELETE ON `grants\\_c`.* TO 'gapp'@'%'",
                    "REVOKE UPDATE ON grants_c.ledger FROM 'gclerk'@'%'",
                    "DROP DATABASE grants_c");
        }
        StringWriter out = new StringWriter();
        assertThat(cli(out)).as(out.toString()).isEqualTo(ShardhomeCli.OK);
        assertThat(out.toString()).contains("grants match the shard map at every site");
    }

    private int cli(StringWriter out) {
        return ShardhomeCli.run(
                new PrintWriter(out, true),
                new PrintWriter(out, true),
                "grants",
                "check",
                "--url=http://127.0.0.1:" + port,
                "--token=" + ADMIN);
    }
}
