package dev.nplusonelab.customer;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.Formulas;
import dev.nplusonelab.LabTest;
import dev.nplusonelab.diagnostics.test.SqlBaseline;
import dev.nplusonelab.Pages;
import dev.nplusonelab.Pages.Visit;
import dev.nplusonelab.guide.Guide;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer list: the naive count its formula gives, one statement optimized. */
@LabTest
@SqlBaseline
class CustomerListTests {

	private static final String CUSTOMERS_ON_PAGE = "SELECT id FROM customer ORDER BY id LIMIT :size OFFSET :offset";

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

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 10, 100 })
	void naiveCustomerListRunsOnePlusOnePerCustomerPlusOnePerOrderOfThem(int size) {
		Paging paging = new Paging(2, size);
		Visit visit = this.pages.visit("/customers?mode=naive&page=2&size=" + size);

		long orders = ordersOf(paging);
		assertThat(orders).isGreaterThan(size);
		assertThat(visit.statements()).isEqualTo(Formulas.naive(this.guide, "customer-list", "N", size, "R", orders));
		assertThat(visit.statementsContaining("FROM orders WHERE customer_id = ?")).isEqualTo(size);
		assertThat(visit.statementsContaining("FROM \"order_item\"")).isEqualTo(orders);
	}

	@Test
	void naiveLastCustomerPageCountsOnlyTheCustomersItShows() {
		int size = 7;
		Paging last = new Paging(lastPage(size), size);
		long customers = customerCount() - last.offset();
		Visit visit = this.pages.visit("/customers?mode=naive&size=" + size + "&page=" + last.page());

		assertThat(visit.statements())
			.isEqualTo(Formulas.naive(this.guide, "customer-list", "N", customers, "R", ordersOf(last)));
	}

	@ParameterizedTest(name = "N = {0}")
	@ValueSource(ints = { 1, 10, 100, 500 })
	void optimizedCustomerListRunsOneStatementWhateverThePageSize(int size) {
		Visit visit = this.pages.visit("/customers?size=" + size);

		assertThat(visit.statements()).isEqualTo(1);
		assertThat(visit.sql().get(0)).contains("LATERAL").contains("FROM orders o");
	}

	@Test
	void bothModesGiveEqualCustomerLists() {
		for (Paging paging : List.of(new Paging(0, 50), new Paging(1, 50), new Paging(lastPage(50), 50),
				new Paging(lastPage(7), 7))) {
			ListPage<CustomerRow> expected = this.naive.list(paging);

			assertThat(this.optimized.list(paging)).as("page %d of %d", paging.page(), paging.size())
				.isEqualTo(expected);
			assertThat(expected.rows()).isNotEmpty();
		}
	}

	@Test
	void theListShowsWhatTheDatabaseSaysOfEachCustomer() {
		CustomerRow first = this.optimized.list(new Paging(0, 1)).rows().get(0);
		var expected = this.jdbc.sql("""
				SELECT count(*) AS orders, coalesce(sum(total), 0.00) AS spent
				FROM orders
				WHERE customer_id = :id
				""")
			.param("id", first.id())
			.query((resultSet, row) -> List.of(resultSet.getLong("orders"), resultSet.getBigDecimal("spent")))
			.single();

		assertThat(first.orderCount()).isEqualTo(expected.get(0));
		assertThat(first.totalSpent()).isEqualTo(expected.get(1));
	}

	@Test
	void bothModesRenderIdenticalRecordsAndDigests() {
		for (String uri : List.of("/customers?size=20", "/customers?page=3&size=50",
				"/customers?size=7&page=" + lastPage(7))) {
			Visit naive = this.pages.visit(uri + "&mode=naive");
			Visit optimized = this.pages.visit(uri + "&mode=optimized");

			assertThat(optimized.records()).isEqualTo(naive.records()).isNotBlank();
			assertThat(optimized.digest()).hasSize(12).isEqualTo(naive.digest());
		}
	}

	@Test
	void theCompareViewFindsBothModesIdentical() {
		Document page = this.pages.visit("/compare?path={path}", "/customers?size=20").document();

		assertThat(page.select(".verdict-line strong").text()).startsWith("identical: ");
	}

	@Test
	void theNavigationLeadsToTheListAndEachRowToItsCustomer() {
		Document page = this.pages.visit("/customers?size=5").document();

		assertThat(page.select(".site-nav a:contains(Customers)").attr("href")).startsWith("/customers")
			.doesNotStartWith("/customers/");
		assertThat(page.select("#records a").eachAttr("href")).hasSize(5)
			.allSatisfy((href) -> assertThat(href).matches("/customers/\\d+.*"));
		assertThat(page.select(".cost-naive code.formula").text()).isEqualTo("1 + N + R");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			/customers?mode=bogus             | Unknown mode
			/customers?page=-1                | page must be from 0
			/customers?size=0                 | size must be from 1 to 500
			/customers?size=501               | size must be from 1 to 500
			/customers?page=abc               | page must be a whole number
			/customers?page=100000            | past the last page of customers
			/customers?page=100000&mode=naive | past the last page of customers
			""")
	void badParametersAreRejectedWithABadRequestPage(String uri, String message) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();

		assertThat(result).hasStatus(400);
		assertThat(result).bodyText().contains(message);
	}

	private long ordersOf(Paging paging) {
		return this.jdbc.sql("SELECT count(*) FROM orders WHERE customer_id IN (" + CUSTOMERS_ON_PAGE + ")")
			.param("size", paging.size())
			.param("offset", paging.offset())
			.query(Long.class)
			.single();
	}

	private long customerCount() {
		return this.jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single();
	}

	private int lastPage(int size) {
		return (int) ((customerCount() - 1) / size);
	}

}
