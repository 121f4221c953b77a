package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.core.explain.Alignment;
import dev.ferry.core.explain.LineIndex;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.Translator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.print.PrintOptions;

/**
 * {@code ferry explain --html} in a real browser: Debian's headless Chromium driven by Selenium
 * through the system chromedriver. Chromium is installed by {@code scripts/install-chromium.sh}
 * when missing; when it cannot be installed these tests fail (they never skip). A screenshot of
 * the report on examples/voting-app is saved under {@code cli/target/explain/} for review.
 */
class ExplainHtmlBrowserTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path EXAMPLE = ROOT.resolve("examples/voting-app/compose.yaml");
  static final Path OUT = Path.of("target/explain").toAbsolutePath();

  static ChromeDriver driver;
  static Path report;
  static Path profile;

  @BeforeAll
  static void start() throws Exception {
    String[] browser = installChromium();
    Files.createDirectories(OUT);
    report = OUT.resolve("voting-app.html");
    Cli r = Cli.run("explain", "-f", EXAMPLE.toString(), "--html", report.toString());
    assertEquals(0, r.code(), r.err());
    profile = Files.createTempDirectory("ferry-chromium");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(browser[0]);
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1600,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(browser[1]))
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, o);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.get(report.toUri().toString());
  }

  /** Runs the project's installer; returns {chromium, chromedriver}. Fails (never skips) when it cannot. */
  static String[] installChromium() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", ROOT.resolve("scripts/install-chromium.sh").toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    String chromium = null;
    String driverPath = null;
    for (String line : out.split("\n")) {
      if (line.startsWith("chromium=")) chromium = line.substring("chromium=".length()).trim();
      if (line.startsWith("chromedriver=")) driverPath = line.substring("chromedriver=".length()).trim();
    }
    if (code != 0 || chromium == null || driverPath == null) {
      fail("Chromium could not be installed by scripts/install-chromium.sh (exit " + code + "): " + out);
    }
    return new String[] {chromium, driverPath};
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) driver.quit();
    if (profile != null) {
      try (var s = Files.walk(profile)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** The alignment the report was built from, to know which lines a click must highlight. */
  static Alignment alignment() {
    LoadResult r = ComposeLoader.load(LoadOptions.builder().file(EXAMPLE).build());
    Translation t = Translator.translate(r.project(), r.sourceMap(), TranslateOptions.defaults());
    return Alignment.of(t, r.sourceMap(), r.fileTexts());
  }

  static WebElement composeLine(String text, String after) {
    List<WebElement> lines = driver.findElements(By.cssSelector(".pane.compose .ln"));
    boolean seen = after == null;
    for (WebElement l : lines) {
      String t = l.findElement(By.tagName("code")).getText();
      if (!seen && t.contains(after)) seen = true;
      if (seen && t.contains(text)) return l;
    }
    throw new AssertionError("no compose line with " + text);
  }

  static List<String> highlighted(String pane) {
    List<String> ids = new ArrayList<>();
    for (WebElement e : driver.findElements(By.cssSelector(".pane." + pane + " .ln.hl"))) ids.add(e.getDomAttribute("id"));
    return ids;
  }

  static void click(WebElement line) {
    line.findElement(By.tagName("code")).click();
  }

  @Test
  void clickingAComposeLineHighlightsTheManifestLinesItProduced() throws IOException {
    WebElement test = composeLine("test: [\"CMD\", \"curl\"", "vote:");
    click(test);
    List<String> got = highlighted("k8s");
    Alignment a = alignment();
    String file = a.files().get(0).name();
    int line = Integer.parseInt(test.getDomAttribute("id").substring(test.getDomAttribute("id").indexOf('-') + 1));
    TreeSet<String> want = new TreeSet<>();
    for (int m : a.manifestLinesFor(file, line)) want.add("m" + m);
    assertEquals(want, new TreeSet<>(got), "highlighted manifest lines");
    String text = String.join("\n", driver.findElements(By.cssSelector(".pane.k8s .ln.hl code")).stream().map(WebElement::getText).toList());
    assertTrue(text.contains("exec:") && text.contains("- curl") && text.contains("- http://localhost"), text);
    // both probes of the vote Deployment, and nothing else
    Alignment.Obj vote = a.object("Deployment", "vote");
    for (String id : got) {
      int m = Integer.parseInt(id.substring(1));
      assertTrue(m >= vote.start() && m <= vote.end(), id + " is outside Deployment/vote");
    }
    LineIndex.Entry readiness = vote.yaml().find(ModelPath.parse("spec.template.spec.containers[0].readinessProbe.exec")).orElseThrow();
    assertTrue(got.contains("m" + (vote.start() + readiness.line() - 1)), "readinessProbe.exec is highlighted");
    assertTrue(test.getDomAttribute("class").contains("src"), "the clicked line is marked");
    screenshot("explain.png");
    click(test); // release
    assertEquals(List.of(), highlighted("k8s"));
  }

  @Test
  void clickingAManifestLineHighlightsItsComposeLine() {
    Alignment a = alignment();
    Alignment.Obj vote = a.object("Deployment", "vote");
    LineIndex.Entry period = vote.yaml().find(ModelPath.parse("spec.template.spec.containers[0].readinessProbe.periodSeconds")).orElseThrow();
    WebElement m = driver.findElement(By.id("m" + (vote.start() + period.line() - 1)));
    click(m);
    List<WebElement> hl = driver.findElements(By.cssSelector(".pane.compose .ln.hl code"));
    assertEquals(1, hl.size(), "one compose line");
    assertEquals("interval: 15s", hl.get(0).getText().strip());
    click(m);
  }

  @Test
  void hoveringHighlightsToo() {
    WebElement env = composeLine("REDIS_HOST: redis", "vote:");
    new Actions(driver).moveToElement(env.findElement(By.tagName("code"))).perform();
    String text = String.join("\n", driver.findElements(By.cssSelector(".pane.k8s .ln.hl code")).stream().map(WebElement::getText).toList());
    assertTrue(text.contains("- name: REDIS_HOST") && text.contains("value: redis"), text);
    new Actions(driver).moveToElement(driver.findElement(By.tagName("h1"))).perform();
    assertEquals(List.of(), highlighted("k8s"), "leaving the line clears the highlight");
  }

  @Test
  void findingsSummaryAndPrint() throws IOException {
    assertFalse(driver.findElements(By.cssSelector(".pane.compose .finding")).isEmpty(), "findings are shown at their lines");
    // incl. the PodDisruptionBudget of vote (replicas: 2) and the headless Service of worker (no port)
    assertEquals("14", driver.findElement(By.id("sum-objects")).getText());
    assertTrue(Integer.parseInt(driver.findElement(By.id("sum-translated")).getText()) > 10);
    String pdf = driver.print(new PrintOptions()).getContent();
    byte[] bytes = Base64.getDecoder().decode(pdf);
    assertTrue(bytes.length > 10_000 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), "prints");
    Files.write(OUT.resolve("voting-app.pdf"), bytes);
  }

  @Test
  void selfContained() throws IOException {
    String html = Files.readString(report);
    assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external resources");
    assertFalse(html.contains("@import") || html.contains("url("), "no external CSS resources");
    assertTrue(html.contains("href=\"#m"), "plain links to the manifest lines for readers without script");
  }

  static void screenshot(String name) throws IOException {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(OUT.resolve(name), png);
  }
}
