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
class BatchTooSmallTests {

	private static final String PAGE = "/mistakes/batch-too-small";

	@Autowired
	private Guide guide;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SqlDiagnostics diagnostics;

	@Autowired
	private NaiveChunkedTagsReader naive;

	@Autowired
	private OptimizedTaggedBooksReader optimized;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 10, 20, 50, 95 })
	void wrongVersionRunsOnePlusOnePerTenBooks(int size) {
		Visit visit = this.pages.visit(PAGE + "?mode=naive&page=1&size=" + size);
		long chunks = (size + 9) / 10;

		assertThat(visit.statements()).isEqualTo(Formulas.naive(this.guide, "batch-too-small", "C", chunks));
		assertThat(visit.statementsContaining("= ANY(")).isEqualTo(chunks);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 1, 20, 500 })
	void rightVersionRunsTwoStatementsWhateverThePageSize(int size) {
		Visit visit = this.pages.visit(PAGE + "?mode=optimized&size=" + size);

		assertThat(visit.statements()).isEqualTo(2);
		assertThat(visit.sql().get(1)).contains("= ANY(");
	}

	/**
	 * Five batches of ten for a page of fifty: one batch+1 finding in the wrong side's
	 * panel, with one statement for every id as its fix; none on the right side.
	 */
	@Test
	void theWrongSidesPanelShowsOneBatchPlusOneAndTheRightSideNone() {
		Visit wrong = this.pages.visit(PAGE + "?mode=naive&size=50");
		Visit right = this.pages.visit(PAGE + "?mode=optimized&size=50");

		List<Finding> findings = this.diagnostics.findings(wrong.report());
		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Finding.Kind.BATCH_PLUS_ONE);
			assertThat(finding.count()).isEqualTo(5);
			assertThat(finding.distinctParameterSets()).isEqualTo(50);
			assertThat(finding.callSite()).startsWith("NaiveChunkedTagsReader.java:");
			assertThat(finding.message()).startsWith("batch+1: 5 batches of 10 keys for the 51 rows of #1 (");
			assertThat(finding.suggestion().code()).endsWith("WHERE book_id = ANY(?)");
		});
		Document panel = wrong.document();
		assertThat(panel.select("#sql-panel li.finding-batch_plus_one strong").first().text())
			.isEqualTo("batch+1 · 5 batches of 10 keys");
		assertThat(panel.select("#sql-panel").attr("data-nplusone")).isEqualTo("0");
		assertThat(this.diagnostics.findings(right.report())).isEmpty();
	}

	@Test
	void bothVersionsGiveEqualViewModels() {
		for (Paging paging : List.of(new Paging(0, 20), new Paging(1, 50), new Paging(lastPage(50), 50),
				new Paging(lastPage(7), 7))) {
			ListPage<TaggedBook> expected = this.naive.list(paging);

			assertThat(this.optimized.list(paging)).as("page %d of %d", paging.page(), paging.size())
				.isEqualTo(expected);
			assertThat(expected.rows()).isNotEmpty().anyMatch((book) -> !book.tags().isEmpty());
		}
	}

	@Test
	void eachBookHasItsTagsAsTheDatabaseLinksThem() {
		TaggedBook first = this.optimized.list(new Paging(0, 20))
			.rows()
			.stream()
			.filter((book) -> !book.tags().isEmpty())
			.findFirst()
			.orElseThrow();
		List<String> expected = this.jdbc.sql("""
				SELECT t.name
				FROM book_tag bt
				JOIN tag t ON t.id = bt.tag_id
				WHERE bt.book_id = :id
				ORDER BY t.name COLLATE "C"
				""").param("id", first.id()).query(String.class).list();

		assertThat(first.tags()).isEqualTo(expected);
	}

	@Test
	void bothVersionsRenderIdenticalRecords() {
		for (String query : List.of("size=20", "page=3&size=25", "page=" + lastPage(50) + "&size=50")) {
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
