package dev.nplusonelab.system;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor's mode and latency travel with every internal link of a page, so that nobody
 * who picked naive lands in optimized by clicking around.
 */
@LabTest
class VisitorChoicesTests {

	@Autowired
	private MockMvcTester mvc;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/", "/books", "/books/1", "/authors", "/authors/2", "/orders", "/customers/1",
			"/mistakes", "/mistakes/filter-after-prefetch?size=20", "/mistakes/count-by-loading?size=10" })
	void everyLinkToAPageKeepsTheChosenModeAndLatency(String path) {
		Document page = visit(path, "mode=naive&latency=1");

		List<Element> links = pageLinks(page);
		assertThat(links).as("links to pages on %s", path).isNotEmpty();
		for (Element link : links) {
			String href = link.attr("href");
			if (link.closest(".mode-toggle") != null || link.closest(".latency") != null) {
				continue;
			}
			assertThat(href).as("a link on %s", path).contains("mode=naive");
			if (!href.startsWith("/lab")) {
				assertThat(href).as("a link on %s", path).contains("latency=1");
			}
		}
	}

	@Test
	void theToggleSwitchesDeliberatelyAndKeepsTheLatency() {
		Document page = visit("/books", "mode=naive&latency=5");

		assertThat(page.select(".mode-toggle a[data-mode=optimized]").attr("href")).contains("mode=optimized")
			.contains("latency=5")
			.doesNotContain("mode=naive");
	}

	@Test
	void aLinkThatAlreadyCarriesAChoiceIsNotGivenItTwice() {
		Document page = visit("/books", "page=2&size=10&mode=naive&latency=1");

		assertThat(page.select("a[href]").eachAttr("href")).allSatisfy((href) -> {
			assertThat(href.split("mode=", -1)).as(href).hasSizeLessThanOrEqualTo(2);
			assertThat(href.split("latency=", -1)).as(href).hasSizeLessThanOrEqualTo(2);
		});
	}

	@Test
	void aVisitorWhoChoseNothingGetsPlainLinks() {
		Document page = visit("/books", "");

		assertThat(pageLinks(page))
			.filteredOn((link) -> link.closest(".mode-toggle") == null && link.closest(".latency") == null)
			.isNotEmpty()
			.allSatisfy((link) -> assertThat(link.attr("href")).doesNotContain("mode=").doesNotContain("latency="));
	}

	@Test
	void theLabKeepsTheModeButNotTheLatencyWhichMeansSomethingElseThere() {
		Document page = visit("/books", "mode=naive&latency=20");

		assertThat(page.select("nav a[href^=/lab]").attr("href")).isEqualTo("/lab?mode=naive");
	}

	@Test
	void stylesheetsAndScriptsGetNoChoices() {
		Document page = visit("/books", "mode=naive&latency=1");

		assertThat(page.select("link[href], script[src]"))
			.allSatisfy((element) -> assertThat(element.attr("href") + element.attr("src")).doesNotContain("mode="));
	}

	/**
	 * The detection page is the one that links to the Actuator (each recorded route's
	 * metrics as JSON), next to links to pages. Catches {@code /actuator} dropped from
	 * the prefixes that get no choices, which the test above cannot see: no stylesheet or
	 * script is under {@code /actuator}.
	 */
	@Test
	void theActuatorLinksOfARenderedPageGetNoChoicesWhileItsPageLinksDo() {
		// A recorded route gives the metrics table a row, and the row its Actuator link.
		new Pages(this.mvc).visit("/books?mode=naive&size=5");
		Document page = visit("/detection", "mode=naive&latency=1");

		List<String> actuator = page.select("a[href^=/actuator]").eachAttr("href");
		assertThat(actuator).as("links to the Actuator on /detection").isNotEmpty();
		assertThat(actuator).allSatisfy((href) -> assertThat(queryParameters(href)).as(href)
			.doesNotContainKeys(Mode.PARAMETER, LatencyInterceptor.PARAMETER));
		assertThat(page.select("a[href^=/sql/requests]").eachAttr("href")).isNotEmpty()
			.allSatisfy((href) -> assertThat(queryParameters(href)).as(href)
				.containsEntry(Mode.PARAMETER, List.of("naive"))
				.containsEntry(LatencyInterceptor.PARAMETER, List.of("1")));
	}

	/**
	 * Every kind of URL a template may write, given to the processor with a visitor's
	 * choices. Catches the Actuator (or a static file, or the export) getting the mode or
	 * the latency, and a page link (a list, an item, the JSON API, a link with its own
	 * query) losing them.
	 */
	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					/actuator                                                  | /actuator
					/actuator/sqlrequests                                      | /actuator/sqlrequests
					/actuator/metrics/app.sql.statements?tag=uri:/books        | /actuator/metrics/app.sql.statements?tag=uri:/books
					/css/app.css                                               | /css/app.css
					/export/books.csv                                          | /export/books.csv
					/books                                                     | /books?mode=naive&latency=1
					/books/1                                                   | /books/1?mode=naive&latency=1
					/authors?page=2&size=10                                    | /authors?page=2&size=10&mode=naive&latency=1
					/api/books/1                                               | /api/books/1?mode=naive&latency=1
					/books?mode=optimized                                      | /books?mode=optimized&latency=1
					/lab                                                       | /lab?mode=naive
					/books#code                                                | /books?mode=naive&latency=1#code
					/books?page=2#top                                          | /books?page=2&mode=naive&latency=1#top
					/books?                                                    | /books?mode=naive&latency=1
					/books?page=2&                                             | /books?page=2&mode=naive&latency=1
					/books?modes=x&latency                                     | /books?modes=x&latency&mode=naive
					/books?m%6Fde=optimized                                    | /books?m%6Fde=optimized&latency=1
					/guide#select-related?x                                    | /guide?mode=naive&latency=1#select-related?x
					/books?title=it's&page=2                                   | /books?title=it's&page=2&mode=naive&latency=1
					""")
	void theActuatorAndStaticFilesGetNoChoicesAndPagesGetBoth(String url, String processed) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/books");
		request.setParameter(Mode.PARAMETER, "naive");
		request.setParameter(LatencyInterceptor.PARAMETER, "1");
		request.setAttribute(Mode.ATTRIBUTE, Mode.NAIVE);

		// Written into an attribute: escaped exactly as Thymeleaf escapes the URL it
		// hands over.
		assertThat(new VisitorChoices().processUrl(request, HtmlUtils.htmlEscape(url)))
			.isEqualTo(HtmlUtils.htmlEscape(processed));
	}

	@Test
	void everyPageWithAModeSaysWhichOneInItsHeader() {
		assertThat(visit("/books", "mode=naive").select(".site-header .mode-badge").attr("data-mode"))
			.isEqualTo("naive");
		assertThat(visit("/books", "").select(".site-header .mode-badge").text()).isEqualTo("optimized mode");
		assertThat(visit("/books", "").select("body").hasClass("in-optimized")).isTrue();
	}

	/** The guide, the gallery, the comparison: no switch, so no mode to claim. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/mistakes", "/guide", "/detection", "/compare?path=/books" })
	void aPageWithoutAModeShowsNoBadgeEvenWhenItsLinksKeepOne(String path) {
		Document page = visit(path, "mode=naive");

		assertThat(page.select(".site-header .mode-badge")).isEmpty();
		assertThat(page.select("body").hasClass("in-naive")).isFalse();
		assertThat(page.select(".site-nav a[href^=/books]").attr("href")).contains("mode=naive");
	}

	/** A mistake's switch reads Wrong and Right; its badge says the same. */
	@Test
	void aMistakePageBadgeSaysWrongOrRightAsItsSwitchDoes() {
		Document wrong = visit("/mistakes/deferred-column", "mode=naive");
		Document right = visit("/mistakes/deferred-column", "mode=optimized");

		assertThat(wrong.select(".site-header .mode-badge").text()).isEqualTo("wrong way");
		assertThat(wrong.select(".mode-toggle a.active strong").text()).isEqualTo("Wrong");
		assertThat(right.select(".site-header .mode-badge").text()).isEqualTo("right way");
		assertThat(right.select(".mode-toggle a.active strong").text()).isEqualTo("Right");
	}

	private Document visit(String path, String choices) {
		String uri = choices.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + choices;
		return new Pages(this.mvc).visit(uri).document();
	}

	private static Map<String, List<String>> queryParameters(String href) {
		return UriComponentsBuilder.fromUriString(HtmlUtils.htmlUnescape(href)).build().getQueryParams();
	}

	/** Links to the application's pages: not static files, the Actuator or the export. */
	private static List<Element> pageLinks(Document page) {
		return page.select("a[href^=/]")
			.stream()
			.filter((link) -> !link.attr("href").startsWith("/actuator") && !link.attr("href").startsWith("/export")
					&& !link.attr("href").startsWith("/webjars"))
			.toList();
	}

}
