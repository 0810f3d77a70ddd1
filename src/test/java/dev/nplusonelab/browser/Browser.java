package dev.nplusonelab.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Debian's chromedriver: nothing is downloaded, and
 * Selenium Manager is never asked for a browser. Where the machine has no Chromium the
 * tests that use it are skipped, with the command that installs it; on CI (which installs
 * it in {@code .ci/run}) a missing browser fails the build instead.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("lab.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("lab.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final int DESKTOP_WIDTH = 1440;

	static final int MOBILE_WIDTH = 390;

	/** Long pages are cut here: enough to see the records, the lesson and the panel. */
	private static final int MAX_SCREENSHOT_HEIGHT = 6000;

	private final ChromeDriver driver;

	private final ChromeDriverService service;

	private final Path profile;

	private final String baseUrl;

	private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, String baseUrl) {
		this.driver = driver;
		this.service = service;
		this.profile = profile;
		this.baseUrl = baseUrl;
	}

	static Browser open(String baseUrl) throws IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail("CI must run the browser tests, but " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing: .ci/run should have installed chromium and chromium-driver");
		}
		Assumptions.assumeTrue(installed, () -> "Browser tests skipped: no Chromium at " + CHROMIUM + " and "
				+ CHROMEDRIVER + " (install with: apt-get install chromium chromium-driver)");
		Path profile = Files.createTempDirectory("lab-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--window-size=" + DESKTOP_WIDTH + ",1000");
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver, service, profile, baseUrl);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Loads a page of the application and drops the console messages of earlier pages.
	 */
	void get(String path) {
		this.driver.get(this.baseUrl + path);
		this.driver.manage().logs().get(LogType.BROWSER);
	}

	/**
	 * Loads a page and returns what its console said: errors, CSP reports and warnings.
	 */
	List<LogEntry> load(String path) {
		this.driver.manage().logs().get(LogType.BROWSER);
		this.driver.get(this.baseUrl + path);
		waitUntilLoaded();
		return this.driver.manage().logs().get(LogType.BROWSER).getAll();
	}

	void waitUntilLoaded() {
		new WebDriverWait(this.driver, Duration.ofSeconds(20))
			.until((d) -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	/** Console entries logged since the last call. */
	List<LogEntry> console() {
		return this.driver.manage().logs().get(LogType.BROWSER).getAll();
	}

	static List<LogEntry> severe(List<LogEntry> entries) {
		return entries.stream().filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
	}

	/** The path and query of the current page. */
	String currentPath() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	/**
	 * An element of the SQL panel, which lives in the shadow root of
	 * {@code <nplusone-panel>}: the page's own selectors do not reach it.
	 */
	WebElement inPanel(String css) {
		return panel().findElement(By.cssSelector(css));
	}

	List<WebElement> allInPanel(String css) {
		return panel().findElements(By.cssSelector(css));
	}

	private SearchContext panel() {
		return find("nplusone-panel").getShadowRoot();
	}

	Object script(String script, Object... arguments) {
		return this.driver.executeScript(script, arguments);
	}

	boolean alertIsOpen() {
		try {
			this.driver.switchTo().alert();
			return true;
		}
		catch (NoAlertPresentException ex) {
			return false;
		}
	}

	/**
	 * Saves the page at a width, as a phone or a desktop shows it: the first screen
	 * ({@code -screen}), then the whole page, with the viewport stretched to the page's
	 * height, so the panel pinned to the bottom of the window appears at the bottom.
	 */
	Path screenshot(String name, int width) {
		boolean mobile = width < 700;
		emulate(width, mobile ? 844 : 900, mobile);
		save(name + "-" + width + "-screen", this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", false)));
		Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, "
				+ "document.body ? document.body.scrollHeight : 0)");
		int full = Math.min(Math.max(height.intValue(), 600), MAX_SCREENSHOT_HEIGHT);
		emulate(width, full, mobile);
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", false));
		this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		return save(name + "-" + width, shot);
	}

	private static Path save(String name, Map<String, Object> shot) {
		Path file = SCREENSHOTS.resolve(name + ".png");
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/** Shows the current page at a width, for checks of the layout. */
	void emulate(int width, int height, boolean mobile) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
	}

	void resetEmulation() {
		this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary directory; the OS cleans it up eventually.
		}
	}

}
