package dev.nplusonelab.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Savings;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;
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

	@Autowired
	private SqlRequestHistory history;

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

		// The comparison and the guide run no mode of their own: no badge, but their
		// links keep it.
		click(".cost-links a[href^='/compare']");
		assertThat(this.browser.currentPath()).contains("mode=naive");
		assertThat(this.browser.findAll(".mode-badge")).isEmpty();
		assertThat(this.browser.find(".verdict-line strong").getText()).startsWith("identical");

		click(".site-nav a[href^='/guide']");
		assertThat(this.browser.currentPath()).contains("mode=naive");
		assertThat(this.browser.findAll(".mode-badge")).isEmpty();
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

	/**
	 * Each entry's figures, as a visitor reads them on the guide, against what the test
	 * measured itself: it loads the entry's naive and optimized page over HTTP, reads the
	 * count from {@code X-Sql-Statements} and the statements from the report that
	 * {@code X-Sql-Report} names, and counts those of the entry's shape, typed out in
	 * {@link Savings}. A number typed into the guide would fail here.
	 */
	@Test
	void theGuidesPerTechniqueFiguresAreMeasuredNotTypedIn() throws Exception {
		// The guide measures every page on its first request, longer than a browser's
		// page load may take: that first request is made here.
		measure("http://localhost:" + this.port + "/guide");
		this.browser.load("/guide");
		this.browser.screenshot("guide-savings", Browser.DESKTOP_WIDTH);
		List<WebElement> entries = this.browser.findAll(".guide-entry:has(.saving)");
		assertThat(entries).hasSize(this.guide.entries().size());

		for (WebElement entry : entries) {
			String key = entry.getAttribute("id");
			Measured naive = measure(entry.findElement(By.cssSelector("a.to-naive")).getAttribute("href"));
			Measured optimized = measure(entry.findElement(By.cssSelector("a.to-optimized")).getAttribute("href"));
			long saved = number(entry, ".saving-naive");

			assertThat(number(entry, ".saving-of")).as("%s: the page total", key).isEqualTo(naive.statements());
			assertThat(saved).as("%s: its share of the naive page", key)
				.isEqualTo(Savings.count(key, naive.sql()))
				.isPositive()
				.isLessThanOrEqualTo(naive.statements());
			assertThat(number(entry, ".saving-optimized")).as("%s: what the optimized page still runs", key)
				.isEqualTo(Savings.count(key, optimized.sql()))
				.isLessThan(saved);
		}
	}

	private static long number(WebElement entry, String css) {
		return Long.parseLong(entry.findElement(By.cssSelector(css)).getText().trim());
	}

	/** Loads a page as any client would and reads back what it ran. */
	private Measured measure(String url) throws Exception {
		HttpResponse<Void> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		long report = Long.parseLong(response.headers().firstValue("X-Sql-Report").orElseThrow());
		RequestReport ran = this.history.find(report).orElseThrow().report();
		return new Measured(Integer.parseInt(response.headers().firstValue("X-Sql-Statements").orElseThrow()),
				ran.statements().stream().map(StatementRecord::sql).toList());
	}

	private record Measured(int statements, List<String> sql) {
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

	/**
	 * A history row opens again exactly the page it stands for: the same path and query
	 * string, so {@code /books?size=7&page=3} is not mistaken for {@code /books}.
	 */
	@Test
	void aHistoryRowLinksToTheExactUrlItServed() {
		String served = "/books?size=7&page=3&mode=naive";
		this.browser.load(served);
		int statements = statements();

		this.browser.load("/sql/requests");
		WebElement link = this.browser.findAll("#records a.reopen")
			.stream()
			.filter((candidate) -> candidate.getText().equals("GET " + served))
			.findFirst()
			.orElseThrow();
		assertThat(link.getDomAttribute("href")).isEqualTo(served);
		this.browser.screenshot("history", Browser.DESKTOP_WIDTH);
		this.browser.script("arguments[0].scrollIntoView({block: 'center'})", link);
		link.click();
		this.browser.waitUntilLoaded();

		assertThat(this.browser.currentPath()).isEqualTo(served);
		assertThat(this.browser.find(".mode-toggle a.active").getAttribute("data-mode")).isEqualTo("naive");
		assertThat(statements()).isEqualTo(statements);
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
	 * The naive author list's panel: its loop and N+1 and one large-values finding for
	 * the content column, not one per author; every query with a bar of its share of the
	 * SQL time that the browser really draws, its SQL a clause per line, and its stack.
	 */
	@Test
	void theNaiveAuthorPanelShowsItsNPlusOnesAndTheLargeValuesOnce() {
		this.browser.load("/authors?mode=naive");
		clickInPanel("#sql-panel > summary");

		// The publisher, the books and the reviews of each author are one loop; the tag
		// links that come with the books are an N+1 of their own.
		assertThat(this.browser.allInPanel(".findings li.finding-loop")).singleElement()
			.satisfies((loop) -> assertThat(loop.getText()).contains("loop · 3 statements × "));
		assertThat(this.browser.allInPanel(".findings li.finding-n_plus_one")).hasSize(1);
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

	/**
	 * Pages with every kind of code: the guide's three columns and its decision list, the
	 * lesson under a data page in each mode with the SQL panel, a mistake, and the
	 * detection page's failure message and log line.
	 */
	static Stream<String> codePages() {
		return Stream.of("/books?mode=naive&size=10", "/books?mode=optimized&size=10",
				"/mistakes/deferred-column?mode=naive&size=5", "/detection", "/guide");
	}

	/**
	 * Code wraps between words, never inside one: checked on the rendered text, character
	 * by character, in the page and in the panel's shadow root (opened), at both widths.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("codePages")
	void noCodeLineBreaksInsideAWord(String path) {
		this.browser.load(path);
		for (int width : new int[] { Browser.DESKTOP_WIDTH, Browser.MOBILE_WIDTH }) {
			this.browser.emulate(width, 900, width < 700);
			try {
				@SuppressWarnings("unchecked")
				Map<String, Object> found = (Map<String, Object>) this.browser.script(WORDS_BROKEN_ACROSS_LINES);
				assertThat(((Number) found.get("checked")).intValue()).as("word characters checked on %s", path)
					.isGreaterThan(100);
				assertThat((List<?>) found.get("breaks")).as("code broken inside a word on %s at %d px", path, width)
					.isEmpty();
			}
			finally {
				this.browser.resetEmulation();
			}
		}
		this.browser
			.script("document.querySelector('nplusone-panel').shadowRoot.querySelector('details').open = false");
		this.browser.screenshot("code-" + name(path), Browser.DESKTOP_WIDTH);
		this.browser.screenshot("code-" + name(path), Browser.MOBILE_WIDTH);
	}

	/**
	 * On both widths "Start here" comes before the first list, and on a desktop in the
	 * first screen.
	 */
	@Test
	void startHereIsAboveTheListsAndOnTheFirstScreenOfADesktop() {
		this.browser.load("/");
		for (int width : new int[] { Browser.DESKTOP_WIDTH, Browser.MOBILE_WIDTH }) {
			int height = (width < 700) ? 844 : 900;
			this.browser.emulate(width, height, width < 700);
			try {
				double start = top("#start-here");
				double firstCard = top(".start-here a.card");
				double lists = top("#records");
				assertThat(start).as("Start here at %d px", width).isLessThan(lists);
				assertThat(firstCard).as("the first card at %d px", width).isLessThan(lists);
				if (width == Browser.DESKTOP_WIDTH) {
					assertThat(firstCard).as("the first card, on a desktop's first screen").isLessThan(height - 100);
				}
			}
			finally {
				this.browser.resetEmulation();
			}
		}
		this.browser.screenshot("home-start-here", Browser.DESKTOP_WIDTH);
		this.browser.screenshot("home-start-here", Browser.MOBILE_WIDTH);
	}

	/** The distance from the top of the document to an element, in CSS pixels. */
	private double top(String css) {
		return ((Number) this.browser.script("return arguments[0].getBoundingClientRect().top + window.scrollY",
				this.browser.find(css)))
			.doubleValue();
	}

	/**
	 * Walks the text of every code element (in the page, and in the SQL panel's shadow
	 * root, opened first) and measures each word character with a Range: two adjacent
	 * word characters whose boxes sit on different lines are a word broken in two.
	 * Returns how many characters it measured and each break, with the text around it.
	 */
	private static final String WORDS_BROKEN_ACROSS_LINES = """
			const selector = 'pre, code, figcaption, .params, .site';
			const roots = [document];
			const host = document.querySelector('nplusone-panel');
			if (host && host.shadowRoot) {
			  const panel = host.shadowRoot.querySelector('details');
			  if (panel) { panel.open = true; }
			  roots.push(host.shadowRoot);
			}
			const word = /[A-Za-z0-9_]/;
			const breaks = [];
			let checked = 0;
			for (const root of roots) {
			  for (const element of root.querySelectorAll(selector)) {
			    if (element.parentElement && element.parentElement.closest(selector)) { continue; }
			    const text = element.textContent;
			    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
			    let offset = 0;
			    let previous = null;
			    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			      // code.js makes each source line a block: the end of one is not inside a word.
			      const line = node.parentElement.closest('.line');
			      if (previous !== null && previous.line !== line) { previous = null; }
			      for (let i = 0; i < node.data.length; i++) {
			        const at = offset + i;
			        if (!word.test(node.data[i])) { previous = null; continue; }
			        const range = document.createRange();
			        range.setStart(node, i);
			        range.setEnd(node, i + 1);
			        const boxes = range.getClientRects();
			        if (boxes.length === 0) { previous = null; continue; }
			        checked++;
			        const top = boxes[0].top;
			        if (previous !== null && previous.at === at - 1 && Math.abs(top - previous.top) > 4) {
			          breaks.push((text.slice(Math.max(0, at - 30), at) + '|' + text.slice(at, at + 30))
			            .replace(/\\n/g, '\\u23ce'));
			        }
			        previous = { at, top, line };
			      }
			      offset += node.data.length;
			    }
			  }
			}
			return { checked, breaks };
			""";

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
		// A log axis left to itself rounds out to powers of ten: N = 50 would end at 100.
		Object axes = ((JavascriptExecutor) this.browser.driver()).executeScript(
				"return document.getElementById('lab-charts').labPlots.map((p) => [p.scales.x.min, p.scales.x.max]);");
		assertThat(axes).asString().isEqualTo("[[10, 50], [10, 50]]");
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
