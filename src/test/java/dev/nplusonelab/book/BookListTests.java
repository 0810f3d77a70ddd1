package dev.nplusonelab.book;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.diagnostics.test.SqlBaseline;
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
@SqlBaseline
class BookListTests {

	private static final String BOOKS_WITH_AN_EDITOR_ON_PAGE = """
			SELECT count(editor_id)
			FROM (SELECT editor_id FROM book ORDER BY id LIMIT :size OFFSET :offset) AS page
			""";

	private static final String BOOKS_ON_PAGE = """
			SELECT count(*)
			FROM (SELECT id FROM book ORDER BY id LIMIT :size OFFSET :offset) AS page
			""";

	private static final String BOOKS_AFTER_PAGE = """
			SELECT count(*) > :end
			FROM book
			""";

	@Autowired
	private Guide guide;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SqlCapture capture;

	@Autowired
	private NaiveBookReader naive;

	@Autowired
	private OptimizedBookReader optimized;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 10, 100 })
	void naiveBookListRunsOnePlusSixPerBookPlusOnePerEditor(int size) {
		Paging paging = new Paging(3, size);
		Visit visit = this.pages.visit("/books?mode=naive&page=3&size=" + size);

		long editors = editorsOnPage(paging);
		// Spring Data JDBC reads one row past the page to answer hasNext(), and loads
		// that row's
		// tag links too, before the row is dropped.
		long lookAhead = hasNextPage(paging) ? 1 : 0;
		assertThat(visit.statements())
			.isEqualTo(Formulas.naive(this.guide, "book-list", "N", size, "E", editors, "P", lookAhead));
		assertThat(visit.statementsContaining("FROM \"author\"")).isEqualTo(size);
		assertThat(visit.statementsContaining("FROM \"publisher\"")).isEqualTo(size);
		assertThat(visit.statementsContaining("FROM \"category\"")).isEqualTo(size);
		assertThat(visit.statementsContaining("FROM \"editor\"")).isEqualTo(editors);
		assertThat(visit.statementsContaining("FROM \"tag\"")).isEqualTo(size);
		assertThat(visit.statementsContaining("FROM review")).isEqualTo(size);
		assertThat(visit.statementsContaining("FROM \"book_tag\"")).isEqualTo(size + lookAhead);
	}

	/**
	 * P, the book Spring Data JDBC reads past the page, is 1 on a page that another
	 * follows and 0 on the last one, and the formula gives the measured count with
	 * either. The pages above all have a next page, so on them alone the mutation
	 * {@code 2 + 6·N + E} (the look-ahead folded into the constant, with P dropped from
	 * the letters too) gives the same count; on the last page it gives one statement too
	 * many, and this fails.
	 */
	@ParameterizedTest(name = "another page follows: {0}")
	@ValueSource(booleans = { true, false })
	void naiveBookListLoadsTheLookAheadBookOnlyWhenAnotherPageFollows(boolean anotherPageFollows) {
		int size = 7;
		Paging paging = new Paging(anotherPageFollows ? 0 : lastPage(size), size);
		Visit visit = this.pages.visit("/books?mode=naive&page=" + paging.page() + "&size=" + size);

		long books = booksOnPage(paging);
		long lookAhead = hasNextPage(paging) ? 1 : 0;
		assertThat(lookAhead).isEqualTo(anotherPageFollows ? 1 : 0);
		assertThat(visit.statements())
			.isEqualTo(Formulas.naive(this.guide, "book-list", "N", books, "E", editorsOnPage(paging), "P", lookAhead));
		assertThat(visit.statementsContaining("FROM \"book_tag\"")).isEqualTo(books + lookAhead);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 1, 10, 100, 500 })
	void optimizedBookListRunsTwoStatementsWhateverThePageSize(int size) {
		Visit visit = this.pages.visit("/books?mode=optimized&size=" + size);

		assertThat(visit.statements()).isEqualTo(2);
		assertThat(visit.sql().get(1)).contains("= ANY(?)");
	}

	@Test
	void optimizedIsTheDefaultMode() {
		assertThat(this.pages.visit("/books").statements()).isEqualTo(2);
	}

	@Test
	void optimizedBookListChoosesThePageBeforeJoining() {
		Visit visit = this.pages.visit("/books?page=350&size=50");

		assertThat(visit.statements()).isEqualTo(2);
		assertThat(visit.sql().get(0)).startsWith("WITH page AS (");
	}

	@Test
	void statementsIssuedByTheTemplateAreCounted() {
		int size = 20;
		Paging paging = new Paging(1, size);
		RequestReport readerOnly = this.capture.capture(() -> this.naive.list(paging));
		Visit visit = this.pages.visit("/books?mode=naive&page=1&size=" + size);

		// The reader leaves the publishers to the template, which loads them while it
		// renders.
		assertThat(readerOnly.statements()).noneMatch((statement) -> statement.sql().contains("FROM \"publisher\""));
		assertThat(visit.statementsContaining("FROM \"publisher\"")).isEqualTo(size);
		assertThat(visit.statements()).isEqualTo(readerOnly.statementCount() + size);
	}

	@Test
	void bothModesGiveEqualViewModels() {
		int lastPage = lastPage(50);
		for (Paging paging : List.of(new Paging(0, 50), new Paging(1, 50), new Paging(123, 50),
				new Paging(lastPage, 50), new Paging(lastPage(7), 7), new Paging(0, 500))) {
			ListPage<BookRow> naivePage = this.naive.list(paging);
			ListPage<BookRow> optimizedPage = this.optimized.list(paging);

			assertThat(optimizedPage).as("page %d of %d", paging.page(), paging.size()).isEqualTo(naivePage);
			assertThat(optimizedPage.rows()).isNotEmpty();
		}
		assertThat(this.optimized.list(new Paging(lastPage, 50)).hasNext()).isFalse();
		assertThat(this.optimized.list(new Paging(lastPage - 1, 50)).hasNext()).isTrue();
	}

	@Test
	void bothModesRenderIdenticalRecords() {
		for (String query : List.of("page=0&size=50", "page=2&size=25", "page=" + lastPage(50) + "&size=50")) {
			String naiveRecords = this.pages.visit("/books?mode=naive&" + query).records();
			String optimizedRecords = this.pages.visit("/books?mode=optimized&" + query).records();

			assertThat(optimizedRecords).isEqualTo(naiveRecords).isNotBlank();
		}
	}

	@Test
	void rowsWithoutAnEditorOrReviewsStayInTheList() {
		ListPage<BookRow> page = this.optimized.list(new Paging(0, 500));

		assertThat(page.rows()).hasSize(500);
		assertThat(page.rows()).anyMatch((book) -> book.editorName() == null);
		assertThat(this.optimized.list(new Paging(lastPage(500), 500)).rows())
			.anyMatch((book) -> book.reviewCount() == 0 && book.averageRating() == null);
	}

	@Test
	void pageRendersTheToggleThePanelAndEscapedTitles() {
		Visit visit = this.pages.visit("/books?mode=naive&size=5");
		var document = visit.document();

		assertThat(document.select(".mode-toggle a[data-mode=optimized]").attr("href"))
			.isEqualTo("/books?mode=optimized&size=5");
		assertThat(document.select("#sql-panel").attr("data-statements"))
			.isEqualTo(Integer.toString(visit.statements()));
		assertThat(document.select("#records td.title").eachText())
			.contains("<script>alert(\"book\")</script> & Other Stories");
		assertThat(document.select("#records script")).isEmpty();
	}

	/**
	 * The export is reachable from the page it is the full version of, and carries no
	 * mode.
	 */
	@Test
	void theBookListLinksToTheCsvExportOfEveryBook() {
		var links = this.pages.visit("/books?mode=naive&size=5").document().select(".export-link a");

		assertThat(links).hasSize(1);
		assertThat(links.attr("href")).isEqualTo("/export/books.csv");
		assertThat(links.hasAttr("download")).isTrue();
	}

	private long editorsOnPage(Paging paging) {
		return this.jdbc.sql(BOOKS_WITH_AN_EDITOR_ON_PAGE)
			.param("size", paging.size())
			.param("offset", paging.offset())
			.query(Long.class)
			.single();
	}

	private long booksOnPage(Paging paging) {
		return this.jdbc.sql(BOOKS_ON_PAGE)
			.param("size", paging.size())
			.param("offset", paging.offset())
			.query(Long.class)
			.single();
	}

	private boolean hasNextPage(Paging paging) {
		return this.jdbc.sql(BOOKS_AFTER_PAGE)
			.param("end", paging.offset() + paging.size())
			.query(Boolean.class)
			.single();
	}

	private int lastPage(int size) {
		long books = this.jdbc.sql("SELECT count(*) FROM book").query(Long.class).single();
		return (int) ((books - 1) / size);
	}

}
