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

import dev.nplusonelab.Formulas;
import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.Pages.Visit;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.guide.Guide;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class LookupsPerRowTests {

	private static final String PAGE = "/mistakes/lookups-per-row";

	@Autowired
	private Guide guide;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SqlDiagnostics diagnostics;

	@Autowired
	private NaiveCreditsReader naive;

	@Autowired
	private OptimizedCreditsReader optimized;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 5, 20 })
	void wrongVersionRunsOnePlusThreePerBook(int size) {
		Visit visit = this.pages.visit(PAGE + "?mode=naive&page=1&size=" + size);

		assertThat(visit.statements()).isEqualTo(Formulas.naive(this.guide, "lookups-per-row", "N", size));
		assertThat(visit.statementsContaining("count(*) FROM review")).isEqualTo(size);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 1, 20, 500 })
	void rightVersionRunsOneStatementWhateverThePageSize(int size) {
		Visit visit = this.pages.visit(PAGE + "?mode=optimized&size=" + size);

		assertThat(visit.statements()).isEqualTo(1);
	}

	/**
	 * Three lookups per book of a page of twenty: one loop finding in the wrong side's
	 * panel, with its three statements in the order each book runs them, counted as one
	 * potential N+1; none on the right side.
	 */
	@Test
	void theWrongSidesPanelShowsOneLoopOfThreeStatements() {
		Visit wrong = this.pages.visit(PAGE + "?mode=naive&size=20");
		Visit right = this.pages.visit(PAGE + "?mode=optimized&size=20");

		List<Finding> findings = this.diagnostics.findings(wrong.report());
		assertThat(findings).singleElement().satisfies((loop) -> {
			assertThat(loop.kind()).isEqualTo(Finding.Kind.LOOP);
			assertThat(loop.count()).isEqualTo(60);
			assertThat(loop.distinctParameterSets()).isEqualTo(20);
			assertThat(loop.members()).extracting(Finding::callSite)
				.allSatisfy((site) -> assertThat(site).startsWith("NaiveCreditsReader.java:"));
			assertThat(loop.message())
				.startsWith("loop: 3 statements × 20 rows = 60 statements from " + "NaiveCreditsReader.java:");
			assertThat(loop.suggestion().code()).contains("Select.join(BOOK_AUTHOR)", "Select.join(BOOK_CATEGORY)",
					"Lateral.over(BOOK_REVIEWS, …)");
		});
		Document panel = wrong.document();
		assertThat(panel.select("#sql-panel li.finding-loop strong").first().text())
			.isEqualTo("loop · 3 statements × 20 rows = 60 statements");
		assertThat(panel.select("#sql-panel li.finding-loop .finding-member")).hasSize(3);
		assertThat(panel.select("#sql-panel").attr("data-nplusone")).isEqualTo("1");
		assertThat(this.diagnostics.findings(right.report())).isEmpty();
	}

	@Test
	void bothVersionsGiveEqualViewModels() {
		for (Paging paging : List.of(new Paging(0, 20), new Paging(1, 50), new Paging(lastPage(50), 50),
				new Paging(lastPage(7), 7))) {
			ListPage<BookCredits> expected = this.naive.list(paging);

			assertThat(this.optimized.list(paging)).as("page %d of %d", paging.page(), paging.size())
				.isEqualTo(expected);
			assertThat(expected.rows()).isNotEmpty().anyMatch((book) -> book.reviews() > 0);
		}
	}

	@Test
	void bothVersionsRenderIdenticalRecords() {
		for (String query : List.of("size=20", "page=3&size=25")) {
			String wrong = this.pages.visit(PAGE + "?mode=naive&" + query).records();
			String right = this.pages.visit(PAGE + "?mode=optimized&" + query).records();

			assertThat(right).isEqualTo(wrong).isNotBlank();
		}
	}

	private int lastPage(int size) {
		long books = this.jdbc.sql("SELECT count(*) FROM book").query(Long.class).single();
		return (int) ((books - 1) / size);
	}

}
