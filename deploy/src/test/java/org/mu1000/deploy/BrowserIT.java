package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  @Test
  void aCoopManagerSignsInAddsAFarmerAndFindsItInTheGrid() throws Exception {
    String base = "http://localhost:" + url.getPort() + "/";
    browser.get(base + "farmers");
    visible(By.id("sign-in")).click();

    visible(By.id("username")).sendKeys(Fixture.RW_COOP);
    if (browser.findElements(By.id("password")).isEmpty()) {
      // with Organizations enabled Keycloak asks for the username first, then the password
      browser.findElement(By.id("kc-login")).click();
    }
    visible(By.id("password")).sendKeys(Api.PASSWORD);
    browser.findElement(By.id("kc-login")).click();

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

    type("farmer-search", family);
    wait.until(d -> ((JavascriptExecutor) d).executeScript(
        "return Array.from(document.querySelectorAll('vaadin-grid-cell-content'))"
            + ".some(c => c.textContent.trim() === arguments[0])", family).equals(Boolean.TRUE));
    screenshot("3-found");

    browser.findElement(By.xpath("//vaadin-grid-cell-content[normalize-space()='" + family + "']")).click();
    WebElement title = visible(By.id("farmer-title"));
    assertEquals("Solange " + family, title.getText());
    assertTrue(visible(By.id("plot-map")).getAttribute("src").startsWith("data:image/svg+xml"));
    screenshot("4-farmer");
  }
}
