package dev.nplusonelab.order;

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

/** /orders?after=id: keyset pages, the same records as the numbered page they replace. */
@LabTest
class OrderKeysetTests {

	private static final String ACTIVE_ITEMS_AFTER = """
			SELECT count(*)
			FROM order_item
			WHERE NOT cancelled
			  AND order_id IN (SELECT id FROM orders WHERE id > :after ORDER BY id LIMIT :size)
			""";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private OptimizedOrderReader optimized;

	@Autowired
	private NaiveOrderReader naive;

	@Test
	void aKeysetPageRunsTwoStatementsAtAnyDepthWithoutOffset() {
		long last = lastId();
		for (long after : new long[] { 0, 500, last - 60 }) {
			Visit visit = new Pages(this.mvc).visit("/orders?after=" + after);

			assertThat(visit.statements()).as("after %d", after).isEqualTo(2);
			assertThat(visit.sql().get(0)).contains("o.id > ?").doesNotContain("OFFSET");
		}
	}

	@Test
	void aKeysetPageShowsTheSameRecordsAsTheNumberedPageItReplaces() {
		long before = this.jdbc.sql("SELECT count(*) FROM orders WHERE id <= 1000").query(Long.class).single();
		assertThat(before % 50).as("1000 orders end on a page boundary").isZero();

		String keyset = new Pages(this.mvc).visit("/orders?after=1000&size=50").records();
		String numbered = new Pages(this.mvc).visit("/orders?page=" + (before / 50) + "&size=50").records();

		assertThat(keyset).isEqualTo(numbered).isNotBlank();
	}

	@Test
	void bothModesFillTheSameRecordsAndTheNaiveCountKeepsItsFormula() {
		long after = 4_321;
		int size = 20;
		Visit naive = new Pages(this.mvc).visit("/orders?mode=naive&after=" + after + "&size=" + size);
		Visit optimized = new Pages(this.mvc).visit("/orders?mode=optimized&after=" + after + "&size=" + size);

		long items = this.jdbc.sql(ACTIVE_ITEMS_AFTER)
			.param("after", after)
			.param("size", size)
			.query(Long.class)
			.single();
		// As on numbered pages: the look-ahead order's items are loaded too.
		assertThat(naive.statements()).isEqualTo(1 + 2 * size + 2 * items + 1);
		assertThat(naive.records()).isEqualTo(optimized.records());
		assertThat(this.naive.listAfter(after, size)).isEqualTo(this.optimized.listAfter(after, size));
		long last = lastId();
		assertThat(this.naive.listAfter(last - 3, size)).isEqualTo(this.optimized.listAfter(last - 3, size));
	}

	@Test
	void theNextLinkStartsAfterTheLastIdAndTheLastPageHasNone() {
		Element next = new Pages(this.mvc).visit("/orders?after=100&size=10").document().selectFirst("a[rel=next]");
		assertThat(next).isNotNull();
		assertThat(next.attr("href")).contains("after=110");

		Visit lastPage = new Pages(this.mvc).visit("/orders?after=" + (lastId() - 5) + "&size=10");
		assertThat(lastPage.document().select("a[rel=next]")).isEmpty();
		assertThat(lastPage.document().select("#records tbody tr")).hasSize(5);
	}

	@Test
	void aNumberedPageOffersToGoOnByKeyFromItsLastRow() {
		Pages pages = new Pages(this.mvc);
		Element link = pages.visit("/orders?page=2&size=10&mode=naive").document().selectFirst("a.to-keyset");
		assertThat(link).isNotNull();
		String href = link.attr("href");
		assertThat(href).contains("mode=naive", "size=10").doesNotContain("page=");

		assertThat(pages.visit(href).records()).isEqualTo(pages.visit("/orders?page=3&size=10&mode=naive").records());
	}

	@ParameterizedTest
	@ValueSource(strings = { "after=-1", "after=abc", "after=", "after=%207", "after=5&page=2",
			"after=99999999999999999999", "after=1&after=2" })
	void badKeysAnswer400(String parameters) {
		assertThat(this.mvc.get().uri("/orders?" + parameters)).hasStatus(HttpStatus.BAD_REQUEST);
	}

	private long lastId() {
		return this.jdbc.sql("SELECT max(id) FROM orders").query(Long.class).single();
	}

}
