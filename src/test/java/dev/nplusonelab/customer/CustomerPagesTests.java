package dev.nplusonelab.customer;

import java.util.ArrayList;
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
import dev.nplusonelab.customer.CustomerDetail.OrderLine;
import dev.nplusonelab.Formulas;
import dev.nplusonelab.guide.Guide;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
@SqlBaseline
class CustomerPagesTests {

	/**
	 * The three lists' windows, written independently of the code under test: 720 hours
	 * (30 days, whatever the session's time zone) before the data set's today, at UTC
	 * midnight, and a total over 100.
	 */
	private static final String RECENT = "created_at >= TIMESTAMPTZ '2026-11-01 00:00:00+00' - INTERVAL '720 hours'";

	private static final String HIGH_VALUE = "total > 100";

	@Autowired
	private Guide guide;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private NaiveCustomerReader naive;

	@Autowired
	private OptimizedCustomerReader optimized;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@Test
	void naiveCustomerPageRunsFourPlusOnePerOrderInEachList() {
		for (long id : customers()) {
			long all = orders(id, "TRUE");
			long recent = orders(id, RECENT);
			long highValue = orders(id, HIGH_VALUE);
			Visit visit = this.pages.visit("/customers/" + id + "?mode=naive");

			assertThat(visit.statements()).as("customer %d", id)
				.isEqualTo(Formulas.naive(this.guide, "customer-orders", "A", all, "R", recent, "H", highValue));
			assertThat(visit.statementsContaining("FROM \"order_item\"")).isEqualTo(all + recent + highValue);
		}
	}

	@Test
	void optimizedCustomerPageRunsFourStatementsWhateverTheNumberOfOrders() {
		for (long id : customers()) {
			Visit visit = this.pages.visit("/customers/" + id);

			assertThat(visit.statements()).as("customer %d", id).isEqualTo(4);
			assertThat(visit.statementsContaining("= ANY(")).isEqualTo(3);
		}
	}

	@Test
	void theCustomersUnderTestIncludeManyOrdersAndNone() {
		assertThat(orders(1, "TRUE")).isGreaterThan(30);
		assertThat(orders(1, RECENT)).isPositive();
		assertThat(orders(customerWithoutOrders(), "TRUE")).isZero();
	}

	@Test
	void bothModesGiveEqualCustomers() {
		List<Long> ids = new ArrayList<>(customers());
		ids.addAll(List.of(777L, 5000L));
		for (long id : ids) {
			CustomerDetail expected = this.naive.detail(id).orElseThrow();

			assertThat(this.optimized.detail(id)).as("customer %d", id).contains(expected);
		}
	}

	@Test
	void eachListHoldsItsOrdersNewestFirst() {
		CustomerDetail customer = this.optimized.detail(1).orElseThrow();

		assertThat(customer.orders()).extracting(OrderLine::id).isEqualTo(orderIds(1, "TRUE"));
		assertThat(customer.recentOrders()).extracting(OrderLine::id).isEqualTo(orderIds(1, RECENT)).isNotEmpty();
		assertThat(customer.highValueOrders()).extracting(OrderLine::id)
			.isEqualTo(orderIds(1, HIGH_VALUE))
			.isNotEmpty();
	}

	@Test
	void itemCountsLeaveOutCancelledItems() {
		CustomerDetail customer = this.optimized.detail(1).orElseThrow();
		for (OrderLine order : customer.orders()) {
			long active = this.jdbc.sql("SELECT count(*) FROM order_item WHERE order_id = :id AND NOT cancelled")
				.param("id", order.id())
				.query(Long.class)
				.single();

			assertThat(order.activeItemCount()).as("order %d", order.id()).isEqualTo(active);
		}
	}

	@ParameterizedTest(name = "customer {0}")
	@ValueSource(strings = { "1", "2", "3" })
	void bothModesRenderIdenticalRecords(String id) {
		String naiveRecords = this.pages.visit("/customers/" + id + "?mode=naive").records();
		String optimizedRecords = this.pages.visit("/customers/" + id + "?mode=optimized").records();

		assertThat(optimizedRecords).isEqualTo(naiveRecords).isNotBlank();
	}

	@Test
	void aCustomerWithoutOrdersRendersThreeEmptyLists() {
		Visit visit = this.pages.visit("/customers/" + customerWithoutOrders());

		assertThat(visit.document().select("#records tbody tr")).hasSize(3)
			.allSatisfy((row) -> assertThat(row.text()).isEqualTo("No orders."));
	}

	@Test
	void aNameWithMarkupIsShownAsTextInBothModes() {
		for (String mode : List.of("naive", "optimized")) {
			Visit visit = this.pages.visit("/customers/2?mode=" + mode);

			assertThat(visit.document().select("#records img")).isEmpty();
			assertThat(visit.records()).contains("<img src=x onerror=alert(1)> O'Brien");
		}
	}

	@Test
	void anUnknownCustomerIsNotFoundInBothModes() {
		assertThat(this.mvc.get().uri("/customers/999999?mode=naive")).hasStatus(404)
			.bodyText()
			.contains("There is no customer with id 999999");
		assertThat(this.mvc.get().uri("/customers/999999")).hasStatus(404);
		assertThat(this.mvc.get().uri("/customers/-1")).hasStatus(404);
	}

	@Test
	void badParametersAreRejectedWithABadRequestPage() {
		assertThat(this.mvc.get().uri("/customers/abc")).hasStatus(400).bodyText().contains("whole number");
		assertThat(this.mvc.get().uri("/customers/99999999999999999999")).hasStatus(400);
		assertThat(this.mvc.get().uri("/customers/1?mode=bogus")).hasStatus(400).bodyText().contains("Unknown mode");
		assertThat(this.mvc.get().uri("/customers/1?mode=naive&mode=optimized")).hasStatus(400);
	}

	/**
	 * Customer 1 has the most orders (the seed skews orders to low ids), customer 2 the
	 * name with markup, customer 3 an ordinary history, then one without any order and
	 * the highest id.
	 */
	private List<Long> customers() {
		long highest = this.jdbc.sql("SELECT max(id) FROM customer").query(Long.class).single();
		return List.of(1L, 2L, 3L, customerWithoutOrders(), highest);
	}

	private long customerWithoutOrders() {
		return this.jdbc.sql("""
				SELECT min(id)
				FROM customer cu
				WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = cu.id)
				""").query(Long.class).single();
	}

	private long orders(long customer, String condition) {
		return this.jdbc.sql("SELECT count(*) FROM orders WHERE customer_id = :id AND " + condition)
			.param("id", customer)
			.query(Long.class)
			.single();
	}

	private List<Long> orderIds(long customer, String condition) {
		return this.jdbc
			.sql("SELECT id FROM orders WHERE customer_id = :id AND " + condition
					+ " ORDER BY created_at DESC, id DESC")
			.param("id", customer)
			.query(Long.class)
			.list();
	}

}
