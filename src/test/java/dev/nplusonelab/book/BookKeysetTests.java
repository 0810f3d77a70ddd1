package dev.nplusonelab.book;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.Pages.Visit;

import static org.assertj.core.api.Assertions.assertThat;

/** /books?after=id: keyset pages, the same records as the numbered page they replace. */
@LabTest
class BookKeysetTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private OptimizedBookReader optimized;

	@Autowired
	private NaiveBookReader naive;

	@Test
	void aKeysetPageRunsTwoStatementsAtAnyDepthWithoutOffset() {
		long last = this.jdbc.sql("SELECT max(id) FROM book").query(Long.class).single();
		for (long after : new long[] { 0, 500, last - 60 }) {
			Visit visit = new Pages(this.mvc).visit("/books?after=" + after);

			assertThat(visit.statements()).as("after %d", after).isEqualTo(2);
			assertThat(visit.sql().get(0)).contains("b.id > ?").doesNotContain("OFFSET");
		}
	}

	@Test
	void aKeysetPageShowsTheSameRecordsAsTheNumberedPageItReplaces() {
		long before = this.jdbc.sql("SELECT count(*) FROM book WHERE id <= 500").query(Long.class).single();
		assertThat(before % 50).as("500 books end on a page boundary").isZero();

		String keyset = new Pages(this.mvc).visit("/books?after=500&size=50").records();
		String numbered = new Pages(this.mvc).visit("/books?page=" + (before / 50) + "&size=50").records();

		assertThat(keyset).isEqualTo(numbered);
	}

	@Test
	void bothModesFillTheSameRecordsAndTheNaiveCountKeepsItsFormula() {
		long after = 1_234;
		int size = 20;
		Visit naive = new Pages(this.mvc).visit("/books?mode=naive&after=" + after + "&size=" + size);
		Visit optimized = new Pages(this.mvc).visit("/books?mode=optimized&after=" + after + "&size=" + size);

		long editors = this.jdbc.sql("""
				SELECT count(editor_id)
				FROM (SELECT editor_id FROM book WHERE id > :after ORDER BY id LIMIT :size) AS page
				""").param("after", after).param("size", size).query(Long.class).single();
		// As on numbered pages: Spring Data JDBC also loads the look-ahead book's tag
		// links.
		assertThat(naive.statements()).isEqualTo(1 + 6 * size + editors + 1);
		assertThat(naive.records()).isEqualTo(optimized.records());
		assertThat(this.naive.listAfter(after, size)).isEqualTo(this.optimized.listAfter(after, size));
	}

	@Test
	void theNextLinkStartsAfterTheLastIdAndTheLastPageHasNone() {
		Element next = new Pages(this.mvc).visit("/books?after=100&size=10").document().selectFirst("a[rel=next]");
		assertThat(next).isNotNull();
		assertThat(next.attr("href")).contains("after=110");

		long last = this.jdbc.sql("SELECT max(id) FROM book").query(Long.class).single();
		assertThat(
				new Pages(this.mvc).visit("/books?after=" + (last - 5) + "&size=10").document().select("a[rel=next]"))
			.isEmpty();
	}

	@Test
	void aNumberedPageOffersToGoOnByKeyFromItsLastRow() {
		Pages pages = new Pages(this.mvc);
		Element link = pages.visit("/books?page=2&size=10&mode=naive").document().selectFirst("a.to-keyset");
		assertThat(link).isNotNull();
		String href = link.attr("href");
		assertThat(href).contains("mode=naive", "size=10").doesNotContain("page=");

		assertThat(pages.visit(href).records()).isEqualTo(pages.visit("/books?page=3&size=10&mode=naive").records());
	}

	@ParameterizedTest
	@ValueSource(strings = { "after=-1", "after=abc", "after=5&page=2", "after=99999999999999999999" })
	void badKeysAnswer400(String parameters) {
		assertThat(this.mvc.get().uri("/books?" + parameters)).hasStatus(HttpStatus.BAD_REQUEST);
	}

}
