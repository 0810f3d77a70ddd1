package dev.nplusonelab.compare;

import java.util.List;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.diagnostics.history.SqlRequestHistory;
import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.guide.Guide;
import dev.nplusonelab.guide.Technique;
import dev.nplusonelab.system.PageProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compare view loads a data page in both modes, over HTTP as a visitor would, and
 * says whether they rendered the same records.
 */
@LabTest
class CompareTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Guide guide;

	@Autowired
	private DataPages dataPages;

	@Autowired
	private SqlRequestHistory history;

	@TestFactory
	Stream<DynamicTest> everyDataPageIsIdenticalInBothModes() {
		Stream<String> pages = Stream.concat(this.guide.all().stream().map(Technique::href),
				Stream.of("/books?page=3&size=20", "/books?after=400&size=10", "/orders?after=900&size=10",
						"/api/books?size=10", "/api/authors?size=3"));
		return pages.map((path) -> DynamicTest.dynamicTest(path, () -> {
			Document page = new Pages(this.mvc).visit("/compare?path={path}", path).document();

			assertThat(page.select(".verdict-line strong").text()).as(path).startsWith("identical: ");
			assertThat(page.select(".verdict").hasClass("verdict-same")).isTrue();
			List<String> digests = page.select(".compare-table code").eachText();
			assertThat(digests).hasSize(2).allSatisfy((digest) -> assertThat(digest).hasSize(12));
			assertThat(digests.get(0)).isEqualTo(digests.get(1));
		}));
	}

	/**
	 * The two pages a comparison loads are kept in its own history entry, not in two
	 * slots of the ring, and its panel says what they ran; its own count stays its own.
	 */
	@Test
	void aComparisonKeepsThePagesItLoadedInItsHistoryEntryAndItsPanelSaysWhatTheyRan() {
		long before = this.history.list(SqlRequestHistory.Order.RECENT)
			.stream()
			.mapToLong((entry) -> entry.report().id())
			.max()
			.orElse(0);

		Pages.Visit compare = new Pages(this.mvc).visit("/compare?path={path}", "/books");

		long id = compare.report().id();
		assertThat(this.history.list(SqlRequestHistory.Order.RECENT)).extracting((entry) -> entry.report().id())
			.filteredOn((kept) -> kept > before)
			.containsExactly(id);
		SqlRequestHistory.Entry entry = this.history.find(id).orElseThrow();
		assertThat(entry.query()).isEqualTo("path=/books");
		assertThat(entry.children()).extracting(SqlRequestHistory.Entry::target)
			.containsExactly("/books?mode=naive", "/books?mode=optimized");
		int ran = entry.children().stream().mapToInt((child) -> child.report().statementCount()).sum();
		Document page = compare.document();
		List<Integer> shown = page.select(".compare-table tr:first-child td")
			.eachText()
			.stream()
			.map(Integer::valueOf)
			.toList();
		assertThat(shown).hasSize(2)
			.containsExactly(entry.children().get(0).report().statementCount(),
					entry.children().get(1).report().statementCount());
		assertThat(compare.statements()).isEqualTo(entry.report().statementCount());
		assertThat(compare.result().getResponse().getHeader("X-Sql-Sub-Requests")).isEqualTo("2");
		assertThat(compare.result().getResponse().getHeader("X-Sql-Sub-Statements")).isEqualTo(Integer.toString(ran));
		assertThat(page.select("#sql-panel").attr("data-sub-statements")).isEqualTo(Integer.toString(ran));
		assertThat(page.select("#sql-panel > summary .sql-sub").text()).isEqualTo(ran + " in 2 requests it made");
	}

	@Test
	void everyRouteThatTakesAModeCanBeComparedAndNothingElse() {
		assertThat(this.dataPages.routes())
			.contains("/", "/books", "/books/{id}", "/authors", "/authors/{id}", "/orders", "/customers",
					"/customers/{id}", "/api/books", "/api/authors", "/mistakes/serializer")
			.doesNotContain("/compare", "/lab", "/sql/requests", "/guide");
	}

	@Test
	void theVisitorsOwnModeAndLatencyAreLeftOut() {
		Document page = new Pages(this.mvc).visit("/compare?path={path}", "/books?mode=naive&latency=20&size=5")
			.document();

		assertThat(page.select(".verdict-line code").text()).isEqualTo("/books?size=5");
	}

	@ParameterizedTest
	@ValueSource(strings = { "books", "//evil.example/books", "http://evil.example/", "/lab", "/compare",
			"/sql/requests", "/books/../lab", "/books?title=<script>", "/nope", "/books/abc" })
	void anythingButADataPageThatLoadsIsABadRequest(String path) {
		assertThat(this.mvc.get().uri("/compare?path={path}", path).exchange()).hasStatus(400)
			.bodyText()
			.doesNotContain("Exception");
	}

	@Test
	void whenTheRecordsDifferTheFirstDifferingOnesAreShown() {
		String naive = "<div id=\"records\"><table><tr><td>1</td><td>Ann</td></tr><tr><td>2</td><td>Bob</td></tr>"
				+ "</table></div>";
		String optimized = "<div id=\"records\"><table><tr><td>1</td><td>Ann</td></tr><tr><td>2</td><td>Rob</td></tr>"
				+ "<tr><td>3</td><td>Cy</td></tr></table></div>";

		Comparison comparison = Comparison.of("/books", page(naive, "aaaaaaaaaaaa"), page(optimized, "bbbbbbbbbbbb"));

		assertThat(comparison.identical()).isFalse();
		assertThat(comparison.differences()).containsExactly(new Comparison.Difference(2, "2 Bob", "2 Rob"),
				new Comparison.Difference(3, null, "3 Cy"));
	}

	@Test
	void equalTextWithDifferentDigestsIsNotIdentical() {
		String html = "<div id=\"records\"><ul><li>Ann</li></ul></div>";

		Comparison comparison = Comparison.of("/books", page(html, "aaaaaaaaaaaa"), page(html, "bbbbbbbbbbbb"));

		assertThat(comparison.identical()).isFalse();
		assertThat(comparison.differences()).isEmpty();
	}

	private static PageProbe.Page page(String html, String digest) {
		return new PageProbe.Page(200, "text/html", 1, digest, 1, html, null);
	}

}
