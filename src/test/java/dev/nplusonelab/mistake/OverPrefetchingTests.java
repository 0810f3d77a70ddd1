package dev.nplusonelab.mistake;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.Pages.Visit;
import dev.nplusonelab.diagnostics.detect.StatementSummary;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class OverPrefetchingTests {

	private static final String PAGE = "/mistakes/over-prefetching";

	/**
	 * The tags and the reviews of the books on a page: the rows of the two prefetches.
	 */
	private static final String CHILDREN_OF_PAGE = """
			WITH page AS (SELECT id FROM book ORDER BY id LIMIT :size OFFSET :offset)
			SELECT (SELECT count(*) FROM book_tag WHERE book_id IN (SELECT id FROM page))
			     + (SELECT count(*) FROM review WHERE book_id IN (SELECT id FROM page))
			""";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private NaiveBylineReader naive;

	@Autowired
	private OptimizedBylineReader optimized;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 5, 20, 100 })
	void wrongVersionRunsThreeStatementsAndRightVersionOne(int size) {
		Visit wrong = this.pages.visit(PAGE + "?mode=naive&size=" + size);
		Visit right = this.pages.visit(PAGE + "?mode=optimized&size=" + size);

		assertThat(wrong.statements()).isEqualTo(3);
		assertThat(wrong.sql().get(0)).contains("b.*").contains("LEFT JOIN editor e");
		assertThat(right.statements()).isEqualTo(1);
		assertThat(right.sql().get(0)).doesNotContain("b.*").doesNotContain("content").doesNotContain("publisher");
	}

	@ParameterizedTest(name = "page {0}")
	@ValueSource(ints = { 0, 7, 900 })
	void wrongVersionFetchesEveryChildRowAndAtLeastTenTimesTheBytes(int page) {
		int size = 20;
		Visit wrong = this.pages.visit(PAGE + "?mode=naive&size=" + size + "&page=" + page);
		Visit right = this.pages.visit(PAGE + "?mode=optimized&size=" + size + "&page=" + page);
		StatementSummary wrongRead = StatementSummary.of(wrong.report());
		StatementSummary rightRead = StatementSummary.of(right.report());

		// Both read one row past the page to learn whether another page follows.
		long pageRows = size + 1;
		assertThat(rightRead.rows()).isEqualTo(pageRows);
		assertThat(wrongRead.rows()).isEqualTo(pageRows + childrenOfPage(new Paging(page, size)));
		assertThat(wrongRead.bytes()).isGreaterThanOrEqualTo(10 * rightRead.bytes());
	}

	@Test
	void theBoxShowsWhatTheRequestFetchedAgainstWhatTheRecordsShow() {
		Paging paging = new Paging(2, 20);
		Visit visit = this.pages.visit(PAGE + "?mode=naive&page=2&size=20");
		Document document = visit.document();
		Footprint shown = Footprint.of(this.optimized.list(paging).rows(), Byline::shownBytes);

		assertThat(document.select(".footprint-fetched .footprint-value").attr("data-rows"))
			.isEqualTo(Long.toString(StatementSummary.of(visit.report()).rows()));
		assertThat(document.select(".footprint-fetched .footprint-value").attr("data-bytes"))
			.isEqualTo(Long.toString(StatementSummary.of(visit.report()).bytes()));
		assertThat(document.select(".footprint-shown .footprint-value").text()).startsWith("20 rows, ≈ ");
		assertThat(document.select(".footprint-shown .footprint-value").attr("data-bytes"))
			.isEqualTo(Long.toString(shown.bytes()));
		assertThat(document.select("#records .footprint")).isEmpty();
	}

	@Test
	void rightVersionFetchesExactlyWhatItShowsPlusTheLookAheadRow() {
		Paging paging = new Paging(4, 20);
		Footprint shown = Footprint.of(this.optimized.list(paging).rows(), Byline::shownBytes);
		Visit visit = this.pages.visit(PAGE + "?mode=optimized&page=4&size=20");

		long lookAhead = StatementSummary.of(visit.report()).bytes() - shown.bytes();
		assertThat(shown.rows()).isEqualTo(20);
		assertThat(lookAhead).isPositive().isLessThan(200);
	}

	@Test
	void bothVersionsGiveEqualViewModels() {
		for (Paging paging : List.of(new Paging(0, 20), new Paging(3, 50), new Paging(lastPage(50), 50),
				new Paging(lastPage(7), 7))) {
			ListPage<Byline> expected = this.naive.list(paging);

			assertThat(this.optimized.list(paging)).as("page %d of %d", paging.page(), paging.size())
				.isEqualTo(expected);
			assertThat(expected.rows()).isNotEmpty();
		}
	}

	@Test
	void bothVersionsRenderIdenticalRecords() {
		for (String query : List.of("size=20", "page=5&size=25", "page=" + lastPage(50) + "&size=50")) {
			String wrong = this.pages.visit(PAGE + "?mode=naive&" + query).records();
			String right = this.pages.visit(PAGE + "?mode=optimized&" + query).records();

			assertThat(right).isEqualTo(wrong).isNotBlank();
		}
	}

	private long childrenOfPage(Paging paging) {
		return this.jdbc.sql(CHILDREN_OF_PAGE)
			.param("size", paging.size())
			.param("offset", paging.offset())
			.query(Long.class)
			.single();
	}

	private int lastPage(int size) {
		long books = this.jdbc.sql("SELECT count(*) FROM book").query(Long.class).single();
		return (int) ((books - 1) / size);
	}

}
