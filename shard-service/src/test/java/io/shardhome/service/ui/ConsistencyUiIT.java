package io.shardhome.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.service.testing.ServiceTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The Consistency screen in a real headless Chromium against the real service and a real ZooKeeper. */
class ConsistencyUiIT extends ServiceTestSupport {
    private static Browser browser;
    private AdminPage page;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void page() {
        if (browser == null) {
            browser = Browser.open();
        }
        page = new AdminPage(browser, port);
    }

    @Test
    void anAdminStartsACheckAndFollowsItsPartsPerLink() {
        String shard = uniqueShard("uicheck");
        admin.putJson("/api/v1/shards/" + shard, "{\"home\":\"nyc\"}");
        page.loginWithToken(ADMIN_TOKEN).signedInAs("admin").open("consistency");

        page.type(By.id("check-shards"), shard);
        page.type(By.id("check-site"), "sjc");
        page.click(By.id("check-start"));

        page.waitForText(By.id("check-detail"), "Link nyc->sjc");
        page.waitForText(By.id("checks-table"), shard);
        assertThat(page.textOf(By.id("check-detail"))).containsAnyOf("PENDING", "FAILED", "RUNNING");
        page.screenshot("consistency");
    }

    @Test
    void aCheckOfAnUnknownShardOrAReseedAtTheHomeShowsWhy() {
        String shard = uniqueShard("uihome");
        admin.putJson("/api/v1/shards/" + shard, "{\"home\":\"nyc\"}");
        page.loginWithToken(ADMIN_TOKEN).signedInAs("admin").open("consistency");

        page.type(By.id("check-shards"), "no_such_shard");
        page.click(By.id("check-start"));
        page.waitForText(By.cssSelector(".error-box"), "UNKNOWN_SHARD");

        page.open("sites").open("consistency?shard=" + shard + "&site=nyc", "consistency");
        assertThat(page.visible(By.id("check-site")).getAttribute("value")).isEqualTo("nyc");
        page.acceptConfirms();
        page.click(By.id("reseed-start"));
        page.waitForText(By.cssSelector(".error-box"), "RESEED_REFUSED");
    }

    @Test
    void aReaderSeesChecksButNoButtons() {
        page.loginWithToken(READER_TOKEN).signedInAs("reader").open("consistency");

        page.visible(By.id("checks"));
        assertThat(page.shown(By.id("check-form"))).isEmpty();
    }
}
