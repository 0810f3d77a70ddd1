package dev.nplusonelab.system;

import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.Pages.Visit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every list that pages by key ({@code ?after=id}) does the same way: two statements
 * at any depth with no OFFSET, a Next link that carries the last id, a link from a
 * numbered page to the keyset page after it, and a 400 for a bad key. The records
 * themselves are each feature's own test.
 */
@LabTest
class KeysetPagesTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/books, book, b.id > ?", "/orders, orders, o.id > ?" })
	void aKeysetPageRunsTwoStatementsAtAnyDepthWithoutOffset(String list, String table, String range) {
		for (long after : new long[] { 0, 500, lastId(table) - 60 }) {
			Visit visit = new Pages(this.mvc).visit(list + "?after=" + after);

			assertThat(visit.statements()).as("%s after %d", list, after).isEqualTo(2);
			assertThat(visit.sql().get(0)).contains(range).doesNotContain("OFFSET");
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/books, book", "/orders, orders" })
	void theNextLinkStartsAfterTheLastIdAndTheLastPageHasNone(String list, String table) {
		Element next = new Pages(this.mvc).visit(list + "?after=100&size=10").document().selectFirst("a[rel=next]");
		assertThat(next).isNotNull();
		assertThat(next.attr("href")).contains("after=110");

		Visit last = new Pages(this.mvc).visit(list + "?after=" + (lastId(table) - 5) + "&size=10");
		assertThat(last.document().select("a[rel=next]")).isEmpty();
		assertThat(last.document().select("#records tbody tr")).hasSize(5);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/books", "/orders" })
	void aNumberedPageOffersToGoOnByKeyFromItsLastRow(String list) {
		Pages pages = new Pages(this.mvc);
		Element link = pages.visit(list + "?page=2&size=10&mode=naive").document().selectFirst("a.to-keyset");
		assertThat(link).isNotNull();
		String href = link.attr("href");
		assertThat(href).as(href).contains("mode=naive", "size=10").doesNotContain("page=");

		assertThat(pages.visit(href).records()).isEqualTo(pages.visit(list + "?page=3&size=10&mode=naive").records());
	}

	@ParameterizedTest(name = "{0}?{1}")
	@CsvSource({ "/books, after=-1", "/books, after=abc", "/books, after=", "/books, after=%207",
			"/books, after=5&page=2", "/books, after=99999999999999999999", "/books, after=1&after=2",
			"/orders, after=-1", "/orders, after=abc", "/orders, after=", "/orders, after=%207",
			"/orders, after=5&page=2", "/orders, after=99999999999999999999", "/orders, after=1&after=2" })
	void badKeysAnswer400(String list, String parameters) {
		assertThat(this.mvc.get().uri(list + "?" + parameters)).hasStatus(HttpStatus.BAD_REQUEST);
	}

	private long lastId(String table) {
		// The table name comes from this test's own constants, never from a request.
		return this.jdbc.sql("SELECT max(id) FROM " + table).query(Long.class).single();
	}

}
