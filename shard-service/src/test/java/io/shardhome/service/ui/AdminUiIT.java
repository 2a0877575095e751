package io.shardhome.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shardhome.directory.blob.LinkStatusStore;
import io.shardhome.directory.store.DirectoryLayout;
import io.shardhome.directory.zk.ZooKeeperClients;
import io.shardhome.directory.zk.ZooKeeperSettings;
import io.shardhome.service.testing.ServiceTestSupport;
import io.shardhome.service.testing.SharedZooKeeper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The admin page in a real headless Chromium against the real service and a real ZooKeeper. */
class AdminUiIT extends ServiceTestSupport {
    private static Browser browser;
    private AdminPage page;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * The page in the test browser, opened on first use; without a browser the calling test is skipped
     * with the reason (an assumption per test, so every skipped test is counted and reported).
     */
    @BeforeEach
    void page() {
        if (browser == null) {
            browser = Browser.open();
        }
        page = new AdminPage(browser, port);
    }

    @Test
    void wrongTokenIsRefusedWithAReasonAndTheRightOneOpensTheSites() {
        page.fresh().screenshot("login");
        page.loginWithToken("not-a-token");
        page.waitForText(By.id("login-error"), "did not accept these credentials");

        page.loginWithToken(ADMIN_TOKEN).signedInAs("admin");

        page.waitForText(By.id("sites-table"), "sjc");
        assertThat(page.shown(By.cssSelector("#nav a[data-screen=import]"))).hasSize(1);
    }

