package io.shardhome.service.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.links.testing.MariaDbSite;
import io.shardhome.links.testing.MariaDbSites;
import io.shardhome.links.testing.RequiresSiteMasters;
import io.shardhome.service.ShardhomeApplication;
import io.shardhome.service.testing.Api;
import io.shardhome.service.testing.SharedZooKeeper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin page over live replication: two real MariaDB masters with links both ways hosted by the
 * service. A move started in the browser is followed to its end; the lag charts fill from polling; the
 * shard table stays usable at 100,000 shards. Its own context (link configuration), like LinkHostingIT.
 * Each test registers the sites (idempotently) and creates its own shard, so they pass in any order and
 * alone.
 */
@SpringBootTest(
        classes = ShardhomeApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "shardhome.cluster=ui-live-it",
            "shardhome.security.tokens[0].name=ops",
            "shardhome.security.tokens[0].token=" + LiveSitesUiIT.ADMIN,
            "shardhome.security.tokens[0].role=admin",
            "shardhome.links.publish-interval=200ms",
            "shardhome.links.history-interval=500ms",
            "shardhome.moves.catch-up-timeout=40s",
            "shardhome.grants.trusted-accounts=root@localhost,mariadb.sys@localhost," + MariaDbSite.LINK_USER + "@%",
            "shardhome.site-credentials.nyc.user=" + MariaDbSite.USER,
            "shardhome.site-credentials.nyc.password=" + MariaDbSite.PASSWORD,
            "shardhome.site-credentials.sjc.user=" + MariaDbSite.USER,
            "shardhome.site-credentials.sjc.password=" + MariaDbSite.PASSWORD
        })
@DirtiesContext
@RequiresSiteMasters
class LiveSitesUiIT {
    static final String ADMIN = "ui-live-admin-token";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static Map<String, String> startGtids;
    private static Browser browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void realServers(DynamicPropertyRegistry registry) {
        registry.add("shardhome.zookeeper.connect", SharedZooKeeper::connectString);
        registry.add("shardhome.links.run[0].source", () -> "nyc");
        registry.add("shardhome.links.run[0].target", () -> "sjc");
        registry.add("shardhome.links.run[0].start-gtid", () -> cleanSitesOnce().get("nyc"));
        registry.add("shardhome.links.run[1].source", () -> "sjc");
        registry.add("shardhome.links.run[1].target", () -> "nyc");
        registry.add("shardhome.links.run[1].start-gtid", () -> cleanSitesOnce().get("sjc"));
    }

