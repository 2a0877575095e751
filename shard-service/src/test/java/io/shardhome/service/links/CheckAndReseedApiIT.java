package io.shardhome.service.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import io.shardhome.service.ShardhomeApplication;
import io.shardhome.service.cli.ShardhomeCli;
import io.shardhome.service.consistency.HomeWriter;
import io.shardhome.service.testing.Api;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Check and re-seed through the REST API and the CLI of a service that hosts the links between two real
 * masters: a damaged copy is found and named, re-seeded under a 200 tx/s writer, and found the same again.
 */
@RequiresSiteMasters
@SpringBootTest(classes = ShardhomeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class CheckAndReseedApiIT {
    private static final Duration PATIENCE = HostedLinkSites.PATIENCE;
    private static final HostedLinkSites SITES = new HostedLinkSites();
    private final MariaDbSite nyc = MariaDbSites.get("nyc");
    private final MariaDbSite sjc = MariaDbSites.get("sjc");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void realServers(DynamicPropertyRegistry registry) {
        HostedLinkSites.configureService(registry, "checks-it");
        SITES.offerLink(registry, 0, "nyc", "sjc", Map.of("channels", "2"));
        SITES.offerLink(registry, 1, "sjc", "nyc", Map.of());
    }

    private Api admin() {
        return Api.at(port, HostedLinkSites.ADMIN);
    }

    private Cli cli(String... args) {
        StringWriter out = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url=http://127.0.0.1:" + port;
        all[args.length + 1] = "--token=" + HostedLinkSites.ADMIN;
        int exit = ShardhomeCli.run(new PrintWriter(out, true), new PrintWriter(out, true), all);
        return new Cli(exit, out.toString());
    }

    private record Cli(int exit, String output) {}

    @Test
    @Order(1)
    void aRowChangedAtTheCopyIsNamedAndARebuildUnderWritesLeavesAnExactCopy() throws Exception {
        Api admin = admin();
        HostedLinkSites.registerSites(admin);
        admin.putJson("/api/v1/shards/acme", "{\"home\":\"nyc\"}");
        nyc.execute(
                "CREATE DATABASE acme",
                "CREATE TABLE acme.orders (id BIGINT PRIMARY KEY, v INT, note VARCHAR(64))",
                "INSERT INTO acme.orders SELECT seq, 0, 'seeded' FROM acme.seq_1_to_5000");
        await().atMost(PATIENCE).until(() -> sjc.schemaExists("acme") && sjc.count("acme.orders") == 5000);
        await().atMost(PATIENCE).until(() -> HostedLinkSites.status(admin, "nyc->sjc")
                .path("state")
                .asText()
                .equals("ONLINE"));
        sjc.execute("SET sql_log_bin=0", "UPDATE acme.orders SET v = 42 WHERE id = 4242");

        Cli found = cli("check", "acme", "--site", "sjc");

        assertThat(found.exit()).as(found.output()).isEqualTo(ShardhomeCli.USER_ERROR);
        assertThat(found.output()).contains("acme at sjc", "DIFFERENT", "orders", "1 different (keys 4242)");
        try (HomeWriter writer = new HomeWriter(nyc, "acme.orders", 200, 1_000_000)) {
            await().atMost(PATIENCE).until(() -> writer.acknowledgedCount() > 100);
            Cli reseeded = cli("shard", "reseed", "acme", "--site", "sjc", "--wait");
            assertThat(reseeded.exit()).as(reseeded.output()).isZero();
            assertThat(reseeded.output()).contains("EXCLUDING", "COPYING", "HANDING_BACK", "re-seeded acme at sjc");
            Cli clean = cli("check", "acme");
            assertThat(clean.exit()).as(clean.output()).isZero();
            assertThat(clean.output()).contains("0 shard copies differ, 1 is the same");
            writer.close();
            String nycNow = nyc.gtidPosition();
            await().atMost(PATIENCE).until(() -> nyc.flavour()
                    .covers(
                            HostedLinkSites.status(admin, "nyc->sjc")
                                    .path("gtidSet")
                                    .asText(),
                            nycNow));
            for (MariaDbSite site : new MariaDbSite[] {nyc, sjc}) {
                assertThat(Long.parseLong(site.value("SELECT COUNT(*) FROM acme.orders WHERE id >= 1000000")))
                        .isEqualTo(writer.acknowledgedCount());
            }
        }
        JsonNode audit = admin.get("/api/v1/audit?limit=5").json();
        assertThat(audit.findValuesAsText("action")).contains("shard.reseed");
        JsonNode checks = admin.get("/api/v1/checks").json();
        assertThat(checks.size()).isGreaterThanOrEqualTo(2);
        assertThat(checks.get(0).path("state").asText()).isEqualTo("DONE");
    }

    @Test
    @Order(2)
    void reseedIsRefusedForTheHomeAnUnknownSiteAndWithoutASite() {
        Api admin = admin();
        Api.Reply home = admin.send("POST", "/api/v1/shards/acme/reseeds", "application/json", "{\"site\":\"nyc\"}");
        assertThat(home.status()).isEqualTo(409);
        assertThat(home.code()).isEqualTo("RESEED_REFUSED");
        assertThat(home.body()).contains("is the home of acme");
        Api.Reply unknown = admin.send("POST", "/api/v1/shards/acme/reseeds", "application/json", "{\"site\":\"lon\"}");
        assertThat(unknown.code()).isEqualTo("UNKNOWN_SITE");
        assertThat(admin.send("POST", "/api/v1/shards/acme/reseeds", "application/json", "{}")
                        .code())
                .isEqualTo("INVALID_INPUT");
        assertThat(admin.send("POST", "/api/v1/checks", "application/json", "{\"shards\":[\"nope\"]}")
                        .code())
                .isEqualTo("UNKNOWN_SHARD");
        assertThat(admin.send("POST", "/api/v1/checks", "application/json", "{\"shards\":[\"acme\"],\"site\":\"nyc\"}")
                        .code())
                .isEqualTo("CHECK_REFUSED");
        assertThat(admin.get("/api/v1/checks/check-nope").status()).isEqualTo(404);
    }
}