    @Test
    void importWithBadLinesShowsEveryErrorWithLineAndColumnAndChangesNothing() {
        String shard = uniqueShard("uibad");
        String csv = "shard_id master critical\n" + shard + " nyc false\nbroken_one sjc yes\n" + shard + " sjc false\n";
        long versionBefore = mapVersion();
        JsonNode expected =
                admin.postCsv("/api/v1/shard-map?dryRun=true", csv).json().path("errors");
        page.loginWithToken(ADMIN_TOKEN).signedInAs("admin").open("import");

        page.paste(By.id("import-text"), csv);
        page.click(By.id("import-dry-run"));
        WebElement errors = page.visible(By.id("import-errors"));

        List<String> shown = errors.findElements(By.cssSelector("tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(expected).hasSize(2);
        assertThat(shown).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode error = expected.get(i);
            assertThat(shown.get(i))
                    .startsWith(error.path("line").asText() + " "
                            + error.path("column").asText() + " ")
                    .contains(error.path("message").asText());
        }
        assertThat(errors.getText()).contains("INVALID_MAP");
        assertThat(page.visible(By.id("import-apply")).isEnabled()).isFalse();
        page.screenshot("import-errors");
        assertThat(mapVersion()).isEqualTo(versionBefore);
        assertThat(admin.get("/api/v1/shards/" + shard).status()).isEqualTo(404);
    }

    @Test
    void goodImportIsPreviewedThenAppliedAndAudited() {
        String first = uniqueShard("uigood");
        String second = uniqueShard("uigood");
        String csv = "shard_id master critical\n" + first + " nyc false\n" + second + " sjc true\n";
        page.loginWithToken(ADMIN_TOKEN).signedInAs("admin").open("import");

        page.paste(By.id("import-text"), csv);
        page.click(By.id("import-merge"));
        page.click(By.id("import-dry-run"));
        WebElement preview = page.visible(By.id("import-preview"));
        assertThat(preview.getText())
                .contains("Added (2)", first + " nyc false", second + " sjc true")
                .doesNotContain("Removed");
        assertThat(admin.get("/api/v1/shards/" + first).status()).isEqualTo(404);
        page.screenshot("import-preview");

        page.click(By.id("import-apply"));
        page.waitForText(By.id("import-applied"), "Applied: map version");

        assertThat(admin.get("/api/v1/shards/" + second).json().path("home").asText())
                .isEqualTo("sjc");
        page.open("audit");
        page.waitForText(By.id("audit-table"), "api:ops");
        assertThat(page.visible(By.id("audit-table")).getText())
                .contains("map.import")
                .contains("+2 added");
        page.click(By.cssSelector("#audit-table details summary"));
        page.screenshot("audit");
    }

    @Test
    void shardsArePagedAndSearchedByTheServer() {
        String prefix = uniqueShard("uipage") + "_";
        String csv = IntStream.range(0, 250)
                .mapToObj(i -> String.format("%s%03d %s %s", prefix, i, i % 3 == 0 ? "sjc" : "nyc", i % 10 == 0))
                .collect(Collectors.joining("\n", "shard_id master critical\n", "\n"));
        assertThat(admin.postCsv("/api/v1/shard-map", csv).status()).isEqualTo(200);
        page.loginWithToken(ADMIN_TOKEN).signedInAs("admin").open("shards");

        page.type(By.id("shard-search"), prefix);
        page.waitForShardSearch(prefix);
        page.waitForText(By.id("shard-count"), "250 shard(s) · page 1 of 3");
        assertThat(page.all(By.cssSelector("#shards-table tbody tr"))).hasSize(100);
        page.click(By.id("shard-next"));
        page.waitForText(By.id("shard-count"), "page 2 of 3");
        assertThat(page.visible(By.cssSelector("#shards-table tbody tr")).getText())
                .startsWith(prefix + "100 nyc yes ACTIVE");

        page.type(By.id("shard-search"), prefix + "042");
        page.waitForShardSearch(prefix + "042");
        page.waitForText(By.id("shard-count"), "1 shard(s)");
        assertThat(page.visible(By.cssSelector("#shards-table tbody tr")).getText())
                .isEqualTo(prefix + "042 sjc no ACTIVE");
    }

    @Test
    void linkInOfflineErrorShowsItsPendingErrorInFull() {
        String message = "applying transaction 0-1-42 for shard acme failed at sjc: Table 'acme.orders' doesn't"
                + " exist (errno 1146).\nCreate the table at sjc (or drop the shard's rows from the source),"
                + " then put the link online.";
        publish(
                "nyc.sjc",
                "{\"state\":\"ONLINE\",\"lagSeconds\":1,\"lagTransactions\":3,\"applied\":1200,"
                        + "\"dropped\":{\"NOT_HOMED_AT_SOURCE\":17},\"publishedAtMillis\":" + System.currentTimeMillis()
                        + "}");
        publish(
                "sjc.nyc",
                "{\"state\":\"OFFLINE:ERROR\",\"lagSeconds\":95,\"lagTransactions\":41,\"applied\":873,"
                        + "\"dropped\":{},\"pendingError\":\"APPLY_FAILED\",\"pendingErrorGtid\":\"0-1-42\","
                        + "\"pendingErrorShard\":\"acme\",\"pendingExceptionMessage\":" + quoted(message)
                        + ",\"publishedAtMillis\":" + System.currentTimeMillis() + "}");
        page.loginWithToken(ADMIN_TOKEN).signedInAs("admin").open("sites");

        By error = By.cssSelector("tr.pending-error[data-link='sjc->nyc']");
        page.visible(error);

        assertThat(page.textOf(error)).contains("APPLY_FAILED", "0-1-42", "acme");
        assertThat(page.textOf(By.cssSelector("tr.pending-error[data-link='sjc->nyc'] pre.pending-message")))
                .isEqualTo(message);
        assertThat(page.textOf(By.cssSelector("tr.link-row[data-link='sjc->nyc'] .link-state")))
                .isEqualTo("OFFLINE:ERROR");
        assertThat(page.all(By.cssSelector("path.link.state-offline-error[data-link='sjc->nyc']")))
                .hasSize(1);
        assertThat(page.all(By.cssSelector("path.link.state-online[data-link='nyc->sjc']")))
                .hasSize(1);
        page.screenshot("sites");
    }

    @Test
    void statusOfALinkNoInstanceRunsShowsItsAgeAndIsMarkedStaleWithTheReason() {
        long ninetySecondsAgo = System.currentTimeMillis() - 90_000;
        publish(
                "ams.fra",
                "{\"state\":\"ONLINE\",\"lagSeconds\":0,\"applied\":7,\"publishedAtMillis\":" + ninetySecondsAgo + "}");
        page.loginWithToken(ADMIN_TOKEN).signedInAs("admin").open("sites");

        By published = By.cssSelector("tr.link-row[data-link='ams->fra'] td.published");
        page.visible(published);

        assertThat(page.textOf(published)).containsPattern("\\((9\\d|1\\d\\d) s ago\\) STALE");
        assertThat(page.textOf(By.cssSelector("tr.stale-row[data-link='ams->fra']")))
                .contains("status is stale", "no running instance runs this link");
        assertThat(page.textOf(By.cssSelector("tr.link-row[data-link='ams->fra'] .link-state")))
                .isEqualTo("ONLINE");
    }

    @Test
    void aDownSiteIsDrawnDownWithAReturnButtonAndActiveSitesOfferAFailoverPlan() {
        admin.putJson("/api/v1/sites/tok", "{\"host\":\"tok.example\",\"port\":3306,\"state\":\"DOWN\"}");
        try {
            page.loginWithToken(ADMIN_TOKEN).signedInAs("admin").open("sites");

            page.visible(By.cssSelector("svg.topology g.site.down"));
            assertThat(page.textOf(By.cssSelector("#sites-table tr[data-site='tok']")))
                    .contains("DOWN", "Return");
            assertThat(page.all(By.cssSelector("#sites-table tr[data-site='sjc'] button.site-failover-plan")))
                    .hasSize(1);
            page.screenshot("sites-down");
        } finally {
            admin.delete("/api/v1/sites/tok");
        }
    }

    @Test
    void readerSeesNoMutatingButtons() {
        publish("nyc.sjc", "{\"state\":\"OFFLINE\",\"lagSeconds\":0,\"applied\":5}");
        page.loginWithToken(READER_TOKEN).signedInAs("reader");

        page.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("links-table")));
        assertThat(page.shown(By.cssSelector("#nav a[data-screen=import]"))).isEmpty();
        assertThat(page.all(By.cssSelector("#screen button"))).isEmpty();
        page.screenshot("sites-reader");
        page.open("moves");
        page.waitForText(By.id("screen"), "Latest move of each shard");
        assertThat(page.all(By.id("move-form"))).isEmpty();
        assertThat(page.all(By.cssSelector("#screen button"))).isEmpty();

        page.loginAs("auditor", basicAuditor().split(":", 2)[1]).signedInAs("reader");
        page.open("import", "sites");
    }

    private long mapVersion() {
        return admin.get("/api/v1/shards?size=1").json().path("mapVersion").asLong();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void publish(String key, String json) {
        try (CuratorFramework client = ZooKeeperClients.start(ZooKeeperSettings.of(SharedZooKeeper.connectString()))) {
            new LinkStatusStore(client, DirectoryLayout.forCluster("it"))
                    .publish(key, json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
