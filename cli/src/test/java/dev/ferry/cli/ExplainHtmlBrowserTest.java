package dev.ferry.cli;

import dev.ferry.core.emit.ManifestWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.core.provenance.Alignment;
import dev.ferry.core.provenance.LineIndex;
import dev.ferry.core.load.ComposeLoader;
import dev.ferry.core.load.LoadOptions;
import dev.ferry.core.load.LoadResult;
import dev.ferry.core.source.ModelPath;
import dev.ferry.core.translate.TranslateOptions;
import dev.ferry.core.translate.Translation;
import dev.ferry.core.translate.run.Translator;
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
    // run as a user would, from the repository root with a relative path: the page (and the screenshot
    // in docs/img) names the file as given, never a path of this machine
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "dev.ferry.cli.Main", "explain", "-f", "examples/voting-app/compose.yaml",
        "--html", report.toString()).directory(ROOT.toFile()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), log);
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
    return ManifestWriter.alignment(t, r.sourceMap(), r.fileTexts());
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
    if (Boolean.getBoolean("ferry.golden.update")) {
      // docs/img/explain.png is this screenshot (regenerated on purpose, like the goldens)
      Files.copy(OUT.resolve("explain.png"), ROOT.resolve("docs/img/explain.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
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

  @Test
  void noMachinePathInThePage() throws IOException {
    String html = Files.readString(report);
    assertFalse(html.contains(ROOT.toString()), "the page shows no absolute path of this machine");
    String header = driver.findElement(By.cssSelector(".pane.compose h2")).getText();
    assertEquals("examples/voting-app/compose.yaml", header);
  }

  @Test
  void narrowWindowKeepsEachComposeLineBesideItsManifestLines() {
    org.openqa.selenium.Dimension before = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(800, 1000));
      WebElement compose = driver.findElement(By.cssSelector(".pane.compose"));
      WebElement k8s = driver.findElement(By.cssSelector(".pane.k8s"));
      assertTrue(compose.getRect().getX() + compose.getRect().getWidth() <= k8s.getRect().getX(), "the panes stay side by side");
      assertTrue(compose.getRect().getWidth() < k8s.getRect().getWidth(), "the compose pane is the narrower");
      assertTrue(k8s.getRect().getX() + k8s.getRect().getWidth() <= 800, "both fit in 800 px");
      WebElement test = composeLine("test: [\"CMD\", \"curl\"", "vote:");
      click(test);
      WebElement first = driver.findElements(By.cssSelector(".pane.k8s .ln.hl")).get(0);
      Object visible = driver.executeScript("var r = arguments[0].getBoundingClientRect(), s = arguments[1].getBoundingClientRect();"
          + " return r.top >= 0 && r.bottom <= window.innerHeight && s.top >= 0 && s.bottom <= window.innerHeight;", first, test);
      assertEquals(Boolean.TRUE, visible, "the clicked line and its counterpart are both on screen");
      click(test);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Test
  void printLayoutPutsEachComposeLineBesideItsManifestLines() {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
    try {
      assertFalse(driver.findElement(By.cssSelector(".panes")).isDisplayed(), "the scrolling panes are not printed");
      WebElement table = driver.findElement(By.cssSelector("section.rows"));
      assertTrue(table.isDisplayed(), "the line-by-line table is printed");
      WebElement row = table.findElements(By.cssSelector("tr")).stream()
          .filter(tr -> tr.findElements(By.tagName("td")).size() == 2
              && tr.findElements(By.tagName("td")).get(0).getText().contains("test: [\"CMD\", \"curl\""))
          .findFirst().orElseThrow();
      List<WebElement> cells = row.findElements(By.tagName("td"));
      assertTrue(cells.get(1).getText().contains("Deployment/vote") && cells.get(1).getText().contains("- curl"), cells.get(1).getText());
      assertEquals(cells.get(0).getRect().getY(), cells.get(1).getRect().getY(), "the compose line and its manifest lines share a row");
      assertTrue(cells.get(0).getRect().getX() < cells.get(1).getRect().getX());
      assertFalse(table.getText().contains("POSTGRES_PASSWORD: postgres"), "Secret values are masked in print too");
      assertTrue(table.getText().contains("POSTGRES_PASSWORD: \u2022\u2022\u2022\u2022 (8 characters, hidden)"));
    } finally {
      driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
    }
    assertTrue(driver.findElement(By.cssSelector(".panes")).isDisplayed());
  }

  @Test
  void diagramFollowsTheRequestPathAndLinksToTheManifests() {
    WebElement svg = driver.findElement(By.cssSelector("#graph svg.graph"));
    assertTrue(svg.isDisplayed());
    Alignment a = alignment();
    List<String> refs = new ArrayList<>();
    for (WebElement n : svg.findElements(By.cssSelector("g.node"))) refs.add(n.getDomAttribute("data-ref"));
    for (Alignment.Obj o : a.objects()) assertTrue(refs.contains(o.ref()), "the diagram shows " + o.ref());
    WebElement vote = node(svg, "Service/vote");
    WebElement pods = node(svg, "Deployment/vote");
    WebElement redis = node(svg, "Service/redis");
    assertTrue(vote.getRect().getX() < pods.getRect().getX() && pods.getRect().getX() < redis.getRect().getX(),
        "left to right: Service/vote, its Pods, the Service they call");
    assertFalse(svg.findElements(By.cssSelector("line.edge[data-from='Service/vote'][data-to='Deployment/vote']")).isEmpty());
    assertFalse(svg.findElements(By.cssSelector("line.edge[data-from='Deployment/worker'][data-to='Service/db']")).isEmpty());
    assertFalse(svg.findElements(By.cssSelector("line.edge[data-from='Deployment/db'][data-to='PersistentVolumeClaim/db-data']")).isEmpty());
    // the manifests follow the same order, and a box links to its object's first line
    List<String> order = new ArrayList<>();
    for (WebElement o : driver.findElements(By.cssSelector(".pane.k8s .ln.sep .obj"))) order.add(o.getText());
    assertEquals(refs.stream().filter(r -> r.contains("/")).toList(), order);
    String href = vote.findElement(By.xpath("../..")).getDomAttribute("href");
    assertEquals("#m" + a.object("Service", "vote").separator(), href);
    String html = driver.getPageSource();
    assertFalse(html.contains("<script src") || html.contains("@font-face"), "no external script or font");
  }

  static WebElement node(WebElement svg, String ref) {
    return svg.findElement(By.cssSelector("g.node[data-ref='" + ref + "'] rect"));
  }

  static void screenshot(String name) throws IOException {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(OUT.resolve(name), png);
  }
}
