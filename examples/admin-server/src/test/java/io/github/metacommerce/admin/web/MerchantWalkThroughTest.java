package io.github.metacommerce.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A merchant's walk through the admin pages in a real browser (Debian's headless Chromium): sign in, the Marketplace
 * Hub, connecting with Facebook through the sandbox's consent page, and disconnecting. Every page is checked for
 * browser console errors (CSP violations included), serious accessibility violations (axe-core) and alerts, and
 * saved as a screenshot into {@code docs/images}.
 *
 * <p>The steps run in order on one browser and one merchant; a step after a failed one is skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MerchantWalkThroughTest extends AdminServerTestBase {
    private static final String PASSWORD = "merchant-password-for-tests";

    private Chrome chrome;
    private String merchant;
    private boolean failed;
    private boolean stepPassed;

    @BeforeAll
    void startBrowserAndMerchant() {
        Chrome.requireInstalled();
        Browser api = Browser.basic(baseUrl(), "admin", ADMIN_PASSWORD);
        merchant = unique("merchant").toLowerCase();
        HttpResponse<String> user = api.post("/api/admin/users", "{\"username\":\"" + merchant + "\",\"password\":\""
                + PASSWORD + "\"}");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        HttpResponse<String> store = api.post("/api/admin/stores", "{\"name\":\"Walk-through Shop\",\"owner\":\""
                + merchant + "\"}");
        assertThat(store.statusCode()).as(store.body()).isEqualTo(201);
        chrome = Chrome.start();
    }

    @AfterAll
    void stopBrowser() {
        if (chrome != null) {
            chrome.close();
        }
    }

    @BeforeEach
    void skipAfterAFailure(TestInfo step) {
        Assumptions.assumeFalse(failed, "an earlier step failed");
        stepPassed = false;
    }

    @AfterEach
    void rememberFailure() {
        if (!stepPassed) {
            failed = true;
        }
    }

    @Test
    @Order(1)
    void signsIn() {
        chrome.open(baseUrl() + "/admin/marketplace-hub");
        chrome.waiting().until(ExpectedConditions.urlContains("/login"));
        chrome.checkPage("the sign-in page");
        chrome.screenshot("admin-login");

        chrome.id("username").sendKeys(merchant);
        chrome.id("password").sendKeys("not-the-password");
        chrome.clickAndLoad(signInButton());
        assertThat(chrome.id("login-error", "main [role=alert]").getText()).contains("do not match");
        chrome.checkPage("the sign-in page with an error");

        chrome.id("username").clear();
        chrome.id("username").sendKeys(merchant);
        chrome.id("password").sendKeys(PASSWORD);
        chrome.clickAndLoad(signInButton());
        chrome.waiting().until(ExpectedConditions.urlContains("/admin/marketplace-hub"));
        stepPassed = true;
    }

    @Test
    @Order(2)
    void showsTheHubNotConnected() {
        assertThat(chrome.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Marketplace Hub");
        assertThat(chrome.id("hub-connection-status", "main dl dd").getText()).isEqualTo("Not connected");
        assertThat(chrome.driver.findElement(By.cssSelector("header")).getText()).contains(merchant);
        chrome.checkPage("the Marketplace Hub");
        chrome.screenshot("admin-hub");
        stepPassed = true;
    }

    @Test
    @Order(3)
    void connectsWithFacebook() {
        assertThat(chrome.id("go-instagram", "a.button.primary").getText()).isEqualTo("Go to Instagram Shopping");
        chrome.clickAndLoad(chrome.id("go-instagram", "a.button.primary"));
        assertThat(chrome.driver.getCurrentUrl()).contains("/admin/integrations/instagram-shopping");
        assertThat(chrome.text("connection-status")).isEqualTo("Not connected");
        assertThat(chrome.text("connect")).isEqualTo("Connect with Facebook");
        chrome.checkPage("the Connection tab, not connected");

        chrome.clickAndLoad("connect");
        // the sandbox's consent page (it stands in for Facebook's, so only its behaviour is asserted here)
        assertThat(chrome.driver.getCurrentUrl()).contains("/dialog/oauth");
        assertThat(chrome.text("continue")).startsWith("Continue as");
        chrome.consoleEntries(); // the sandbox page's console is not the admin server's
        chrome.clickAndLoad("continue");

        chrome.waiting().until(ExpectedConditions.urlContains("/admin/integrations/instagram-shopping"));
        assertThat(chrome.text("connection-status")).isEqualTo("Connected");
        assertThat(chrome.id("flash-success", "main [role=status]").getText()).isNotBlank();
        chrome.checkPage("the Connection tab, connected");
        chrome.screenshot("admin-connection");
        stepPassed = true;
    }

    @Test
    @Order(90)
    void disconnects() {
        chrome.open(baseUrl() + "/admin/integrations/instagram-shopping?tab=connection");
        assertThat(chrome.text("connection-status")).isEqualTo("Connected");
        // the confirmation is required: without it the browser does not submit the form
        chrome.id("disconnect").click();
        assertThat(chrome.text("connection-status")).isEqualTo("Connected");
        assertThat((Boolean) chrome.js("return arguments[0].validity.valueMissing", disconnectConfirm())).isTrue();

        disconnectConfirm().click();
        chrome.clickAndLoad("disconnect");
        assertThat(chrome.text("connection-status")).isEqualTo("Not connected");
        assertThat(chrome.text("connect")).isEqualTo("Connect with Facebook");
        assertThat(chrome.id("flash-success", "main [role=status]").getText()).isNotBlank();
        chrome.checkPage("the Connection tab after disconnecting");

        chrome.open(baseUrl() + "/admin/marketplace-hub");
        assertThat(chrome.id("hub-connection-status", "main dl dd").getText()).isEqualTo("Not connected");
        stepPassed = true;
    }

    private org.openqa.selenium.WebElement signInButton() {
        return chrome.id("sign-in", "main form button[type=submit]");
    }

    private org.openqa.selenium.WebElement disconnectConfirm() {
        return chrome.id("disconnect-confirm", "input[name=confirm]");
    }
}
