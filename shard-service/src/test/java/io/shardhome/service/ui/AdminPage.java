package io.shardhome.service.ui;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The admin page as a user drives it: log in, open screens, wait for what they show. */
final class AdminPage {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Browser browser;
    private final String base;

    AdminPage(Browser browser, int port) {
        this.browser = browser;
        this.base = "http://127.0.0.1:" + port + "/";
    }

    /** Opens the page in a state of no credentials (sessionStorage cleared). */
    AdminPage fresh() {
        browser.driver.get(base);
        browser.driver.executeScript("sessionStorage.clear()");
        browser.driver.get(base);
        visible(By.id("login-form"));
        return this;
    }

    AdminPage loginWithToken(String token) {
        fresh();
        type(By.id("login-token"), token);
        browser.driver.findElement(By.id("login-submit")).click();
        return this;
    }

    AdminPage loginAs(String user, String password) {
        fresh();
        browser.driver
                .findElement(By.cssSelector("input[name=kind][value=basic]"))
                .click();
        type(By.id("login-user"), user);
        type(By.id("login-password"), password);
        browser.driver.findElement(By.id("login-submit")).click();
        return this;
    }

    /** Waits until the page shows the signed-in shell with the caller's role. */
    AdminPage signedInAs(String role) {
        waitUntil(ExpectedConditions.textToBe(By.id("who"), "signed in as " + role));
        return this;
    }

    AdminPage open(String screen) {
        return open(screen, screen);
    }

    /** Asks for {@code screen} and waits until the page shows {@code shown} (it redirects screens a role may not use). */
    AdminPage open(String screen, String shown) {
        browser.driver.get(base + "#/" + screen);
        waitUntil(ExpectedConditions.attributeToBe(By.id("screen"), "data-screen", shown));
        return this;
    }

    /** Waits until the shard table shows the search {@code query} (typing fires intermediate searches). */
    void waitForShardSearch(String query) {
        waitUntil(ExpectedConditions.attributeToBe(By.id("shard-result"), "data-query", query));
    }

    WebElement visible(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The text of {@code by}, read in one go (safe on screens that re-render while we look). */
    String textOf(By by) {
        return waitUntil(driver -> driver.findElement(by).getText());
    }

    /** Chooses {@code value} in a select once the page has filled that option in. */
    void choose(By select, String value) {
        waitUntil(driver -> {
            new Select(driver.findElement(select)).selectByValue(value);
            return true;
        });
    }

    void waitForText(By by, String text) {
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void type(By by, String text) {
        WebElement field = visible(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a (large) text field's value at once and lets the page know, as a paste would. */
    void paste(By by, String text) {
        WebElement field = visible(by);
        browser.driver.executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", field, text);
    }

    void click(By by) {
        waitUntil(ExpectedConditions.elementToBeClickable(by)).click();
    }

    List<WebElement> all(By by) {
        return browser.driver.findElements(by);
    }

    /** Elements matching {@code by} that a user can see. */
    List<WebElement> shown(By by) {
        return all(by).stream().filter(WebElement::isDisplayed).toList();
    }

    <T> T waitUntil(Function<? super WebDriver, T> condition) {
        // Screens re-render on every refresh, so an element found a moment ago may be gone: look again.
        return new WebDriverWait(browser.driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Makes the page's confirm() dialogs answer yes from now on (until the next load). */
    void acceptConfirms() {
        browser.driver.executeScript("window.confirm = () => true");
    }

    void screenshot(String name) {
        browser.screenshot(name);
    }
}
