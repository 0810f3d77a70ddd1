package dev.nplusonelab.order;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.diagnostics.test.SqlBaseline;
import dev.nplusonelab.Pages;
import dev.nplusonelab.Pages.Visit;
import dev.nplusonelab.order.OrderRow.ItemLine;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.Formulas;
import dev.nplusonelab.guide.Guide;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
@SqlBaseline
class OrderPagesTests {

	private static final String ACTIVE_ITEMS_ON_PAGE = """
			SELECT count(*)
			FROM order_item
			WHERE NOT cancelled
			  AND order_id IN (SELECT id FROM orders ORDER BY id LIMIT :size OFFSET :offset)
			""";

	/**
	 * An order with both active and cancelled items, and one whose items are all
	 * cancelled.
	 */
	private static final String MIXED_AND_ALL_CANCELLED = """
			SELECT min(order_id) FILTER (WHERE cancelled_items > 0 AND active_items > 0) AS mixed,
			       min(order_id) FILTER (WHERE active_items = 0) AS all_cancelled
			FROM (
			    SELECT order_id,
			           count(*) FILTER (WHERE cancelled) AS cancelled_items,
			           count(*) FILTER (WHERE NOT cancelled) AS active_items
			    FROM order_item
			    GROUP BY order_id
			) AS items
			""";

	@Autowired
	private Guide guide;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private NaiveOrderReader naive;

	@Autowired
	private OptimizedOrderReader optimized;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 10, 100 })
	void naiveOrderListRunsOnePlusTwoPerOrderPlusTwoPerActiveItemPlusOneForTheLookAheadOrder(int size) {
		Paging paging = new Paging(2, size);
		Visit visit = this.pages.visit("/orders?mode=naive&page=2&size=" + size);

		long items = activeItemsOn(paging);
		assertThat(visit.statements())
			.isEqualTo(Formulas.naive(this.guide, "order-list", "N", size, "T", items, "P", 1));
		// The items of the look-ahead order are loaded too, although it is not shown.
		assertThat(visit.statementsContaining("FROM \"order_item\"")).isEqualTo(size + 1);
		assertThat(visit.statementsContaining("FROM \"customer\"")).isEqualTo(size);
		assertThat(visit.statementsContaining("FROM \"book_tag\"")).isEqualTo(items);
	}

	@Test
	void naiveLastOrderPageHasNoLookAheadOrderToLoad() {
		int size = 7;
		Paging last = new Paging(lastPage(size), size);
		long orders = orderCount() - last.offset();
		Visit visit = this.pages.visit("/orders?mode=naive&size=" + size + "&page=" + last.page());

		assertThat(visit.statements())
			.isEqualTo(Formulas.naive(this.guide, "order-list", "N", orders, "T", activeItemsOn(last), "P", 0));
		assertThat(visit.statementsContaining("FROM \"order_item\"")).isEqualTo(orders);
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 1, 10, 100, 500 })
	void optimizedOrderListRunsTwoStatementsWhateverThePageSize(int size) {
		Visit visit = this.pages.visit("/orders?size=" + size);

		assertThat(visit.statements()).isEqualTo(2);
		assertThat(visit.sql().get(1)).contains("NOT oi.cancelled").contains("JOIN book b");
	}

	@Test
	void optimizedLastOrderPageRunsTwoStatementsToo() {
		assertThat(this.pages.visit("/orders?size=7&page=" + lastPage(7)).statements()).isEqualTo(2);
	}

	@Test
	void bothModesGiveEqualOrderLists() {
		int last = lastPage(50);
		for (Paging paging : List.of(new Paging(0, 50), new Paging(1, 50), new Paging(last, 50),
				new Paging(lastPage(7), 7))) {
			ListPage<OrderRow> expected = this.naive.list(paging);

			assertThat(this.optimized.list(paging)).as("page %d of %d", paging.page(), paging.size())
				.isEqualTo(expected);
			assertThat(expected.rows()).isNotEmpty();
		}
	}

	@Test
	void activeItemsLeaveOutCancelledOnesAndAddUpToTheTotal() {
		var ids = this.jdbc.sql(MIXED_AND_ALL_CANCELLED)
			.query((resultSet, row) -> List.of(resultSet.getLong("mixed"), resultSet.getLong("all_cancelled")))
			.single();
		for (long id : ids) {
			OrderRow order = rowOf(id);
			List<Long> active = this.jdbc
				.sql("SELECT id FROM order_item WHERE order_id = :id AND NOT cancelled ORDER BY id")
				.param("id", id)
				.query(Long.class)
				.list();

			assertThat(order.activeItems()).extracting(ItemLine::id).as("order %d", id).isEqualTo(active);
			assertThat(order.activeItemCount()).isEqualTo(active.size());
			assertThat(order.activeItems()
				.stream()
				.map((item) -> item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())))
				.reduce(new BigDecimal("0.00"), BigDecimal::add)).isEqualTo(order.total());
		}
	}

	@Test
	void bothModesRenderIdenticalRecords() {
		for (String uri : List.of("/orders?size=20", "/orders?page=3&size=50", "/orders?size=7&page=" + lastPage(7))) {
			String naiveRecords = this.pages.visit(uri + "&mode=naive").records();
			String optimizedRecords = this.pages.visit(uri + "&mode=optimized").records();

			assertThat(optimizedRecords).isEqualTo(naiveRecords).isNotBlank();
		}
	}

	@Test
	void customerNamesAreEscapedInTheOrderList() {
		long order = this.jdbc.sql("SELECT min(id) FROM orders WHERE customer_id = 2").query(Long.class).single();
		long before = this.jdbc.sql("SELECT count(*) FROM orders WHERE id < :id")
			.param("id", order)
			.query(Long.class)
			.single();
		for (String mode : List.of("naive", "optimized")) {
			Visit visit = this.pages.visit("/orders?size=50&page=" + (before / 50) + "&mode=" + mode);

			assertThat(visit.document().select("#records img")).isEmpty();
			assertThat(visit.records()).contains("<img src=x onerror=alert(1)> O'Brien");
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			/orders?mode=bogus          | Unknown mode
			/orders?page=-1             | page must be from 0
			/orders?size=0              | size must be from 1 to 500
			/orders?size=501            | size must be from 1 to 500
			/orders?page=abc            | page must be a whole number
			/orders?page=100000         | past the last page of orders
			/orders?page=100000&mode=naive | past the last page of orders
			""")
	void badParametersAreRejectedWithABadRequestPage(String uri, String message) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();

		assertThat(result).hasStatus(400);
		assertThat(result).bodyText().contains(message);
	}

	private OrderRow rowOf(long id) {
		long before = this.jdbc.sql("SELECT count(*) FROM orders WHERE id < :id")
			.param("id", id)
			.query(Long.class)
			.single();
		ListPage<OrderRow> page = this.optimized.list(new Paging((int) before, 1));
		assertThat(page.rows()).extracting(OrderRow::id).containsExactly(id);
		return page.rows().get(0);
	}

	private long activeItemsOn(Paging paging) {
		return this.jdbc.sql(ACTIVE_ITEMS_ON_PAGE)
			.param("size", paging.size())
			.param("offset", paging.offset())
			.query(Long.class)
			.single();
	}

	private long orderCount() {
		return this.jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single();
	}

	private int lastPage(int size) {
		return (int) ((orderCount() - 1) / size);
	}

}
