package io.shardhome.service.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.directory.blob.LinkEpochs;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import io.shardhome.service.ShardhomeApplication;
import io.shardhome.service.cli.ShardhomeCli;
import io.shardhome.service.config.DirectoryAccess;
import io.shardhome.service.config.ShardhomeProperties;
import io.shardhome.service.testing.Api;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service runs a configured link between two real MariaDB masters, publishes its status, and takes
 * it offline and online on request. Its own context: the link configuration differs from the other ITs.
 */
@RequiresSiteMasters
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = ShardhomeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class LinkHostingIT {
    private static final String ADMIN = HostedLinkSites.ADMIN;
    private static final Duration PATIENCE = HostedLinkSites.PATIENCE;
    private static final HostedLinkSites SITES = new HostedLinkSites();

    @LocalServerPort
    int port;

    @Autowired
    LinkHosting hosting;

    @Autowired
    DirectoryAccess directory;

    @Autowired
    ShardhomeProperties properties;

    @Autowired
    LinkMetrics metrics;

    @DynamicPropertySource
    static void realServers(DynamicPropertyRegistry registry) {
        HostedLinkSites.configureService(registry, "links-it");
        registry.add("shardhome.moves.catch-up-timeout", () -> "120s");
        SITES.offerLink(registry, 0, "nyc", "sjc", Map.of());
        SITES.offerLink(registry, 1, "sjc", "nyc", Map.of());
    }

    private static JsonNode status(Api api) {
        return HostedLinkSites.status(api, "nyc->sjc");
    }

    @Test
    @Order(1)
    void configuredLinkRunsReplicatesAndGoesOfflineAndOnlineOnRequest(CapturedOutput output) {
        Api admin = Api.at(port, ADMIN);
        MariaDbSite nyc = MariaDbSites.get("nyc");
        MariaDbSite sjc = MariaDbSites.get("sjc");
        HostedLinkSites.registerSites(admin);
        admin.putJson("/api/v1/shards/acme", "{\"home\":\"nyc\"}");

        nyc.execute(
                "CREATE DATABASE acme", "CREATE TABLE acme.t (id INT PRIMARY KEY)", "INSERT INTO acme.t VALUES (1)");
        await().atMost(PATIENCE).until(() -> sjc.schemaExists("acme") && sjc.count("acme.t") == 1);
        await().atMost(PATIENCE)
                .until(() -> status(admin).path("state").asText().equals("ONLINE"));
        assertThat(status(admin).path("applied").asLong()).isPositive();
        JsonNode link = admin.get("/api/v1/links/nyc-%3Esjc").json();
        assertThat(link.path("stale").asBoolean()).as(link.toString()).isFalse();
        assertThat(link.path("runningIn").asText()).isNotEmpty();
        assertThat(link.path("ageMillis").asLong()).isBetween(0L, 5_000L);
        String prometheus = admin.get("/actuator/prometheus").body();
        assertThat(prometheus)
                .containsPattern("shardhome_link_state\\{[^}]*link=\"nyc->sjc\"[^}]*state=\"ONLINE\"[^}]*\\} 1.0")
                .containsPattern("shardhome_link_state\\{[^}]*link=\"nyc->sjc\"[^}]*state=\"OFFLINE\"[^}]*\\} 0.0")
                .containsPattern("shardhome_link_running\\{[^}]*link=\"nyc->sjc\"[^}]*\\} 1.0")
                .containsPattern("shardhome_link_lag_seconds\\{[^}]*link=\"nyc->sjc\"")
                .containsPattern("shardhome_link_applied_transactions_total\\{[^}]*link=\"nyc->sjc\"[^}]*\\} [1-9]")
                .containsPattern("shardhome_link_dropped_transactions_total\\{[^}]*reason=\"ECHO\"");

        Api.Reply offline = admin.send("POST", "/api/v1/links/nyc-%3Esjc/offline", null, null);
        assertThat(offline.status()).isEqualTo(202);
        await().atMost(PATIENCE)
                .until(() -> status(admin).path("state").asText().equals("OFFLINE"));
        nyc.execute("INSERT INTO acme.t VALUES (2)");

        assertThat(admin.send("POST", "/api/v1/links/nyc.sjc/online", null, null)
                        .status())
                .isEqualTo(202);
        await().atMost(PATIENCE).until(() -> sjc.count("acme.t") == 2);
        await().atMost(PATIENCE)
                .until(() -> status(admin).path("state").asText().equals("ONLINE"));

        assertThat(admin.get("/api/v1/links").body()).doesNotContain(MariaDbSite.PASSWORD);
        assertThat(output.getAll()).doesNotContain(MariaDbSite.PASSWORD);
    }

    @Test
    void controlOfAnUnknownLinkIs404() {
        Api.Reply missing = Api.at(port, ADMIN).send("POST", "/api/v1/links/lon-%3Esjc/offline", null, null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("LINK_NOT_FOUND");
    }

    @Test
    @Order(2)
    void moveThroughTheApiFencesCatchesUpFlipsAndReportsTheOutage() throws IOException {
        MariaDbSite nyc = MariaDbSites.get("nyc");
        MariaDbSite sjc = MariaDbSites.get("sjc");
        Api admin = Api.at(port, ADMIN);
        admin.putJson("/api/v1/shards/beta", "{\"home\":\"nyc\"}");
        nyc.execute(
                "CREATE DATABASE beta", "CREATE TABLE beta.t (id INT PRIMARY KEY)", "INSERT INTO beta.t VALUES (1)");
        for (MariaDbSite site : new MariaDbSite[] {nyc, sjc}) {
            site.execute("SET sql_log_bin=0", "CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED BY 'app-secret'");
        }
        nyc.execute("SET sql_log_bin=0", "GRANT SELECT, INSERT, UPDATE, DELETE ON `beta`.* TO 'app'@'%'");
        sjc.execute("SET sql_log_bin=0", "GRANT SELECT ON `beta`.* TO 'app'@'%'");
        await().atMost(PATIENCE).until(() -> sjc.schemaExists("beta") && sjc.count("beta.t") == 1);

        Api.Reply started =
                admin.send("POST", "/api/v1/moves", "application/json", "{\"shard\":\"beta\",\"to\":\"sjc\"}");
        assertThat(started.status()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).startsWith("/api/v1/moves/beta-");
        await().atMost(PATIENCE)
                .until(() ->
                        !admin.get(location).json().path("outcome").asText().equals("RUNNING"));

        JsonNode move = admin.get(location).json();
        assertThat(move.path("outcome").asText()).as(move.toString()).isEqualTo("MOVED");
        assertThat(move.path("steps").findValuesAsText("phase")).contains("FENCING", "CATCHING_UP", "DONE");
        assertThat(move.path("outageMillis").asLong()).isNotNegative();
        assertThat(admin.get("/api/v1/lookup/beta").json().path("home").asText())
                .isEqualTo("sjc");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        admin.get("/actuator/prometheus").body())
                .containsPattern("shardhome_moves_total\\{outcome=\"DONE\"\\} [1-9]")
                .containsPattern("shardhome_move_outage_seconds_count\\{outcome=\"DONE\"\\} [1-9]")
                .containsPattern("shardhome_move_phase_seconds_count\\{phase=\"CATCHING_UP\"\\} [1-9]")
                .containsPattern("shardhome_move_outage_seconds_bucket\\{outcome=\"DONE\",le=\"1.0\"\\}"));
        Set<String> used = metricNamesIn(
                "../deploy/prometheus/shardhome-alerts.yml", "../deploy/grafana/shardhome-dashboard.json");
        assertThat(used).isNotEmpty();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(used)
                .as("every metric the alert rules and the dashboard use is exported (errors appear with the"
                        + " first one; the statuses' age once the history sampled them)")
                .allSatisfy(name ->
                        assertThat(admin.get("/actuator/prometheus").body()).contains(name)));
        Api.Reply again =
                admin.send("POST", "/api/v1/moves", "application/json", "{\"shard\":\"beta\",\"to\":\"sjc\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("NOT_MOVABLE");
        assertThat(admin.get("/api/v1/moves").body()).contains(move.path("id").asText());

        StringWriter out = new StringWriter();
        int back = ShardhomeCli.run(
                new PrintWriter(out, true),
                new PrintWriter(out, true),
                "move",
                "beta",
                "--to",
                "nyc",
                "--wait",
                "--url=http://127.0.0.1:" + port,
                "--token=" + ADMIN);
        assertThat(back).as(out.toString()).isZero();
        assertThat(out.toString()).contains("moved beta to nyc; write outage");
        assertThat(admin.get("/api/v1/lookup/beta").json().path("home").asText())
                .isEqualTo("nyc");
    }

    /** The shardhome metric names the files use, except the error counter (created by the first error). */
    private static Set<String> metricNamesIn(String... files) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String file : files) {
            Matcher m = Pattern.compile("shardhome_[a-z_]+").matcher(Files.readString(Path.of(file)));
            while (m.find()) {
                names.add(m.group());
            }
        }
        names.remove("shardhome_link_errors_total");
        return names;
    }

    @Test
    @Order(3)
    void aStoppedLinksPendingTransactionIsShownAndOnlyItCanBeSkippedAuditedFromTheCli() {
        MariaDbSite nyc = MariaDbSites.get("nyc");
        MariaDbSite sjc = MariaDbSites.get("sjc");
        Api admin = Api.at(port, ADMIN);
        admin.putJson("/api/v1/shards/gamma", "{\"home\":\"nyc\"}");
        nyc.execute("CREATE DATABASE gamma", "CREATE TABLE gamma.t (id INT PRIMARY KEY, v INT)");
        nyc.execute("INSERT INTO gamma.t VALUES (1, 0), (2, 0)");
        await().atMost(PATIENCE).until(() -> sjc.schemaExists("gamma") && sjc.count("gamma.t") == 2);
        sjc.execute("SET sql_log_bin=0", "DELETE FROM gamma.t WHERE id = 2");
        nyc.execute("UPDATE gamma.t SET v = 5");
        await().atMost(PATIENCE)
                .until(() -> status(admin).path("state").asText().equals("OFFLINE:ERROR"));
        JsonNode stopped = status(admin);
        String gtid = stopped.path("pendingErrorGtid").asText();
        assertThat(stopped.path("pendingError").asText()).isEqualTo("DATA_DIVERGED");
        assertThat(stopped.path("pendingTransaction")
                        .path("rows")
                        .path("gamma.t")
                        .asLong())
                .isEqualTo(2);

        Api.Reply wrong =
                admin.send("POST", "/api/v1/links/nyc-%3Esjc/skip", "application/json", "{\"gtid\":\"7-7-7\"}");
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.code()).isEqualTo("LINK_SKIP_REFUSED");
        assertThat(wrong.body()).contains(gtid);
        StringWriter out = new StringWriter();
        int skipped = ShardhomeCli.run(
                new PrintWriter(out, true),
                new PrintWriter(out, true),
                "link",
                "skip",
                "nyc->sjc",
                "--gtid",
                gtid,
                "--url=http://127.0.0.1:" + port,
                "--token=" + ADMIN);

        assertThat(skipped).as(out.toString()).isZero();
        await().atMost(PATIENCE).until(() -> status(admin).path("skips").size() == 1);
        JsonNode record = status(admin).path("skips").get(0);
        assertThat(record.path("transaction").path("gtid").asText()).isEqualTo(gtid);
        assertThat(record.path("transaction").path("rows").path("gamma.t").asLong())
                .isEqualTo(2);
        assertThat(record.path("by").asText()).isEqualTo("api:ops");
        assertThat(status(admin).path("state").asText()).isEqualTo("ONLINE");
        nyc.execute("INSERT INTO gamma.t VALUES (3, 3)");
        await().atMost(PATIENCE).until(() -> sjc.count("gamma.t") == 2);
        JsonNode audit = admin.get("/api/v1/audit?limit=5").json();
        assertThat(audit.findValuesAsText("action")).contains("link.skip");
        assertThat(audit.toString()).contains(gtid, "gamma.t");
    }

    @Test
    @Order(4)
    void whileAShardMovesItsEditsImportsAndSiteRemovalAre409NamingTheMoveUntilCancelRollsItBack() throws Exception {
        MariaDbSite nyc = MariaDbSites.get("nyc");
        MariaDbSite sjc = MariaDbSites.get("sjc");
        Api admin = Api.at(port, ADMIN);
        admin.putJson("/api/v1/shards/delta", "{\"home\":\"nyc\"}");
        nyc.execute("CREATE DATABASE delta", "CREATE TABLE delta.t (id INT PRIMARY KEY)");
        nyc.execute("SET sql_log_bin=0", "GRANT SELECT, INSERT, UPDATE, DELETE ON delta.* TO 'app'@'%'");
        await().atMost(PATIENCE).until(() -> sjc.schemaExists("delta") && sjc.count("delta.t") == 0);
        try (Connection blocker = sjc.connect();
                Statement lock = blocker.createStatement()) {
            lock.execute("LOCK TABLES delta.t WRITE");
            nyc.execute("INSERT INTO delta.t VALUES (1)");
            Api.Reply started =
                    admin.send("POST", "/api/v1/moves", "application/json", "{\"shard\":\"delta\",\"to\":\"sjc\"}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String moveId = started.json().path("id").asText();
            await().atMost(PATIENCE)
                    .until(
                            () -> admin.get("/api/v1/moves/" + moveId)
                                    .json()
                                    .path("phase")
                                    .asText(),
                            "CATCHING_UP"::equals);

            for (Api.Reply refused : List.of(
                    admin.putJson("/api/v1/shards/delta", "{\"home\":\"sjc\",\"critical\":true}"),
                    admin.delete("/api/v1/shards/delta"),
                    admin.postCsv("/api/v1/shard-map", "shard_id master critical\ndelta nyc true\n"),
                    admin.delete("/api/v1/sites/sjc"))) {
                assertThat(refused.status()).as(refused.body()).isEqualTo(409);
                assertThat(refused.code()).isEqualTo("SHARD_MOVING");
                assertThat(refused.json().path("moveId").asText()).isEqualTo(moveId);
            }
            assertThat(admin.postCsv("/api/v1/shard-map", "shard_id master critical\nbystander sjc false\n")
                            .status())
                    .isEqualTo(200);

            assertThat(admin.send("POST", "/api/v1/moves/" + moveId + "/cancel", null, null)
                            .status())
                    .isEqualTo(202);
            lock.execute("UNLOCK TABLES");
            await().atMost(PATIENCE)
                    .until(
                            () -> admin.get("/api/v1/moves/" + moveId)
                                    .json()
                                    .path("outcome")
                                    .asText(),
                            "ROLLED_BACK"::equals);
        }
        assertThat(admin.get("/api/v1/lookup/delta").json().path("state").asText())
                .isEqualTo("ACTIVE");
        assertThat(admin.putJson("/api/v1/shards/delta", "{\"home\":\"nyc\",\"critical\":true}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(5)
    void standbyInstanceTakesTheLinkOverWhenTheRunningOneGoesAwayAndResumesFromTheStoredPosition() {
        MariaDbSite nyc = MariaDbSites.get("nyc");
        MariaDbSite sjc = MariaDbSites.get("sjc");
        LinkEpochs epochs = new LinkEpochs(directory.client(), directory.layout());
        long first = hosting.holderEpoch("nyc->sjc");
        assertThat(first).isPositive().isEqualTo(epochs.current("nyc.sjc"));
        try (LinkHosting standby = new LinkHosting(directory, properties, metrics)) {
            standby.start();
            assertThat(hosting.runsHere("nyc->sjc")).isTrue();
            assertThat(standby.runsHere("nyc->sjc")).isFalse();

            hosting.close();
            nyc.execute("INSERT INTO acme.t VALUES (3)");

            await().atMost(PATIENCE).until(() -> standby.runsHere("nyc->sjc"));
            await().atMost(PATIENCE).until(() -> standby.holderEpoch("nyc->sjc") > first);
            await().atMost(PATIENCE).until(() -> "1".equals(sjc.value("SELECT COUNT(*) FROM acme.t WHERE id = 3")));
            assertThat(sjc.count("acme.t")).isEqualTo(nyc.count("acme.t"));
        }
    }
}