    /** Clears both masters once and returns where each link starts (suppliers are called on every read). */
    private static synchronized Map<String, String> cleanSitesOnce() {
        if (startGtids == null) {
            MariaDbSites.get("nyc").dropUserSchemas();
            MariaDbSites.get("sjc").dropUserSchemas();
            startGtids = Map.of(
                    "nyc", MariaDbSites.get("nyc").gtidPosition(),
                    "sjc", MariaDbSites.get("sjc").gtidPosition());
        }
        return startGtids;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private Api admin() {
        return Api.at(port, ADMIN);
    }

    /** Logged in as admin; the test browser opens on first use (without one the test is skipped, reported). */
    private AdminPage page() {
        if (browser == null) {
            browser = Browser.open();
        }
        return new AdminPage(browser, port).loginWithToken(ADMIN).signedInAs("admin");
    }

    @BeforeEach
    void sitesRegistered() {
        MariaDbSite nyc = MariaDbSites.get("nyc");
        MariaDbSite sjc = MariaDbSites.get("sjc");
        Api admin = admin();
        admin.putJson(
                "/api/v1/sites/nyc",
                "{\"host\":\"" + nyc.host() + "\",\"port\":" + nyc.port() + ",\"region\":\"us-east\"}");
        admin.putJson(
                "/api/v1/sites/sjc",
                "{\"host\":\"" + sjc.host() + "\",\"port\":" + sjc.port() + ",\"region\":\"us-west\"}");
        for (MariaDbSite site : new MariaDbSite[] {nyc, sjc}) {
            site.execute("SET sql_log_bin=0", "CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED BY 'app-secret'");
        }
    }

    @Test
    void moveStartedInThePageIsFollowedToItsEndWithTheOutage() {
        String shard = "uimove";
        AdminPage page = page();
        createShard(shard, "nyc", "sjc");
        page.waitForText(By.cssSelector("tr.link-row[data-link='nyc->sjc'] .link-state"), "ONLINE");
        page.waitForText(By.cssSelector("tr.link-row[data-link='sjc->nyc'] .link-state"), "ONLINE");
        page.open("moves");

        page.type(By.id("move-shard"), shard);
        page.choose(By.id("move-target"), "sjc");
        page.click(By.id("move-start"));

        page.visible(By.cssSelector("#move-detail [data-outcome='MOVED']"));
        page.waitForText(By.id("move-outage"), "Write outage");
        assertThat(page.textOf(By.cssSelector("#move-detail ol.steps")))
                .contains("PREFLIGHT", "FENCING", "CATCHING_UP", "FLIPPED", "DONE");
        assertThat(page.all(By.id("move-cancel"))).isEmpty();
        assertThat(admin().get("/api/v1/lookup/" + shard).json().path("home").asText())
                .isEqualTo("sjc");
        page.waitForText(By.id("moves-table"), "MOVED");
        page.screenshot("moves");
    }

    @Test
    void moveThatCannotCatchUpIsCancelledFromThePage() throws SQLException {
        String shard = "uicancel";
        MariaDbSite nyc = MariaDbSites.get("nyc");
        MariaDbSite sjc = MariaDbSites.get("sjc");
        createShard(shard, "sjc", "nyc");
        AdminPage page = page().open("moves");
        page.type(By.id("move-shard"), shard);
        page.choose(By.id("move-target"), "nyc");
        try (Connection lock = nyc.connect();
                Statement statement = lock.createStatement()) {
            // A row lock at the target holds the link's apply, so the move waits in CATCHING_UP.
            lock.setAutoCommit(false);
            statement.execute("SELECT * FROM " + shard + ".orders WHERE id = 1 FOR UPDATE");
            sjc.execute("UPDATE " + shard + ".orders SET note = 'written before the move' WHERE id = 1");

            page.click(By.id("move-start"));
            page.visible(By.cssSelector("#move-detail li[data-phase='CATCHING_UP']"));
            page.screenshot("move-running");
            page.click(By.id("move-cancel"));

            page.visible(By.cssSelector("#move-detail [data-outcome='ROLLED_BACK']"));
            page.waitForText(By.id("move-detail"), "cancelled by an operator");
            lock.rollback();
        }
        JsonNode entry = admin().get("/api/v1/lookup/" + shard).json();
        assertThat(entry.path("home").asText()).isEqualTo("sjc");
        assertThat(entry.path("state").asText()).isEqualTo("ACTIVE");
        await().atMost(PATIENCE).until(() -> "written before the move"
                .equals(nyc.value("SELECT note FROM " + shard + ".orders WHERE id = 1")));
    }

    @Test
    void lagChartsShowTheServiceHistoryFromBeforeThePageOpened() {
        String shard = "uilag";
        MariaDbSite sjc = MariaDbSites.get("sjc");
        createShard(shard, "sjc", "nyc");
        Api admin = admin();

        // With no page open, the link is held offline while sjc keeps committing, then let go.
        admin.send("POST", "/api/v1/links/sjc-%3Enyc/offline", null, null);
        await().atMost(PATIENCE).until(() -> linkState(admin).equals("OFFLINE"));
        for (int id = 41; id <= 60; id++) {
            sjc.execute("INSERT INTO " + shard + ".orders VALUES (" + id + ", 1, 'while offline')");
        }
        await().atMost(PATIENCE).until(() -> offlineSamples(admin) >= 3);
        admin.send("POST", "/api/v1/links/sjc-%3Enyc/online", null, null);
        await().atMost(PATIENCE).until(() -> MariaDbSites.get("nyc").count(shard + ".orders") == 21);

        // A page opened afterwards draws the outage from the service's history.
        AdminPage page = page().open("lag");
        new Select(page.visible(By.id("lag-window"))).selectByVisibleText("last 5 minutes");
        page.waitUntil(
                driver -> driver.findElements(By.cssSelector(".chart[data-link='sjc->nyc'] rect.band.state-offline"))
                                .size()
                        >= 3);
        page.waitUntil(driver -> points(driver, "sjc->nyc") >= 8);
        page.waitForText(By.cssSelector(".chart[data-link='sjc->nyc'] .hint"), "now 0 s");
        assertThat(page.textOf(By.id("lag-source"))).contains("Sampled by the service every 0.5 s");
        page.screenshot("lag");
    }

    private static long offlineSamples(Api api) {
        return api.get("/api/v1/links/history").json().path("links").path("sjc->nyc").findValuesAsText("state").stream()
                .filter("OFFLINE"::equals)
                .count();
    }

    private static String linkState(Api api) {
        return api.get("/api/v1/links/sjc-%3Enyc")
                .json()
                .path("status")
                .path("state")
                .asText();
    }

    @Test
    void shardTableSearchesAHundredThousandShards() {
        String csv = IntStream.range(0, 100_000)
                .mapToObj(i -> String.format("tenant_%06d %s %s", i, i % 2 == 0 ? "nyc" : "sjc", i % 97 == 0))
                .collect(Collectors.joining("\n", "shard_id master critical\n", "\n"));
        assertThat(admin().postCsv("/api/v1/shard-map", csv).status()).isEqualTo(200);
        // The other tests' shards, if they ran first, are in the map too.
        long shards = admin().get("/api/v1/shard-map")
                .body()
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("shard_id"))
                .count();
        AdminPage page = page().open("shards");

        page.waitForText(
                By.id("shard-count"),
                String.format(Locale.ROOT, "%,d shard(s) · page 1 of %,d", shards, (shards + 99) / 100));
        page.screenshot("shards");
        page.type(By.id("shard-search"), "tenant_04240");
        page.waitForShardSearch("tenant_04240");
        page.waitForText(By.id("shard-count"), "10 shard(s) · page 1 of 1");
        page.choose(By.id("shard-home"), "sjc");
        page.waitForText(By.id("shard-count"), "5 shard(s)");
        assertThat(page.visible(By.cssSelector("#shards-table tbody tr")).getText())
                .isEqualTo("tenant_042401 sjc no ACTIVE");
    }

