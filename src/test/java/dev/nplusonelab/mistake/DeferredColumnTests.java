package dev.nplusonelab.mistake;

import java.util.List;

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
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.Formulas;
import dev.nplusonelab.guide.Guide;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class DeferredColumnTests {

	private static final String PAGE = "/mistakes/deferred-column";

	private static final String SUMMARY_LOOKUP = "SELECT summary FROM book WHERE id = ";

	@Autowired
	private Guide guide;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SqlCapture capture;

	@Autowired
	private NaiveBlurbReader naive;

	@Autowired
	private OptimizedBlurbReader optimized;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 10, 100 })
	void wrongVersionRunsOnePlusOnePerBookAndTheTemplateRunsTheN(int size) {
		Paging paging = new Paging(3, size);
		RequestReport readerOnly = this.capture.capture(() -> this.naive.list(paging));
		Visit visit = this.pages.visit(PAGE + "?mode=naive&page=3&size=" + size);

		// The reader's own statement is the projection; every summary is loaded while the
		// view renders.
		assertThat(readerOnly.statementCount()).isEqualTo(1);
		assertThat(readerOnly.statements().get(0).sql()).doesNotContain("summary");
		assertThat(visit.statements()).isEqualTo(Formulas.naive(this.guide, "deferred-column", "N", size));
		assertThat(visit.statementsContaining(SUMMARY_LOOKUP)).isEqualTo(size);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 1, 20, 500 })
	void rightVersionRunsOneStatementWhateverThePageSize(int size) {
		Visit visit = this.pages.visit(PAGE + "?mode=optimized&size=" + size);

		assertThat(visit.statements()).isEqualTo(1);
		assertThat(visit.sql().get(0)).contains("b.summary").doesNotContain("content");
	}

	@Test
	void bothVersionsGiveEqualViewModels() {
		for (Paging paging : List.of(new Paging(0, 20), new Paging(2, 50), new Paging(lastPage(50), 50),
				new Paging(lastPage(7), 7))) {
			ListPage<Blurb> expected = this.naive.list(paging);

			assertThat(this.optimized.list(paging)).as("page %d of %d", paging.page(), paging.size())
				.isEqualTo(expected);
			assertThat(expected.rows()).isNotEmpty();
		}
	}

	@Test
	void bothVersionsRenderIdenticalRecords() {
		for (String query : List.of("size=20", "page=9&size=25", "page=" + lastPage(50) + "&size=50")) {
			String wrong = this.pages.visit(PAGE + "?mode=naive&" + query).records();
			String right = this.pages.visit(PAGE + "?mode=optimized&" + query).records();

			assertThat(right).isEqualTo(wrong).contains("A story about");
		}
	}

	private int lastPage(int size) {
		long books = this.jdbc.sql("SELECT count(*) FROM book").query(Long.class).single();
		return (int) ((books - 1) / size);
	}

}
