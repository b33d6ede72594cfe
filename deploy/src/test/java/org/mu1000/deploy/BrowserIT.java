package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web UI in headless Chromium: sign in through Keycloak as a coop manager, add a farmer, find it in the grid. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {
  @ArquillianResource
  URL url;

  WebDriver browser;
  WebDriverWait wait;
  Path profile;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @BeforeEach
  void open() throws Exception {
    Fixture.tenants(new Api(Deployments.base(url)));
    profile = Files.createTempDirectory("mu1000-chromium");
    ChromeOptions o = new ChromeOptions();
    o.setBinary("/usr/bin/chromium");
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    browser = new ChromeDriver(service, o);
    wait = new WebDriverWait(browser, Duration.ofSeconds(45));
  }

  @AfterEach
  void close() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  private void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private void type(String fieldId, String text) {
    WebElement input = visible(By.cssSelector("#" + fieldId + " input"));
    input.clear();
    input.sendKeys(text);
  }

  private void signIn(String user, String path) {
    browser.get("http://localhost:" + url.getPort() + "/" + path);
    visible(By.id("sign-in")).click();
    visible(By.id("username")).sendKeys(user);
    if (browser.findElements(By.id("password")).isEmpty()) {
      // with Organizations enabled Keycloak asks for the username first, then the password
      browser.findElement(By.id("kc-login")).click();
    }
    visible(By.id("password")).sendKeys(Api.PASSWORD);
    browser.findElement(By.id("kc-login")).click();
  }

  private void findInGrid(String family) {
    type("farmer-search", family);
    // the filter has applied when the grid holds exactly the one farmer of that (unique) name
    wait.until(d -> Long.valueOf(1).equals(((JavascriptExecutor) d).executeScript(
        "return document.getElementById('farmers-grid').size")));
    wait.until(d -> ((JavascriptExecutor) d).executeScript(
        "return Array.from(document.querySelectorAll('vaadin-grid-cell-content'))"
            + ".some(c => c.textContent.trim() === arguments[0])", family).equals(Boolean.TRUE));
  }

  @Test
  void aCoopManagerSignsInAddsAFarmerAndFindsItInTheGrid() throws Exception {
    signIn(Fixture.RW_COOP, "farmers");
    visible(By.id("farmers-grid"));
    screenshot("1-farmers");
    visible(By.id("add-farmer")).click();
    String family = "Browser" + UUID.randomUUID().toString().substring(0, 6);
    type("farmer-given-name", "Solange");
    type("farmer-family-name", family);
    type("farmer-msisdn", "+250788765432");
    visible(By.id("farmer-sex")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-select-item[normalize-space()='Female']")))
        .click();
    screenshot("2-form");
    browser.findElement(By.id("save-farmer")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("save-farmer")));

    findInGrid(family);
    screenshot("3-found");

    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-grid-cell-content[normalize-space()='"
        + family + "']"))).click();
    WebElement title = visible(By.id("farmer-title"));
    assertEquals("Solange " + family, title.getText());
    assertTrue(visible(By.id("plot-map")).getAttribute("src").startsWith("data:image/svg+xml"));
    screenshot("4-farmer");

    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    browser.get("http://localhost:" + url.getPort() + "/farmers");
    visible(By.id("farmers-grid"));
    assertTrue(visible(By.tagName("vaadin-drawer-toggle")).isDisplayed(), "the menu folds away on a phone");
    screenshot("5-phone");
  }

  @Test
  void aTenantAdminImportsFarmersAndSeesTheirPlotsOnTheMap() throws Exception {
    String family = "Import" + UUID.randomUUID().toString().substring(0, 6);
    Path csv = Files.createTempFile("farmers", ".csv");
    Files.writeString(csv, "external_id,given_name,family_name,sex,plot_crop,plot_geojson\n"
        + family + "-1,Odette," + family + ",F,coffee,\"{\"\"type\"\":\"\"Polygon\"\",\"\"coordinates\"\":"
        + "[[[29.331,-1.951],[29.332,-1.951],[29.332,-1.952],[29.331,-1.952],[29.331,-1.951]]]}\"\n");
    signIn(Fixture.RW_ADMIN, "import");
    visible(By.id("import-coop")).findElement(By.tagName("input")).sendKeys("KOPAKAMA");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-combo-box-item[contains(., 'KOPAKAMA')]")))
        .click();
    WebElement upload = visible(By.id("import-upload"));
    upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(csv.toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "no problems"));
    screenshot("6-dry-run");
    visible(By.id("import-commit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "1 farmers created"));
    screenshot("7-committed");
    Files.delete(csv);

    browser.get("http://localhost:" + url.getPort() + "/farmers");
    findInGrid(family);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-grid-cell-content[normalize-space()='"
        + family + "']"))).click();
    String src = visible(By.id("plot-map")).getAttribute("src");
    String svg = new String(java.util.Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)));
    assertTrue(svg.contains("<polygon"), "the imported plot is drawn: " + svg);
    assertTrue(browser.getPageSource().contains("coffee"));
    screenshot("8-map");
  }

  @Test
  void anAgencyAdminCreatesATenantAndSuspendsIt() throws Exception {
    String id = "ui" + UUID.randomUUID().toString().substring(0, 6);
    signIn(Fixture.AGENCY, "platform/tenants");
    visible(By.id("create-tenant")).click();
    type("tenant-id", id);
    type("tenant-name", "Uganda vanilla");
    type("tenant-country", "UG");
    type("tenant-currency", "UGX");
    type("tenant-languages", "en,lg");
    type("tenant-timezone", "Africa/Kampala");
    type("tenant-poverty", "ABC");
    browser.findElement(By.id("dialog-save")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("tenant-poverty"), "invalid", "true"));
    screenshot("9-tenant-invalid");
    type("tenant-poverty", "8000");
    browser.findElement(By.id("dialog-save")).click();
    visible(By.id("toggle-" + id)).click();
    wait.until(d -> ((JavascriptExecutor) d).executeScript(
        "return Array.from(document.querySelectorAll('vaadin-grid-cell-content'))"
            + ".some(c => c.textContent.trim() === 'suspended')").equals(Boolean.TRUE));
    screenshot("10-tenants");
    Api api = new Api(Deployments.base(url));
    var tenant = api.get(Fixture.AGENCY, "platform/tenants/" + id).json();
    assertEquals("suspended", tenant.path("status").asText());
    assertEquals("UGX", tenant.path("config").path("currency").asText());
  }

  @Test
  void aFieldAgentRecordsAnIntakeSeesTheGradeAsTypedAndTheDashboardAndTracePageShowIt() throws Exception {
    Api api = new Api(Deployments.base(url));
    com.fasterxml.jackson.databind.JsonNode farmer = api.get(Fixture.RW_AGENT,
        "tenants/rwanda/farmers?size=1&programmeId=rw-coffee-2026&cooperativeId=" + Fixture.RW_COOP_ID).json()
        .path("items").get(0);
    String family = farmer.path("familyName").asText();
    signIn(Fixture.RW_AGENT, "intake");
    WebElement combo = visible(By.cssSelector("#intake-farmer input"));
    combo.sendKeys(family);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-combo-box-item"))).click();
    wait.until(d -> !d.findElements(By.id("lot-kg-0")).isEmpty());
    if (browser.findElement(By.id("intake-plot")).getAttribute("value") == null
        || browser.findElement(By.id("intake-plot")).getAttribute("value").isEmpty()) {
      browser.findElement(By.id("intake-plot")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-select-item"))).click();
    }
    // the demo coffee season runs from March to July: the harvest is recorded within it
    ((JavascriptExecutor) browser).executeScript("document.getElementById('intake-date').value = '2026-07-15'");
    type("intake-gross", "100");
    // free text reaches the public page: it must show as typed, never as markup
    type("intake-point", "<img src=x onerror=alert(1)>Kinini");
    type("lot-kg-0", "100");
    type("lot-0-ripe", "96");
    type("lot-0-defects", "2");
    type("lot-0-moisture", "11");
    wait.until(ExpectedConditions.textToBe(By.id("lot-grade-0"), "A"));
    type("lot-0-moisture", "14");
    wait.until(ExpectedConditions.textToBe(By.id("lot-grade-0"), "B"));
    type("lot-0-ripe", "50");
    wait.until(ExpectedConditions.textToBe(By.id("lot-grade-0"), "reject"));
    type("lot-0-ripe", "96");
    type("lot-0-moisture", "11");
    wait.until(ExpectedConditions.textToBe(By.id("lot-grade-0"), "A"));
    screenshot("7-intake");
    String lotsOfFarmer = "tenants/rwanda/lots?farmerId=" + farmer.path("id").asText();
    int before = api.get(Fixture.RW_ADMIN, lotsOfFarmer).json().path("total").asInt();
    // an impatient agent saves twice: one delivery is recorded
    browser.findElement(By.cssSelector("#lot-0-moisture input")).sendKeys(org.openqa.selenium.Keys.ENTER,
        org.openqa.selenium.Keys.ENTER);
    WebElement sms = visible(By.id("intake-sms"));
    assertEquals(before + 1, api.get(Fixture.RW_ADMIN, lotsOfFarmer).json().path("total").asInt());
    assertTrue(sms.getText().contains("A 100kg"), sms.getText());
    String link = visible(By.cssSelector("#intake-result .lot-card a")).getAttribute("href");
    assertTrue(link.matches(".*/01/\\d{14}/10/[A-Z0-9]+"), link);
    screenshot("8-receipt");

    browser.get("http://localhost:" + url.getPort() + "/impact");
    WebElement headline = visible(By.id("impact-usd-per-mu"));
    assertTrue(headline.getText().contains("USD per mu"), headline.getText());
    assertTrue(Integer.parseInt(visible(By.id("impact-farmers")).getText()) >= 1);
    for (String chart : java.util.List.of("chart-trend", "chart-bands", "chart-coops")) {
      assertTrue(!browser.findElements(By.cssSelector("#" + chart + " svg rect")).isEmpty(), chart);
    }
    assertTrue(browser.findElement(By.id("chart-coops")).getText().contains("Abakundakawa"));
    screenshot("9-dashboard");

    browser.get(link.replaceFirst("^https?://[^/]+", "http://localhost:" + url.getPort()));
    WebElement origins = visible(By.id("trace-origins"));
    assertTrue(origins.getText().contains("Abakundakawa"), origins.getText());
    assertTrue(visible(By.id("trace-chain")).getText().contains("verified"));
    WebElement steps = visible(By.id("trace-steps"));
    assertTrue(steps.getText().contains("<img src=x onerror=alert(1)>Kinini"), steps.getText());
    assertTrue(browser.findElements(By.cssSelector("#trace-steps img")).isEmpty(), "the collection point is text");
    assertTrue(!browser.getPageSource().contains(family), "no farmer name on the public page");
    screenshot("10-trace");
  }

  @Test
  void aTenantAdminPreparesAndSendsAPayoutBatchApprovedByAnotherAndWatchesItPaid() throws Exception {
    try (org.mu1000.integrations.payments.momo.MomoSandbox momo = PayoutFixture.sandbox()) {
      Api api = new Api(Deployments.base(url));
      PayoutFixture pay = new PayoutFixture(api, momo);
      pay.configure(Deployments.base(url));
      PayoutFixture.Shipped s = pay.shipped(2);
      pay.buyerPays(s);
      String coopName = api.get(Fixture.RW_ADMIN, "tenants/rwanda/cooperatives/" + s.coop()).json().path("name")
          .asText();

      signIn(Fixture.RW_ADMIN, "payouts");
      visible(By.cssSelector("#payout-coop input")).sendKeys(coopName);
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-combo-box-item[contains(., '"
          + coopName + "')]"))).click();
      visible(By.id("prepare-batch")).click();
      String batch = null;
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (batch == null && System.nanoTime() < end) {
        var list = api.get(Fixture.RW_ADMIN, "tenants/rwanda/payout-batches?cooperativeId=" + s.coop()).json();
        batch = list.size() == 1 ? list.get(0).path("id").asText() : null;
        Thread.sleep(200);
      }
      assertTrue(batch != null, "the batch was prepared in the browser");
      visible(By.id("approve-" + batch)); // the preparer sees the button, but four eyes refuse them
      assertEquals(200, api.post(Fixture.AGENCY, "tenants/rwanda/payout-batches/" + batch + "/approval", null)
          .status(), "approved by a second person");
      visible(By.id("send-" + batch)).click(); // the page polls: the approved batch shows its send button
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("payout-progress"), "paid 2"));
      screenshot("12-payouts");
      browser.get("http://localhost:" + url.getPort() + "/ledger");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ledger-sum"), "Sum 0 RWF"));
      visible(By.id("reconcile")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reconciliation-outcome"), "payouts checked"));
      screenshot("13-ledger");
    }
  }

  private void pick(String comboId, String text) {
    visible(By.cssSelector("#" + comboId + " input")).sendKeys(text);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-combo-box-item[contains(., '" + text
        + "')]"))).click();
  }

  @Test
  void aTenantAdminAppliesForAnInputLoanSeesTheLimitAndPaysTheSupplierAfterApproval() throws Exception {
    try (org.mu1000.integrations.payments.momo.MomoSandbox momo = PayoutFixture.sandbox()) {
      Api api = new Api(Deployments.base(url));
      PayoutFixture pay = new PayoutFixture(api, momo);
      pay.configure(Deployments.base(url));
      PayoutFixture.Shipped s = pay.shipped(1);
      assertEquals(201, api.post(Fixture.RW_ADMIN, "tenants/rwanda/orders/" + s.order() + "/plan",
          Map.of("yieldKgPerMu", 300)).status());
      String order = api.get(Fixture.RW_ADMIN, "tenants/rwanda/orders/" + s.order()).json().path("number").asText();
      JsonNode farmer = api.get(Fixture.RW_ADMIN, "tenants/rwanda/farmers/" + s.farmers().get(0)).json();
      String supplier = "Seed shop " + order;
      assertEquals(201, api.post(Fixture.RW_ADMIN, "tenants/rwanda/suppliers", Map.of("name", supplier, "msisdn",
          "+250788000002")).status());

      signIn(Fixture.RW_ADMIN, "loans");
      visible(By.id("apply-loan")).click();
      pick("loan-order", order);
      pick("loan-farmer", farmer.path("familyName").asText());
      // 10 kg quota at 600 a kg, half of it may be borrowed
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("loan-limit"), "RWF 3,000"));
      pick("loan-supplier", supplier);
      type("loan-principal", "5000");
      type("loan-term", "3");
      type("loan-purpose", "coffee seedlings");
      visible(By.id("dialog-save")).click();
      wait.until(ExpectedConditions.attributeToBe(By.id("loan-principal"), "invalid", "true"));
      type("loan-principal", "2400");
      browser.findElement(By.id("dialog-save")).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialog-save")));
      JsonNode loans = api.get(Fixture.RW_ADMIN, "tenants/rwanda/loans?farmerId=" + s.farmers().get(0)).json();
      assertEquals(1, loans.path("total").asLong(), loans.toString());
      String loan = loans.path("items").get(0).path("id").asText();
      assertEquals(0, new java.math.BigDecimal("2400").compareTo(loans.path("items").get(0).path("principal")
          .decimalValue()));
      assertEquals(200, api.post(Fixture.AGENCY, "tenants/rwanda/loans/" + loan + "/approval", null).status());

      browser.navigate().refresh();
      visible(By.id("disburse-" + loan)).click();
      type("loan-supplier-reference", "DN-77");
      visible(By.id("dialog-save")).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("disburse-" + loan)));
      wait.until(d -> {
        try {
          d.findElement(By.id("schedule-" + loan)).click();
          return true;
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
          return false; // the grid was drawn again after the disbursement
        }
      });
      wait.until(d -> Long.valueOf(3).equals(((JavascriptExecutor) d).executeScript(
          "var g = document.getElementById('loan-schedule'); return g ? g.size : -1")));
      screenshot("15-loans");
      assertEquals("disbursed", api.get(Fixture.RW_ADMIN, "tenants/rwanda/loans/" + loan).json().path("status")
          .asText());
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("loan-portfolio"), "open loans"));
    }
  }

  @Test
  void aTenantAdminRecordsTheBuyersPaymentForAShipment() throws Exception {
    try (org.mu1000.integrations.payments.momo.MomoSandbox momo = PayoutFixture.sandbox()) {
      Api api = new Api(Deployments.base(url));
      PayoutFixture pay = new PayoutFixture(api, momo);
      pay.configure(Deployments.base(url));
      PayoutFixture.Shipped s = pay.shipped(1);
      String order = api.get(Fixture.RW_ADMIN, "tenants/rwanda/orders/" + s.order()).json().path("number").asText();
      signIn(Fixture.RW_ADMIN, "orders");
      wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-grid-cell-content[contains(., '" + order
          + "')]"))).click();
      WebElement record = visible(By.id("record-payment-" + s.shipment()));
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", record);
      record.click();
      type("payment-amount", "6000");
      visible(By.id("dialog-save")).click();
      wait.until(ExpectedConditions.attributeToBe(By.id("payment-reference"), "invalid", "true"));
      type("payment-reference", "SWIFT-" + order);
      browser.findElement(By.id("dialog-save")).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialog-save")));
      JsonNode payments = api.get(Fixture.RW_ADMIN, "tenants/rwanda/shipments/" + s.shipment() + "/payments").json();
      assertEquals(1, payments.size(), payments.toString());
      assertEquals("SWIFT-" + order, payments.get(0).path("reference").asText());
      assertEquals(0, PayoutFixture.SHARE.compareTo(api.get(Fixture.RW_ADMIN, "tenants/rwanda/farmers/"
          + s.farmers().get(0) + "/statement").json().path("owed").decimalValue()));
      screenshot("16-buyer-payment");
    }
  }

  @Test
  void aTenantAdminConfiguresTheSmsProviderAndSeesNoSecretAgain() throws Exception {
    signIn(Fixture.RW_ADMIN, "providers");
    visible(By.id("configure-sms")).click();
    type("setting-baseUrl", "ftp://sms.example");
    type("setting-username", "sandbox");
    visible(By.cssSelector("#secret-apiKey input")).sendKeys("browser-secret-key");
    visible(By.id("dialog-save")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("setting-baseUrl"), "invalid", "true"));
    type("setting-baseUrl", "http://127.0.0.1:8092");
    browser.findElement(By.id("dialog-save")).click();
    wait.until(d -> ((JavascriptExecutor) d).executeScript(
        "return Array.from(document.querySelectorAll('vaadin-grid-cell-content'))"
            + ".some(c => c.textContent.trim() === 'africastalking')").equals(Boolean.TRUE));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialog-save")));
    screenshot("14-providers");
    assertTrue(!browser.getPageSource().contains("browser-secret-key"), "a secret is never shown again");
    Api api = new Api(Deployments.base(url));
    String providers = api.get(Fixture.RW_ADMIN, "tenants/rwanda/providers").body();
    assertTrue(providers.contains("\"family\":\"sms\"") && providers.contains("\"family\":\"payments\""),
        "the SMS provider set, the payments one kept: " + providers);
    assertTrue(!providers.contains("browser-secret-key"), providers);
  }

  @Test
  void aDonorSeesTheFiguresAndNoPagesAboutPeople() throws Exception {
    signIn(Fixture.DONOR, "farmers");
    visible(By.id("impact-programme"));
    assertTrue(browser.getCurrentUrl().endsWith("/impact"), "forwarded from the farmers page: " + browser.getCurrentUrl());
    String menu = visible(By.tagName("vaadin-side-nav")).getText();
    assertTrue(menu.contains("Impact") && menu.contains("Programmes"), menu);
    for (String hidden : java.util.List.of("Farmers", "Intake", "Lots", "Orders", "Import", "Users")) {
      assertTrue(!menu.contains(hidden), hidden + " is not offered to donors: " + menu);
    }
    for (String route : java.util.List.of("farmers", "lots", "orders", "intake", "users")) {
      browser.get("http://localhost:" + url.getPort() + "/" + route);
      visible(By.id("impact-programme"));
      assertTrue(browser.findElements(By.id("farmers-grid")).isEmpty(), route);
      assertTrue(browser.getCurrentUrl().endsWith("/impact"), route + " → " + browser.getCurrentUrl());
    }
    // in Rwanda, whose demo programmes the donor's funder funds: the map of cooperatives and the report builder,
    // whose PDF is made when its link is followed
    type("tenant-switch", "rwanda");
    browser.findElement(By.cssSelector("#tenant-switch input")).sendKeys(org.openqa.selenium.Keys.ENTER);
    visible(By.cssSelector("#map-coops svg circle"));
    String href = visible(By.id("report-pdf")).getAttribute("href");
    Object type = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + " fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.headers.get('content-type') + ' '"
        + " + b.byteLength + ' ' + String.fromCharCode(...new Uint8Array(b.slice(0, 5))))))", href);
    assertTrue(String.valueOf(type).startsWith("application/pdf") && String.valueOf(type).endsWith("%PDF-"),
        String.valueOf(type));
    screenshot("11-donor");
  }

  /** The language switch: every page in French, Chinese and Amharic, numbers written as each language writes them. */
  @Test
  void theLanguageSwitchTranslatesThePagesAndTheirNumbers() throws Exception {
    signIn(Fixture.RW_ADMIN, "impact");
    String english = visible(By.id("impact-usd-per-mu")).getText();
    assertTrue(english.matches("[\\d,]+\\.\\d\\d USD per mu.*"), english);
    choose("language", "Français");
    wait.until(d -> navSays("Agriculteurs"));
    String french = visible(By.id("impact-usd-per-mu")).getText();
    assertTrue(french.matches("[\\d\\s\\u202f\\u00a0]+,\\d\\d USD par mu.*"), "a decimal comma: " + french);
    assertTrue(visible(By.tagName("vaadin-side-nav")).getText().contains("Formation"));
    screenshot("16-french");
    choose("language", "中文");
    wait.until(d -> navSays("培训"));
    assertTrue(visible(By.id("impact-usd-per-mu")).getText().contains("每亩"));
    screenshot("17-chinese");
    choose("language", "አማርኛ");
    wait.until(d -> navSays("ስልጠና"));
    assertTrue(visible(By.tagName("vaadin-side-nav")).getText().contains("አርሶ አደሮች"));
    screenshot("18-amharic");
    choose("language", "English");
    wait.until(d -> navSays("Training"));
  }

  /** Whether the side navigation (of whichever page is loaded now) shows {@code text}. */
  private boolean navSays(String text) {
    return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
        "const n = document.querySelector('vaadin-side-nav'); return !!n && n.textContent.includes(arguments[0])",
        text));
  }

  /** Picks the item with {@code text} in a Vaadin select. */
  private void choose(String id, String text) {
    visible(By.id(id)).click();
    wait.until(d -> ((JavascriptExecutor) d).executeScript(
        "const i = Array.from(document.querySelectorAll('vaadin-select-item')).find(x => x.textContent.trim() === "
            + "arguments[0]); if (i) { i.click(); return true; } return false;", text).equals(Boolean.TRUE));
  }

  /** A programme's training: a course, a session, attendance, and the outcomes of trained beside the others. */
  @Test
  void aTenantAdminRecordsATrainingSessionAndSeesWhatItChanged() throws Exception {
    Api api = new Api(Deployments.base(url));
    PayoutFixture.Shipped s = new PayoutFixture(api, null).shipped(2);
    signIn(Fixture.RW_ADMIN, "training");
    String programme = api.get(Fixture.RW_ADMIN, "tenants/rwanda/programmes/" + s.programme()).json().path("name")
        .asText();
    type("training-programme", programme);
    browser.findElement(By.cssSelector("#training-programme input")).sendKeys(org.openqa.selenium.Keys.ENTER);
    wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("const o = document.getElementById("
        + "'training-outcomes'); return !!o && o.textContent.includes('Not yet trained (2 farmers)')")));
    visible(By.id("training-add-course")).click();
    type("course-title", "Grading cherries");
    type("course-topic", "Grading standard");
    browser.findElement(By.cssSelector("#course-topic input")).sendKeys(org.openqa.selenium.Keys.ENTER);
    visible(By.id("dialog-save")).click();
    wait.until(d -> ((JavascriptExecutor) d).executeScript(
        "return Array.from(document.querySelectorAll('vaadin-grid-cell-content'))"
            + ".some(c => c.textContent.trim() === 'Grading cherries')").equals(Boolean.TRUE));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialog-save")));
    visible(By.id("training-add-session")).click();
    type("session-course", "Grading cherries");
    browser.findElement(By.cssSelector("#session-course input")).sendKeys(org.openqa.selenium.Keys.ENTER);
    String coop = api.get(Fixture.RW_ADMIN, "tenants/rwanda/cooperatives/" + s.coop()).json().path("name").asText();
    type("session-coop", coop);
    browser.findElement(By.cssSelector("#session-coop input")).sendKeys(org.openqa.selenium.Keys.ENTER);
    ((JavascriptExecutor) browser).executeScript("const p = document.getElementById('session-date');"
        + " p.value = '2026-04-20'; p.dispatchEvent(new CustomEvent('change', {bubbles: true}));");
    type("session-place", "Washing station");
    type("session-trainer", "A. Uwase");
    visible(By.id("dialog-save")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialog-save")));
    wait.until(d -> ((JavascriptExecutor) d).executeScript(
        "return Array.from(document.querySelectorAll('vaadin-grid-cell-content'))"
            + ".some(c => c.textContent.trim() === 'Washing station')").equals(Boolean.TRUE));
    ((JavascriptExecutor) browser).executeScript(
        "Array.from(document.querySelectorAll('vaadin-grid-cell-content'))"
            + ".find(c => c.textContent.trim() === 'Washing station').click()");
    WebElement who = visible(By.cssSelector("#training-farmers input"));
    who.sendKeys("Payee0");
    wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "const i = Array.from(document.querySelectorAll('vaadin-multi-select-combo-box-item'))"
            + ".find(x => x.textContent.includes('Payee0')); if (i) { i.click(); return true; } return false;")));
    wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "return document.getElementById('training-farmers').selectedItems.length === 1")));
    who.sendKeys(org.openqa.selenium.Keys.ESCAPE);
    screenshot("19-training-chosen");
    visible(By.id("training-record")).click();
    wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("const o = document.getElementById("
        + "'training-outcomes'); return !!o && o.textContent.includes('Trained (1 farmers)')")));
    screenshot("19-training");
    assertEquals(1, api.get(Fixture.RW_ADMIN, "tenants/rwanda/training/outcomes?programmeId=" + s.programme()).json()
        .path("trainedFarmers").asInt());
  }
}