    private static long points(org.openqa.selenium.WebDriver driver, String link) {
        return driver.findElements(By.cssSelector(".chart[data-link='" + link + "'] polyline.seconds")).stream()
                .map(line -> line.getAttribute("points").trim())
                .filter(points -> !points.isEmpty())
                .mapToLong(points -> points.split(" ").length)
                .max()
                .orElse(0);
    }

    /** Creates {@code shard} at {@code home} (map, grants, a table with one row) and waits until {@code copy} has it. */
    private void createShard(String shard, String home, String copy) {
        admin().putJson("/api/v1/shards/" + shard, "{\"home\":\"" + home + "\"}");
        MariaDbSite homeSite = MariaDbSites.get(home);
        MariaDbSite copySite = MariaDbSites.get(copy);
        homeSite.execute("SET sql_log_bin=0", "GRANT SELECT, INSERT, UPDATE, DELETE ON `" + shard + "`.* TO 'app'@'%'");
        copySite.execute("SET sql_log_bin=0", "GRANT SELECT ON `" + shard + "`.* TO 'app'@'%'");
        homeSite.execute(
                "CREATE DATABASE " + shard,
                "CREATE TABLE " + shard + ".orders (id INT PRIMARY KEY, written_by INT, note VARCHAR(64))",
                "INSERT INTO " + shard + ".orders VALUES (1, 1, 'first order')");
        await().atMost(PATIENCE).until(() -> copySite.schemaExists(shard) && copySite.count(shard + ".orders") == 1);
    }
}
