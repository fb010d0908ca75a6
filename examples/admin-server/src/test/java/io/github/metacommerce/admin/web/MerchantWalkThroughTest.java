package io.github.metacommerce.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.metacommerce.admin.AdminServerTestBase;
import io.github.metacommerce.admin.Browser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A merchant's walk through the admin pages in a real browser (Debian's headless Chromium): sign in, the Marketplace
 * Hub, connecting with Facebook through the sandbox's consent page, business and catalog, settings (a refused
 * currency first), a CSV import, the products, a full sync watched on the live progress bar, the errors filtered and
 * one product synced again, every page at 375 px, the store switcher, disconnecting and signing out. Every page is
 * checked for SEVERE browser console entries (CSP violations included), serious or critical axe-core violations and
 * alerts; a product whose name and SKU are markup must show as text. Screenshots go to {@code docs/images}.
 *
 * <p>The steps run in order on one browser and one merchant; a step after a failed one is skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MerchantWalkThroughTest extends AdminServerTestBase {
    private static final String PASSWORD = "merchant-password-for-tests";
    /** Rows of walkthrough-products.csv: 300 good products (a run long enough to watch), {@link #BROKEN} without. */
    private static final int PRODUCTS = 303;
    private static final int BROKEN = 3;
    private static final String XSS_NAME = "<img src=x onerror=alert(1)>";
    private static final String XSS_SKU = "<img src=x onerror=alert(2)>";

    private Chrome chrome;
    private String merchant;
    private final String catalogName = "Summer Collection";
    private boolean failed;
    private boolean stepPassed;

    @BeforeAll
    void startBrowserAndMerchant() {
        if (!Chrome.installed() && System.getenv("CI") == null) {
            return; // every step is skipped (visibly, one by one) in skipAfterAFailure
        }
        Chrome.requireInstalled();
        Browser api = Browser.basic(baseUrl(), "admin", ADMIN_PASSWORD);
        // a plain name keeps the screenshots the same from run to run; a unique one when it is taken
        merchant = "merchant";
        HttpResponse<String> user = createUser(api, merchant);
        if (user.statusCode() == 409) {
            merchant = unique("merchant").toLowerCase();
            user = createUser(api, merchant);
        }
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
        Chrome.requireInstalled();
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
        assertThat(chrome.id("login-error").getText()).contains("do not match");
        chrome.checkPage("the sign-in page with an error");

        // by keyboard only: the user name field has the focus, Tab moves to the password, Enter signs in
        WebElement username = chrome.id("username");
        username.clear();
        username.sendKeys(merchant + Keys.TAB);
        WebElement focused = chrome.driver.switchTo().activeElement();
        assertThat(focused.getAttribute("id")).isEqualTo("password");
        chrome.andLoad(() -> focused.sendKeys(PASSWORD + Keys.ENTER));
        chrome.waiting().until(ExpectedConditions.urlContains("/admin/marketplace-hub"));
        stepPassed = true;
    }

    @Test
    @Order(2)
    void showsTheHubNotConnected() {
        assertThat(chrome.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Marketplace Hub");
        assertThat(chrome.id("hub-connection-status").getText()).isEqualTo("Not connected");
        assertThat(chrome.driver.findElement(By.tagName("body")).getText()).contains("Walk-through Shop");
        chrome.checkPage("the Marketplace Hub");
        chrome.screenshot("admin-hub");
        stepPassed = true;
    }

    @Test
    @Order(3)
    void connectsWithFacebook() {
        assertThat(chrome.id("go-instagram").getText()).isEqualTo("Go to Instagram Shopping");
        chrome.clickAndLoad(chrome.id("go-instagram"));
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
        assertThat(chrome.id("flash-success").getText()).isNotBlank();
        assertThat((Boolean) chrome.js("var t = document.querySelector('.nav-tabs');"
                + " var y = getComputedStyle(t).overflowY;"
                + " return (y === 'auto' || y === 'scroll') && t.scrollHeight > t.clientHeight"))
                .as("the tab list scrolls vertically (a scrollbar beside the tabs)").isFalse();
        chrome.checkPage("the Connection tab, connected");
        stepPassed = true;
    }

    @Test
    @Order(4)
    void choosesTheBusinessAndCreatesACatalog() {
        chrome.clickAndLoad("tab-catalog");
        assertActiveTab("catalog");
        assertThat(chrome.id("tab-sync").getAttribute("aria-disabled")).as("Sync needs a catalog").isEqualTo("true");
        Select business = new Select(chrome.id("business-select"));
        WebElement first = business.getOptions().stream().filter(o -> !o.getAttribute("value").isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no business to choose"));
        String businessName = first.getText().strip();
        business.selectByValue(first.getAttribute("value"));
        chrome.clickAndLoad("choose-business");
        assertThat(chrome.id("flash-success").getText()).isNotBlank();
        chrome.checkPage("the Catalog tab with a business");

        chrome.id("new-catalog-name").sendKeys(catalogName);
        chrome.clickAndLoad("create-catalog");
        assertThat(chrome.id("flash-success").getText()).contains(catalogName);
        // the new catalog is the store's catalog now, and the select shows it chosen
        WebElement mine = new Select(chrome.id("catalog-select")).getFirstSelectedOption();
        assertThat(mine.getText()).isEqualTo(catalogName + " (0 products)");
        String catalogId = mine.getAttribute("value");
        new Select(chrome.id("catalog-select")).selectByIndex(0);
        new Select(chrome.id("catalog-select")).selectByValue(catalogId);
        chrome.clickAndLoad("choose-catalog");
        assertThat(new Select(chrome.id("catalog-select")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(catalogId);
        assertThat(chrome.id("flash-success").getText()).isNotBlank();
        assertThat(chrome.id("tab-sync").getAttribute("aria-disabled")).isNotEqualTo("true");
        chrome.checkPage("the Catalog tab with a catalog");
        chrome.screenshot("admin-catalog");

        chrome.clickAndLoad("tab-connection");
        assertThat(chrome.text("connected-business")).isEqualTo(businessName);
        assertThat(chrome.text("connected-catalog")).isEqualTo(catalogName);
        stepPassed = true;
    }

    @Test
    @Order(5)
    void savesTheSettingsAfterAFieldError() {
        chrome.clickAndLoad("tab-settings");
        assertActiveTab("settings");
        chrome.checkPage("the Settings tab");
        WebElement brand = chrome.id("brand");
        brand.clear();
        brand.sendKeys("Glow & Co <b>");
        WebElement domain = chrome.id("domain");
        domain.clear();
        domain.sendKeys("shop.example.com");
        // a code no page offers: the server must refuse it and say so at the field
        chrome.js("var o = document.createElement('option'); o.value = 'ZZZ'; o.text = 'ZZZ';"
                + " arguments[0].appendChild(o); arguments[0].value = 'ZZZ';", chrome.id("currency"));
        assertThat(new Select(chrome.id("currency")).getFirstSelectedOption().getAttribute("value")).isEqualTo("ZZZ");
        chrome.clickAndLoad("save-settings");
        assertThat(chrome.text("error-currency")).isNotBlank();
        WebElement currency = chrome.id("currency");
        assertThat(currency.getAttribute("class")).contains("is-invalid");
        assertThat(currency.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(chrome.id("brand").getAttribute("value")).as("the other values are kept").isEqualTo("Glow & Co <b>");
        assertThat(chrome.id("domain").getAttribute("value")).isEqualTo("shop.example.com");
        assertThat(chrome.driver.findElements(By.id("flash-success"))).isEmpty();
        chrome.checkPageAnswered("the Settings tab with a field error", 400);

        new Select(chrome.id("currency")).selectByValue("EUR");
        chrome.clickAndLoad("save-settings");
        assertThat(chrome.id("flash-success").getText()).isNotBlank();
        assertThat(chrome.driver.findElements(By.id("error-currency")).stream().filter(WebElement::isDisplayed))
                .isEmpty();
        chrome.open(baseUrl() + "/admin/integrations/instagram-shopping?tab=settings");
        assertThat(chrome.id("brand").getAttribute("value")).isEqualTo("Glow & Co <b>");
        assertThat(new Select(chrome.id("currency")).getFirstSelectedOption().getAttribute("value")).isEqualTo("EUR");
        chrome.checkPage("the Settings tab after saving");
        chrome.screenshot("admin-settings");
        stepPassed = true;
    }

    @Test
    @Order(6)
    void importsACsvFile() throws Exception {
        chrome.clickAndLoad("nav-import");
        chrome.checkPage("the Import page");
        Path letter = Path.of(MerchantWalkThroughTest.class.getResource("/browser/not-a-product-file.txt").toURI());
        chrome.id("import-file").sendKeys(letter.toAbsolutePath().toString());
        chrome.clickAndLoad("import-submit");
        assertThat(chrome.text("flash-error")).isNotBlank();
        assertThat(chrome.driver.findElements(By.id("import-result"))).isEmpty();
        chrome.checkPageAnswered("the Import page refusing a file", 400);
        Path file = Path.of(MerchantWalkThroughTest.class.getResource("/browser/walkthrough-products.csv").toURI());
        chrome.id("import-file").sendKeys(file.toAbsolutePath().toString());
        chrome.clickAndLoad("import-submit");
        chrome.id("import-result");
        assertThat(chrome.text("import-format")).isNotBlank();
        assertThat(chrome.text("import-rows-read")).isEqualTo(String.valueOf(PRODUCTS));
        assertThat(chrome.text("import-created")).isEqualTo(String.valueOf(PRODUCTS));
        assertThat(chrome.text("import-updated")).isEqualTo("0");
        assertThat(chrome.text("import-skipped")).isEqualTo("0");
        chrome.checkPage("the Import page with a result");
        chrome.screenshot("admin-import");
        stepPassed = true;
    }

    @Test
    @Order(7)
    void listsTheProductsWithMarkupAsText() {
        chrome.clickAndLoad("nav-products");
        assertThat(chrome.driver.findElements(By.cssSelector("#products-table tr.product-row"))).isNotEmpty();
        assertThat(chrome.driver.findElements(By.cssSelector("#products-table .product-status")))
                .extracting(e -> e.getAttribute("data-status")).containsOnly("not_synced");
        chrome.checkPage("the Products page");

        chrome.id("product-search").sendKeys("<img");
        chrome.clickAndLoad("search-products");
        List<WebElement> rows = chrome.driver.findElements(By.cssSelector("#products-table tr.product-row"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains(XSS_NAME);
        assertMarkupShownAsText("the Products page");
        chrome.checkPage("the Products page searched");
        stepPassed = true;
    }

    @Test
    @Order(8)
    void syncsAllProductsWithALiveProgressBar() {
        chrome.open(baseUrl() + "/admin/integrations/instagram-shopping?tab=connection");
        chrome.clickAndLoad("tab-sync");
        assertActiveTab("sync");
        assertThat(chrome.text("sync-all")).isEqualTo("Sync All Products");
        chrome.checkPage("the Sync tab before a run");

        chrome.clickAndLoad("sync-all");
        SortedSet<Integer> seen = new TreeSet<>();
        Set<String> stages = new LinkedHashSet<>();
        String state = chrome.waiting().withTimeout(Duration.ofSeconds(120))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String now = d.findElement(By.id("sync-progress")).getAttribute("aria-valuenow");
                    seen.add(Integer.parseInt(now));
                    stages.add(now + "% " + d.findElement(By.id("sync-stage")).getText().strip());
                    String s = d.findElement(By.id("sync-state")).getText().strip();
                    return s.equals("Queued") || s.equals("Running") ? null : s;
                });
        System.out.println("Sync progress values seen while polling: " + seen + "; with the stage: " + stages);
        assertThat(seen).as("the bar's values").allSatisfy(v -> assertThat(v).isBetween(0, 100));
        // the state says the run ended; the failed products are counted next to it (and listed on the Errors tab)
        assertThat(state).isEqualTo("Completed with errors");
        assertThat(chrome.id("sync-progress").getAttribute("aria-valuenow")).isEqualTo("100");
        assertThat(chrome.text("sync-percent")).isEqualTo("100%");
        assertThat(chrome.text("count-created")).isEqualTo(String.valueOf(PRODUCTS - BROKEN));
        assertThat(chrome.text("count-failed")).isEqualTo(String.valueOf(BROKEN));
        assertThat(chrome.driver.findElements(By.id("cancel-sync"))).as("no cancel after the end").isEmpty();
        // the live poll brings the history along when the run ends: no reload needed
        String ended = state;
        chrome.waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#sync-history tbody tr"));
            return !rows.isEmpty() && rows.get(0).getText().contains(ended);
        });
        // and a reload shows the same
        chrome.open(baseUrl() + "/admin/integrations/instagram-shopping?tab=sync");
        List<WebElement> history = chrome.driver.findElements(By.cssSelector("#sync-history tbody tr"));
        assertThat(history).isNotEmpty();
        assertThat(history.get(0).getText()).contains(state);
        chrome.id("history-chart");
        chrome.checkPage("the Sync tab after a run");
        chrome.screenshot("admin-sync");
        stepPassed = true;
    }

    @Test
    @Order(9)
    void showsFiltersAndResyncsTheErrors() {
        chrome.clickAndLoad("tab-errors");
        assertActiveTab("errors");
        List<WebElement> groups = chrome.driver.findElements(By.cssSelector("#error-summary .error-group"));
        assertThat(groups).isNotEmpty();
        assertThat(groups.stream().map(g -> g.findElement(By.className("error-group-title")).getText()).toList())
                .as("the problem groups").anySatisfy(t -> assertThat(t).endsWith(": 3 products"));
        // the three products without an image; the markup-only name is also no title once its tags are removed
        assertThat(errorRows()).extracting(r -> r.findElement(By.tagName("td")).getText() + " / "
                + r.findElements(By.tagName("td")).get(4).getText()).containsExactlyInAnyOrder(
                        XSS_SKU + " / image_link", XSS_SKU + " / title", "WALK-NOIMG-1 / image_link",
                        "WALK-NOIMG-2 / image_link");
        assertMarkupShownAsText("the Errors tab");
        chrome.checkPage("the Errors tab");
        chrome.screenshot("admin-errors");

        new Select(chrome.id("filter-source")).selectByValue("local");
        chrome.id("search-sku").sendKeys("WALK-NOIMG");
        chrome.clickAndLoad("apply-filters");
        List<WebElement> rows = errorRows();
        assertThat(rows).hasSize(2);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.findElements(By.tagName("td")).get(0).getText()).startsWith("WALK-NOIMG-");
            assertThat(r.findElements(By.tagName("td")).get(3).getText()).isEqualTo("Local");
        });
        assertThat(chrome.text("errors-total")).contains("2");
        chrome.checkPage("the Errors tab filtered");

        chrome.id("search-sku").clear();
        chrome.id("search-sku").sendKeys("<img");
        chrome.clickAndLoad("apply-filters");
        rows = errorRows();
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.findElement(By.tagName("td")).getText())
                .isEqualTo(XSS_SKU));
        assertMarkupShownAsText("the Errors tab searched");
        chrome.clickAndLoad(rows.get(0).findElement(By.cssSelector("button.resync")));
        assertThat(chrome.id("flash-success").getText()).isNotBlank();
        chrome.checkPage("the Errors tab after asking for a resync");

        // the one-product run ends; the product still has no image, so it is still an error
        chrome.open(baseUrl() + "/admin/integrations/instagram-shopping?tab=sync");
        String state = chrome.waiting().withTimeout(Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String s = d.findElement(By.id("sync-state")).getText().strip();
                    return s.equals("Queued") || s.equals("Running") ? null : s;
                });
        assertThat(state).isEqualTo("Completed with errors");
        assertThat(chrome.text("count-failed")).isEqualTo("1");
        stepPassed = true;
    }

    @Test
    @Order(10)
    void showsEachProductsSyncStatus() {
        chrome.clickAndLoad("nav-products");
        assertThat(productStatus("Walk Product 1")).isEqualTo("Synced");
        chrome.checkPage("the Products page after the sync");
        chrome.screenshot("admin-products");
        List<String> first = productNames();
        chrome.clickAndLoad("products-next");
        assertThat(productNames()).isNotEmpty().doesNotContainAnyElementsOf(first);
        chrome.checkPage("the Products page, second page");
        chrome.clickAndLoad("products-prev");
        assertThat(productNames()).isEqualTo(first);
        chrome.id("product-search").sendKeys("WALK-NOIMG");
        chrome.clickAndLoad("search-products");
        assertThat(chrome.driver.findElements(By.cssSelector("#products-table tr.product-row"))).hasSize(2);
        assertThat(productStatus("No Image Lamp")).isEqualTo("Error");
        assertThat(productStatus("No Image Vase")).isEqualTo("Error");
        chrome.checkPage("the Products page searched after the sync");
        stepPassed = true;
    }

    @Test
    @Order(11)
    void fitsA375PixelScreen() {
        List<String> scrolling = new ArrayList<>();
        chrome.emulate(375, 812);
        try {
            for (String tab : List.of("connection", "catalog", "settings", "sync", "errors")) {
                chrome.open(baseUrl() + "/admin/integrations/instagram-shopping?tab=" + tab);
                chrome.id("panel-" + tab);
                if (tab.equals("sync")) {
                    chrome.screenshot("admin-sync-375");
                }
                noSideScroll(scrolling, "the " + tab + " tab");
                chrome.assertNoConsoleErrors("the " + tab + " tab at 375 px");
            }
            for (String page : List.of("/admin/marketplace-hub", "/admin/products", "/admin/products/import")) {
                chrome.open(baseUrl() + page);
                noSideScroll(scrolling, page);
                chrome.assertNoConsoleErrors(page + " at 375 px");
            }
        } finally {
            chrome.desktop();
        }
        assertThat(scrolling).as("pages that scroll sideways at 375 px").isEmpty();
        stepPassed = true;
    }

    @Test
    @Order(12)
    void showsTheConnectionOnTheHub() {
        chrome.open(baseUrl() + "/admin/marketplace-hub");
        assertThat(chrome.text("hub-connection-status")).isEqualTo("Connected");
        assertThat(chrome.text("hub-catalog")).isEqualTo(catalogName);
        assertThat(chrome.text("hub-last-sync")).isNotBlank().isNotEqualTo("never");
        chrome.checkPage("the Marketplace Hub, connected");
        chrome.screenshot("admin-hub");
        chrome.clickAndLoad("go-instagram");
        assertActiveTab("connection");
        assertThat(chrome.text("connected-catalog")).isEqualTo(catalogName);
        assertThat(chrome.text("last-sync")).isNotEqualTo("never");
        chrome.checkPage("the Connection tab after the syncs");
        chrome.screenshot("admin-connection");
        stepPassed = true;
    }

    @Test
    @Order(13)
    void switchesBetweenStores() {
        Browser api = Browser.basic(baseUrl(), "admin", ADMIN_PASSWORD);
        HttpResponse<String> store = api.post("/api/admin/stores", "{\"name\":\"Second Shop\",\"owner\":\""
                + merchant + "\"}");
        assertThat(store.statusCode()).as(store.body()).isEqualTo(201);
        chrome.open(baseUrl() + "/admin/marketplace-hub");
        Select switcher = new Select(chrome.id("store-switcher"));
        assertThat(switcher.getOptions()).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("Walk-through Shop", "Second Shop");
        // whichever store the page took, the hub shows that store's connection
        String shown = switcher.getFirstSelectedOption().getText();
        assertThat(chrome.text("hub-connection-status"))
                .isEqualTo(shown.equals("Second Shop") ? "Not connected" : "Connected");
        chrome.checkPage("the Marketplace Hub with two stores");
        for (String name : List.of("Second Shop", "Walk-through Shop")) {
            new Select(chrome.id("store-switcher")).selectByVisibleText(name);
            chrome.clickAndLoad("switch-store");
            assertThat(new Select(chrome.id("store-switcher")).getFirstSelectedOption().getText()).isEqualTo(name);
            assertThat(chrome.text("hub-connection-status"))
                    .isEqualTo(name.equals("Second Shop") ? "Not connected" : "Connected");
            chrome.checkPage("the Marketplace Hub of " + name);
        }
        stepPassed = true;
    }

    @Test
    @Order(14)
    void disconnects() {
        chrome.open(baseUrl() + "/admin/integrations/instagram-shopping?tab=connection");
        assertThat(chrome.text("connection-status")).isEqualTo("Connected");
        // the confirmation is required: without it the browser does not submit the form
        chrome.id("disconnect").click();
        assertThat(chrome.text("connection-status")).isEqualTo("Connected");
        assertThat((Boolean) chrome.js("return arguments[0].validity.valueMissing", disconnectConfirm())).isTrue();

        // by keyboard: Space ticks the confirmation, Enter on the button submits
        disconnectConfirm().sendKeys(Keys.SPACE);
        assertThat(disconnectConfirm().isSelected()).isTrue();
        chrome.andLoad(() -> chrome.id("disconnect").sendKeys(Keys.ENTER));
        assertThat(chrome.text("connection-status")).isEqualTo("Not connected");
        assertThat(chrome.text("connect")).isEqualTo("Connect with Facebook");
        assertThat(chrome.id("flash-success").getText()).isNotBlank();
        chrome.checkPage("the Connection tab after disconnecting");

        chrome.open(baseUrl() + "/admin/marketplace-hub");
        assertThat(chrome.id("hub-connection-status").getText()).isEqualTo("Not connected");

        chrome.clickAndLoad("sign-out");
        assertThat(chrome.driver.getCurrentUrl()).contains("/login");
        chrome.checkPage("the sign-in page after signing out");
        chrome.open(baseUrl() + "/admin/marketplace-hub");
        assertThat(chrome.driver.getCurrentUrl()).as("signed out: the hub asks to sign in").contains("/login");
        stepPassed = true;
    }

    private static HttpResponse<String> createUser(Browser api, String name) {
        return api.post("/api/admin/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}");
    }

    private void assertActiveTab(String tab) {
        assertThat(chrome.id("tab-" + tab).getAttribute("aria-current")).as("#tab-%s is the current tab", tab)
                .isEqualTo("page");
        chrome.id("panel-" + tab);
    }

    private List<String> productNames() {
        return chrome.driver.findElements(By.cssSelector("#products-table tr.product-row")).stream()
                .map(r -> r.findElement(By.tagName("td")).getText()).toList();
    }

    private String productStatus(String name) {
        return chrome.driver.findElements(By.cssSelector("#products-table tr.product-row")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no product row " + name))
                .findElement(By.className("product-status")).getText();
    }

    private List<WebElement> errorRows() {
        return chrome.driver.findElements(By.cssSelector("#errors-table tr.error-row"));
    }

    /** The markup in the product's name and SKU is shown as text: no such element, no alert. */
    private void assertMarkupShownAsText(String page) {
        assertThat(chrome.driver.findElements(By.cssSelector("img[src='x']"))).as("an <img src=x> on %s", page)
                .isEmpty();
        String text = chrome.driver.findElement(By.tagName("body")).getText();
        assertThat(text).as("the markup as text on %s", page).containsAnyOf(XSS_NAME, XSS_SKU);
        chrome.assertNoAlert(page);
    }

    private void noSideScroll(List<String> scrolling, String page) {
        long scroll = ((Number) chrome.js("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) chrome.js("return window.innerWidth")).longValue();
        if (scroll > inner) {
            scrolling.add(page + " (scrollWidth " + scroll + " > " + inner + ")");
        }
    }

    private WebElement signInButton() {
        return chrome.id("sign-in");
    }

    private WebElement disconnectConfirm() {
        return chrome.id("disconnect-confirm");
    }
}
