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
import dev.nplusonelab.mistake.AuthorRecentBooks.RecentBook;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.Formulas;
import dev.nplusonelab.guide.Guide;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class FilterAfterPrefetchTests {

	private static final String PAGE = "/mistakes/filter-after-prefetch";

	@Autowired
	private Guide guide;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private NaiveRecentBooksReader naive;

	@Autowired
	private OptimizedRecentBooksReader optimized;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 10, 100 })
	void wrongVersionRunsTwoPlusOnePerAuthor(int size) {
		Visit visit = this.pages.visit(PAGE + "?mode=naive&page=2&size=" + size);

		assertThat(visit.statements()).isEqualTo(Formulas.naive(this.guide, "filter-after-prefetch", "N", size));
		// The prefetch of every book ran, once, and then the filtered query per author.
		assertThat(visit.statementsContaining("b.author_id = ANY(")).isEqualTo(1);
		assertThat(visit.statementsContaining("AND published_on >= ")).isEqualTo(size);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 1, 20, 500 })
	void rightVersionRunsTwoStatementsWhateverThePageSize(int size) {
		Visit visit = this.pages.visit(PAGE + "?mode=optimized&size=" + size);

		assertThat(visit.statements()).isEqualTo(2);
		assertThat(visit.sql().get(1)).contains("= ANY(").contains("b.published_on >= ");
	}

	@Test
	void bothVersionsGiveEqualViewModels() {
		for (Paging paging : List.of(new Paging(0, 20), new Paging(1, 50), new Paging(lastPage(50), 50),
				new Paging(lastPage(7), 7))) {
			ListPage<AuthorRecentBooks> expected = this.naive.list(paging);

			assertThat(this.optimized.list(paging)).as("page %d of %d", paging.page(), paging.size())
				.isEqualTo(expected);
			assertThat(expected.rows()).isNotEmpty();
		}
	}

	@Test
	void recentBooksAreThoseSince2020NewestFirstAndAuthorsWithoutAnyStayListed() {
		List<AuthorRecentBooks> authors = this.optimized.list(new Paging(0, 50)).rows();
		AuthorRecentBooks first = authors.get(0);
		List<String> expected = this.jdbc.sql("""
				SELECT title
				FROM book
				WHERE author_id = :id
				  AND published_on >= DATE '2020-01-01'
				ORDER BY published_on DESC, id DESC
				""").param("id", first.id()).query(String.class).list();

		assertThat(authors).hasSize(50).anyMatch((author) -> author.recentBooks().isEmpty());
		assertThat(first.recentBooks()).extracting(RecentBook::title).isEqualTo(expected).hasSizeGreaterThan(10);
		assertThat(authors).flatExtracting(AuthorRecentBooks::recentBooks)
			.allMatch((book) -> !book.publishedOn().isBefore(AuthorRecentBooks.SINCE));
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
		long authors = this.jdbc.sql("SELECT count(*) FROM author").query(Long.class).single();
		return (int) ((authors - 1) / size);
	}

}
