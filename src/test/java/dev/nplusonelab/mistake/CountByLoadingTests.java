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
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.Formulas;
import dev.nplusonelab.guide.Guide;
import dev.nplusonelab.diagnostics.detect.StatementSummary;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class CountByLoadingTests {

	private static final String PAGE = "/mistakes/count-by-loading";

	private static final String BOOKS_OF_AUTHORS_ON_PAGE = """
			SELECT count(*)
			FROM book
			WHERE author_id IN (SELECT id FROM author ORDER BY id LIMIT :size OFFSET :offset)
			""";

	@Autowired
	private Guide guide;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private NaiveTallyReader naive;

	@Autowired
	private OptimizedTallyReader optimized;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 5, 20 })
	void wrongVersionRunsOnePlusOnePerAuthorPlusTwoPerBook(int size) {
		Paging paging = new Paging(10, size);
		Visit visit = this.pages.visit(PAGE + "?mode=naive&page=10&size=" + size);

		long books = booksOfAuthorsOn(paging);
		assertThat(visit.statements()).isEqualTo(Formulas.naive(this.guide, "count-by-loading", "N", size, "B", books));
		assertThat(visit.statementsContaining("FROM \"book_tag\"")).isEqualTo(books);
		assertThat(visit.statementsContaining("FROM review")).isEqualTo(books);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 1, 50, 500 })
	void rightVersionRunsOneStatementWhateverThePageSize(int size) {
		Visit visit = this.pages.visit(PAGE + "?mode=optimized&size=" + size);

		assertThat(visit.statements()).isEqualTo(1);
		assertThat(visit.sql().get(0)).contains("count(*) AS book_count").contains("count(*) AS review_count");
	}

	@Test
	void wrongVersionReadsAtLeastTenTimesTheBytes() {
		Visit wrong = this.pages.visit(PAGE + "?mode=naive&page=30&size=10");
		Visit right = this.pages.visit(PAGE + "?mode=optimized&page=30&size=10");

		assertThat(StatementSummary.of(wrong.report()).rows())
			.isGreaterThan(10 * StatementSummary.of(right.report()).rows());
		assertThat(StatementSummary.of(wrong.report()).bytes())
			.isGreaterThanOrEqualTo(10 * StatementSummary.of(right.report()).bytes());
		assertThat(wrong.document().select(".footprint-shown .footprint-value").attr("data-rows")).isEqualTo("10");
	}

	@Test
	void countsMatchTheDatabase() {
		AuthorTally first = this.optimized.list(new Paging(0, 1)).rows().get(0);
		long books = this.jdbc.sql("SELECT count(*) FROM book WHERE author_id = :id")
			.param("id", first.id())
			.query(Long.class)
			.single();
		long reviews = this.jdbc
			.sql("SELECT count(*) FROM review r JOIN book b ON b.id = r.book_id WHERE b.author_id = :id")
			.param("id", first.id())
			.query(Long.class)
			.single();

		assertThat(first.bookCount()).isEqualTo(books).isGreaterThan(100);
		assertThat(first.reviewCount()).isEqualTo(reviews);
	}

	@Test
	void bothVersionsGiveEqualViewModels() {
		for (Paging paging : List.of(new Paging(0, 5), new Paging(7, 20), new Paging(lastPage(50), 50),
				new Paging(lastPage(7), 7))) {
			ListPage<AuthorTally> expected = this.naive.list(paging);

			assertThat(this.optimized.list(paging)).as("page %d of %d", paging.page(), paging.size())
				.isEqualTo(expected);
			assertThat(expected.rows()).isNotEmpty();
		}
	}

	@Test
	void bothVersionsRenderIdenticalRecords() {
		for (String query : List.of("page=4&size=10", "page=" + lastPage(50) + "&size=50")) {
			String wrong = this.pages.visit(PAGE + "?mode=naive&" + query).records();
			String right = this.pages.visit(PAGE + "?mode=optimized&" + query).records();

			assertThat(right).isEqualTo(wrong).isNotBlank();
		}
	}

	private long booksOfAuthorsOn(Paging paging) {
		return this.jdbc.sql(BOOKS_OF_AUTHORS_ON_PAGE)
			.param("size", paging.size())
			.param("offset", paging.offset())
			.query(Long.class)
			.single();
	}

	private int lastPage(int size) {
		long authors = this.jdbc.sql("SELECT count(*) FROM author").query(Long.class).single();
		return (int) ((authors - 1) / size);
	}

}
