package dev.nplusonelab.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.guide.Guide;
import dev.nplusonelab.guide.Technique;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as a person sees them, in a real Chromium: they load without console errors
 * or policy violations, the mode switch and the SQL panel work, hostile data stays text,
 * and nothing overflows a phone's width. Each page is saved as a picture under
 * {@code target/screenshots}, at desktop and phone width, to be looked at.
 */
@LabTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTests {

	private static final String HOSTILE_TITLE = "<script>alert(\"book\")</script> & Other Stories";

	private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)> O'Brien";

	@LocalServerPort
	private int port;

	@Autowired
	private Guide guide;

	private Browser browser;

	@BeforeAll
	void openBrowser() throws IOException {
		this.browser = Browser.open("http://localhost:" + this.port);
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	/**
	 * Every page: the home page, every lesson the guide declares (so a new page is
	 * covered too) in both modes, and the pages about the lab itself.
	 */
	Stream<String> pages() {
		Stream<String> lessons = this.guide.all()
			.stream()
			.map(Technique::href)
			.flatMap((href) -> Stream.of(withMode(href, "optimized"), withMode(href, "naive")));
		return Stream.concat(lessons,
				Stream.of("/mistakes", "/guide", "/detection", "/compare?path=/books", "/sql/requests", "/lab",
						"/lab?workload=books&sizes=10,50&run=1", "/lab?workload=authors&sizes=5&run=1"));
	}

	Stream<Technique> techniques() {
		return this.guide.techniques().stream().filter((technique) -> !technique.href().equals("/"));
	}

	Stream<Technique> mistakes() {
		return this.guide.mistakes().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void everyPageLoadsWithoutConsoleErrorsAndFitsAPhone(String path) {
		List<LogEntry> console = this.browser.load(path);

		assertThat(Browser.severe(console)).as("console errors on %s", path).isEmpty();
		assertThat(console).as("policy violations on %s", path)
			.noneMatch((entry) -> entry.getMessage().contains("Content Security Policy"));
		assertThat(this.browser.find("h1").getText()).isNotBlank();
		this.browser.screenshot(name(path), Browser.DESKTOP_WIDTH);
		this.browser.screenshot(name(path), Browser.MOBILE_WIDTH);
		assertThat(widthAt(Browser.MOBILE_WIDTH)).as("page width of %s on a phone", path)
			.isLessThanOrEqualTo(Browser.MOBILE_WIDTH);
	}

	@Test
	void theToggleSwitchesTheModeAndKeepsTheOtherParameters() {
		this.browser.load("/books?page=2&size=20&latency=1");
		String records = this.browser.find("#records").getText();
		int optimized = statements();

		click(".mode-toggle a[data-mode=naive]");

		assertThat(this.browser.currentPath()).startsWith("/books?")
			.contains("page=2", "size=20", "latency=1", "mode=naive");
		assertThat(this.browser.find(".mode-toggle a.active").getAttribute("data-mode")).isEqualTo("naive");
		assertThat(this.browser.find(".latency a.active").getAttribute("data-latency")).isEqualTo("1");
		assertThat(this.browser.find("#records").getText()).isEqualTo(records);
		assertThat(statements()).isGreaterThan(optimized);

		click(".mode-toggle a[data-mode=optimized]");

		assertThat(this.browser.currentPath()).contains("page=2", "size=20", "latency=1", "mode=optimized");
		assertThat(this.browser.find(".mode-toggle a.active").getAttribute("data-mode")).isEqualTo("optimized");
		assertThat(statements()).isEqualTo(optimized);
	}

	/**
	 * A visitor who picks naive on the home page stays naive through the navigation, a
	 * row link, the pagination, a lesson's link and the guide.
	 */
	@Test
	void aNaiveVisitorStaysNaiveWhereverTheyClick() {
		this.browser.load("/?mode=naive");
		assertNaive("the home page");

		click(".site-nav a[href^='/books']");
		assertNaive("the book list, from the navigation");

		click(".pagination a[rel=next]");
		assertNaive("the second page of books");
		assertThat(this.browser.currentPath()).contains("page=1");

		click("#records a[href^='/books/']");
		assertNaive("a book, from its row");

		click("#records a[href^='/authors/']");
		assertNaive("its author, from a link in the record");

		click(".cost-links a[href^='/compare']");
		assertThat(this.browser.find(".mode-badge").getAttribute("data-mode")).isEqualTo("naive");
		assertThat(this.browser.find(".verdict-line strong").getText()).startsWith("identical");

		click(".site-nav a[href^='/guide']");
		assertThat(this.browser.find(".mode-badge").getAttribute("data-mode")).isEqualTo("naive");
		click("#select-related-single .measured-links a:not(.to-naive):not(.to-optimized)");
		assertNaive("a page opened from the guide");

		click(".site-nav a[href^='/mistakes']");
		click("#mistakes a.card");
		assertNaive("a mistake, from the gallery");
		assertThat(this.browser.find(".mode-toggle a.active strong").getText()).isEqualTo("Wrong");
	}

	private void assertNaive(String where) {
		assertThat(this.browser.currentPath()).as(where).contains("mode=naive");
		assertThat(this.browser.find(".mode-badge").getAttribute("data-mode")).as(where).isEqualTo("naive");
		assertThat(this.browser.find(".mode-toggle a.active").getAttribute("data-mode")).as(where).isEqualTo("naive");
	}

	/** Home, then the guide, then the technique: two clicks to any of them. */
	@Test
	void everyTechniqueOnTheGuideIsTwoClicksFromHome() {
		this.browser.load("/");
		click(".site-nav a[href^='/guide']");
		List<String> entries = this.browser.findAll(".guide-entry")
			.stream()
			.map((entry) -> entry.getAttribute("id"))
			.toList();
		assertThat(entries).hasSizeGreaterThanOrEqualTo(this.guide.entries().size() + this.guide.mistakes().size());

		for (String id : entries) {
			this.browser.load("/");
			click(".site-nav a[href^='/guide']");
			WebElement link = this.browser.find("#" + id + " .measured-links a:not(.to-naive):not(.to-optimized)");
			String title = link.getText();
			click("#" + id + " .measured-links a:not(.to-naive):not(.to-optimized)");

			assertThat(this.browser.find("h1").getText()).as(id).isEqualTo(title);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dataPages")
	void theCompareViewSaysIdenticalForEveryDataPage(String path) {
		this.browser.load("/compare?path=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));

		assertThat(this.browser.find(".verdict-line strong").getText()).as(path).startsWith("identical");
	}

	Stream<String> dataPages() {
		return Stream.concat(this.guide.all().stream().map(Technique::href),
				Stream.of("/api/books?size=10", "/api/authors?size=3"));
	}

	@Test
	void pagingKeepsTheMode() {
		this.browser.load("/books?mode=naive&size=10");

		click(".pagination a[rel=next]");

		assertThat(this.browser.currentPath()).contains("mode=naive", "size=10", "page=1");
		assertThat(this.browser.find(".mode-toggle a.active").getAttribute("data-mode")).isEqualTo("naive");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("techniques")
	void thePanelCountsFewerStatementsInOptimizedMode(Technique technique) {
		// Ten rows are enough to tell the modes apart; detail pages ignore the size.
		this.browser.load(withMode(technique.href(), "naive") + "&size=10");
		int naive = statements();
		this.browser.load(withMode(technique.href(), "optimized") + "&size=10");
		int optimized = statements();

		assertThat(naive).as("naive statements on %s", technique.href()).isGreaterThan(optimized);
		assertThat(this.browser.inPanel("#sql-panel summary").getText()).contains(optimized + " statement");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void thePanelShowsWhatTheMistakeCosts(Technique mistake) {
		this.browser.load(withMode(mistake.href(), "naive"));
		List<String> wrong = footprint();
		this.browser.load(withMode(mistake.href(), "optimized"));
		List<String> right = footprint();

		assertThat(wrong).as("statements, rows and bytes on %s", mistake.href()).isNotEqualTo(right);
	}

	@Test
	void openingThePanelListsEveryStatement() {
		this.browser.load("/books?mode=naive&size=10");
		WebElement panel = this.browser.inPanel("#sql-panel");
		assertThat(panel.getAttribute("open")).isNull();
		assertThat(this.browser.inPanel(".sql-body").isDisplayed()).isFalse();

		clickInPanel("#sql-panel > summary");

		assertThat(panel.getAttribute("open")).isNotNull();
		assertThat(this.browser.inPanel(".sql-body").isDisplayed()).isTrue();
		List<WebElement> lines = this.browser.allInPanel(".sql-lines > li");
		assertThat(lines).hasSize(statements());
		assertThat(lines.get(0).isDisplayed()).isTrue();
		this.browser.screenshot("panel-open-books-naive", Browser.DESKTOP_WIDTH);
		this.browser.screenshot("panel-open-books-naive", Browser.MOBILE_WIDTH);

		this.browser.inPanel(".only-repeated-label").click();

		assertThat(this.browser.allInPanel(".sql-lines > li.single")).allMatch((line) -> !line.isDisplayed());
		assertThat(this.browser.allInPanel(".sql-lines > li[class*=group-]")).anyMatch(WebElement::isDisplayed);
	}

	/**
	 * The naive author list's panel: its N+1s and one large-values finding for the
	 * content column, not one per author; every query with a bar of its share of the SQL
	 * time that the browser really draws, its SQL a clause per line, and its stack.
	 */
	@Test
	void theNaiveAuthorPanelShowsItsNPlusOnesAndTheLargeValuesOnce() {
		this.browser.load("/authors?mode=naive");
		clickInPanel("#sql-panel > summary");

		assertThat(this.browser.allInPanel(".findings li.finding-n_plus_one")).hasSize(4);
		assertThat(this.browser.allInPanel(".findings li.finding-large_values")).singleElement()
			.satisfies((finding) -> assertThat(finding.getText()).contains("in content · ", " statements"));
		List<WebElement> bars = this.browser.allInPanel(".sql-groups .share .bar:not(.w0)");
		assertThat(bars).isNotEmpty()
			.allSatisfy((bar) -> assertThat(Double.parseDouble(
					((String) this.browser.script("return getComputedStyle(arguments[0], '::before').width", bar))
						.replace("px", "")))
				.isGreaterThan(0));
		assertThat(this.browser.allInPanel(".sql-groups pre.sql"))
			.allSatisfy((sql) -> assertThat(sql.getText()).contains("\nFROM "));
		WebElement stack = this.browser.allInPanel(".sql-groups details.stack").get(0);
		this.browser.script("arguments[0].open = true", stack);
		assertThat(stack.getText()).contains("NaiveAuthorReader.java:");
		this.browser.screenshot("panel-open-authors-naive", Browser.DESKTOP_WIDTH);
		this.browser.screenshot("panel-open-authors-naive", Browser.MOBILE_WIDTH);
		this.browser.script("arguments[0].scrollIntoView()", this.browser.inPanel(".sql-queries"));
		this.browser.screenshot("panel-queries-authors-naive", Browser.DESKTOP_WIDTH);
		this.browser.script("arguments[0].scrollIntoView()", this.browser.inPanel(".sql-queries"));
		this.browser.screenshot("panel-queries-authors-naive", Browser.MOBILE_WIDTH);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/books/3?mode=naive", "/books/3?mode=optimized", "/customers/2?mode=naive",
			"/customers/2?mode=optimized", "/books?size=10&mode=naive", "/orders?mode=naive" })
	void hostileSeedDataIsShownAsText(String path) {
		List<LogEntry> console = this.browser.load(path);
		clickInPanel("#sql-panel > summary");

		assertThat(Browser.severe(console)).isEmpty();
		assertThat(this.browser.alertIsOpen()).as("an alert fired").isFalse();
		// Only the page's own script files, from this origin: none made from data.
		assertThat(this.browser.findAll("script"))
			.allSatisfy((script) -> assertThat(script.getAttribute("src")).as("a script without a file")
				.isNotBlank()
				.matches("http://localhost:\\d+/(js|webjars)/.*"));
		assertThat(this.browser.findAll("[onerror], [onload], [onclick]")).isEmpty();
		assertThat(this.browser.findAll("img[src=x]")).isEmpty();
		assertThat(this.browser.allInPanel("script, [onerror], [onload], [onclick], img[src=x]")).isEmpty();
		if (path.startsWith("/books/3")) {
			assertThat(this.browser.find("#records").getText()).contains(HOSTILE_TITLE);
		}
		if (path.startsWith("/customers/2")) {
			assertThat(this.browser.find("#records").getText()).contains(HOSTILE_NAME);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/books/999999", "/books?page=-1" })
	void errorPagesAreFriendly(String path) {
		List<LogEntry> console = this.browser.load(path);

		// The browser reports the status of the page itself as a failed resource; nothing
		// else.
		assertThat(Browser.severe(console)).allMatch((entry) -> entry.getMessage().contains("status of 4"));
		assertThat(this.browser.find(".error-page h1").getText()).isNotBlank();
		assertThat(this.browser.find(".error-page .lead").getText()).isNotBlank();
		this.browser.screenshot(name(path), Browser.DESKTOP_WIDTH);
		this.browser.screenshot(name(path), Browser.MOBILE_WIDTH);
	}

	/** The benchmark page's chart draws. */
	@Test
	void theLabChartRenders() {
		// The charts draw the result of a run: a small one, two sizes of the book list.
		List<LogEntry> console = this.browser.load("/lab?workload=books&sizes=10,50&latency=0&run=1");

		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(15))
			.until((driver) -> this.browser.findAll("svg, canvas")
				.stream()
				.anyMatch((chart) -> chart.getSize().getWidth() > 100 && chart.getSize().getHeight() > 50));
		console = Stream.concat(console.stream(), this.browser.console().stream()).toList();
		assertThat(Browser.severe(console)).isEmpty();
		assertThat(console).noneMatch((entry) -> entry.getMessage().contains("Content Security Policy"));
		this.browser.screenshot("lab", Browser.DESKTOP_WIDTH);
		this.browser.screenshot("lab", Browser.MOBILE_WIDTH);
	}

	/** As a person would: scrolled to the middle of the window, clear of the panel. */
	private void click(String css) {
		WebElement element = this.browser.find(css);
		this.browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
		this.browser.waitUntilLoaded();
	}

	/** A click in the panel, scrolled into view as {@link #click} does. */
	private void clickInPanel(String css) {
		WebElement element = this.browser.inPanel(css);
		this.browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
		this.browser.waitUntilLoaded();
	}

	private int statements() {
		return Integer.parseInt(this.browser.inPanel("#sql-panel").getAttribute("data-statements"));
	}

	private List<String> footprint() {
		WebElement panel = this.browser.inPanel("#sql-panel");
		return List.of(panel.getAttribute("data-statements"), panel.getAttribute("data-rows"),
				panel.getAttribute("data-bytes"));
	}

	/**
	 * The widest the document gets at a width: wider than the viewport means it scrolls
	 * sideways.
	 */
	private int widthAt(int width) {
		this.browser.emulate(width, 800, true);
		try {
			return ((Number) this.browser.script("return document.documentElement.scrollWidth")).intValue();
		}
		finally {
			this.browser.resetEmulation();
		}
	}

	private static String withMode(String href, String mode) {
		String other = href.replaceAll("([?&])mode=[^&]*&?", "$1").replaceAll("[?&]$", "");
		return other + (other.contains("?") ? "&" : "?") + "mode=" + mode;
	}

	private static String name(String path) {
		String name = path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
		return name.isEmpty() ? "home" : name;
	}

}
