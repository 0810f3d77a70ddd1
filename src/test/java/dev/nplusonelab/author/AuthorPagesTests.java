package dev.nplusonelab.author;

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
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.Formulas;
import dev.nplusonelab.guide.Guide;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
@SqlBaseline
class AuthorPagesTests {

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
	private NaiveAuthorReader naive;

	@Autowired
	private OptimizedAuthorReader optimized;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 10, 100 })
	void naiveAuthorListRunsOnePlusThreePerAuthorPlusOnePerBook(int size) {
		Paging paging = new Paging(2, size);
		Visit visit = this.pages.visit("/authors?mode=naive&page=2&size=" + size);

		long books = this.jdbc.sql(BOOKS_OF_AUTHORS_ON_PAGE)
			.param("size", size)
			.param("offset", paging.offset())
			.query(Long.class)
			.single();
		assertThat(visit.statements()).isEqualTo(Formulas.naive(this.guide, "author-list", "N", size, "B", books));
		assertThat(visit.statementsContaining("FROM \"book_tag\"")).isEqualTo(books);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 1, 10, 100, 500 })
	void optimizedAuthorListRunsTwoStatementsWhateverThePageSize(int size) {
		Visit visit = this.pages.visit("/authors?size=" + size);

		assertThat(visit.statements()).isEqualTo(2);
		assertThat(visit.sql().get(1)).contains("LIMIT 3");
	}

	@Test
	void bothModesGiveEqualAuthorLists() {
		int last = lastPage(50);
		for (Paging paging : List.of(new Paging(0, 50), new Paging(1, 50), new Paging(last, 50),
				new Paging(lastPage(7), 7))) {
			ListPage<AuthorRow> expected = this.naive.list(paging);

			assertThat(this.optimized.list(paging)).as("page %d of %d", paging.page(), paging.size())
				.isEqualTo(expected);
			assertThat(expected.rows()).isNotEmpty();
		}
	}

	@Test
	void theLatestBooksAreTheThreeNewestInOrder() {
		AuthorRow prolific = this.optimized.list(new Paging(0, 1)).rows().get(0);
		List<String> newest = this.jdbc
			.sql("SELECT title FROM book WHERE author_id = :id ORDER BY published_on DESC, id DESC LIMIT 3")
			.param("id", prolific.id())
			.query(String.class)
			.list();

		assertThat(prolific.latestBooks()).extracting(AuthorRow.BookLine::title).isEqualTo(newest);
		assertThat(prolific.latestBookTitle()).isEqualTo(newest.get(0));
		assertThat(prolific.bookCount()).isGreaterThan(100);
	}

	@ParameterizedTest(name = "author {0}")
	@ValueSource(longs = { 1, 2, 777, 2000 })
	void authorDetailRunsThreePlusTwoPerBookNaiveAndTwoOptimized(long id) {
		long books = this.jdbc.sql("SELECT count(*) FROM book WHERE author_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();

		assertThat(this.pages.visit("/authors/" + id + "?mode=naive").statements())
			.isEqualTo(Formulas.naive(this.guide, "author-detail", "B", books));
		assertThat(this.pages.visit("/authors/" + id + "?mode=optimized").statements()).isEqualTo(2);
		assertThat(this.optimized.detail(id)).isEqualTo(this.naive.detail(id)).isPresent();
	}

	@Test
	void bothModesRenderIdenticalRecords() {
		for (String uri : List.of("/authors?size=20", "/authors?page=" + lastPage(50), "/authors/3", "/authors/1999")) {
			String separator = uri.contains("?") ? "&" : "?";
			String naiveRecords = this.pages.visit(uri + separator + "mode=naive").records();
			String optimizedRecords = this.pages.visit(uri + separator + "mode=optimized").records();

			assertThat(optimizedRecords).isEqualTo(naiveRecords).isNotBlank();
		}
	}

	/** Each book on an author's page opens that book, in the mode the visitor is in. */
	@Test
	void everyBookTitleOnAnAuthorPageLinksToItsBook() {
		List<Long> ids = this.jdbc.sql("SELECT id FROM book WHERE author_id = 3 ORDER BY id").query(Long.class).list();

		var links = this.pages.visit("/authors/3?mode=naive").document().select("#records td.title a");

		assertThat(links).extracting((link) -> link.attr("href"))
			.containsExactlyInAnyOrderElementsOf(ids.stream().map((id) -> "/books/" + id + "?mode=naive").toList());
		assertThat(ids).isNotEmpty();
	}

	@Test
	void anUnknownAuthorIsNotFoundInBothModes() {
		assertThat(this.mvc.get().uri("/authors/999999?mode=naive")).hasStatus(404)
			.bodyText()
			.contains("There is no author with id 999999");
		assertThat(this.mvc.get().uri("/authors/-1")).hasStatus(404);
		assertThat(this.mvc.get().uri("/authors/abc")).hasStatus(400).bodyText().contains("whole number");
	}

	private int lastPage(int size) {
		long authors = this.jdbc.sql("SELECT count(*) FROM author").query(Long.class).single();
		return (int) ((authors - 1) / size);
	}

}
