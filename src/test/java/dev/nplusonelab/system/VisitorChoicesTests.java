package dev.nplusonelab.system;

import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

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
	void staticFilesAndTheActuatorGetNoChoices() {
		Document page = visit("/books", "mode=naive&latency=1");

		assertThat(page.select("link[href], script[src]"))
			.allSatisfy((element) -> assertThat(element.attr("href") + element.attr("src")).doesNotContain("mode="));
	}

	@Test
	void everyPageSaysWhichModeItIsIn() {
		assertThat(visit("/books", "mode=naive").select(".site-header .mode-badge").attr("data-mode"))
			.isEqualTo("naive");
		assertThat(visit("/books", "").select(".site-header .mode-badge").attr("data-mode")).isEqualTo("optimized");
		assertThat(visit("/mistakes", "mode=naive").select(".site-header .mode-badge").attr("data-mode"))
			.isEqualTo("naive");
	}

	private Document visit(String path, String choices) {
		String uri = choices.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + choices;
		return new Pages(this.mvc).visit(uri).document();
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
