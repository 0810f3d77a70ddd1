package dev.nplusonelab.order;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.Pages.Visit;

import static org.assertj.core.api.Assertions.assertThat;

/** /orders?after=id: the same records as the numbered page a keyset page replaces. */
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

	private long lastId() {
		return this.jdbc.sql("SELECT max(id) FROM orders").query(Long.class).single();
	}

}
