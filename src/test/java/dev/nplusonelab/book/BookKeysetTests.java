package dev.nplusonelab.book;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.Pages.Visit;

import static org.assertj.core.api.Assertions.assertThat;

/** /books?after=id: the same records as the numbered page a keyset page replaces. */
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

}
