package com.example.orders;

import com.example.orders.SampleHttp.Finding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.json.JsonContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JdbcClient sample as its developer would meet the diagnostics: over HTTP, in the
 * headers, the history and the metrics, on a real PostgreSQL. With no ORM and no mapping
 * to read, a fix names the table and the key column, in JDBC terms and in PostgreSQL's
 * SQL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(EmbeddedPostgresConfiguration.class)
class OrderPagesTests {

	private static final String CUSTOMER_LOOKUP = "this.jdbc.sql(CUSTOMER_NAME)";

	private static final String HEADING_READ = "this.jdbc.sql(ORDER).param(id).query(Order.class).optional()";

	private static final String BODY_READ = "this.jdbc.sql(ORDER).param(id).query(Order.class).single()";

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void aCustomerLookupPerOrderIsOneNPlusOneCountingItsRepeatedKeysWithAnArrayBoundFix() {
		double requests = this.http.measured("app.sql.statements", "/orders", "COUNT");
		double statements = this.http.measured("app.sql.statements", "/orders", "TOTAL");
		double nPlusOnes = this.http.measured("app.sql.nplusone", "/orders", "COUNT");

		ResponseEntity<String> orders = this.http.get("/orders");

		// The twelve orders, then the customer of each order
		assertThat(orders.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("13");
		assertThat(orders.getHeaders().getFirst("Server-Timing")).contains("desc=\"13 statements\"");
		JsonContent report = this.http.report(orders);
		assertThat(report).extractingPath("$.summary.route").isEqualTo("/orders");
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(1);
		// Six customers, each with two orders, so looked up twice: one N+1 over six
		// distinct keys, not an N+1 and a duplicate
		assertThat(report).extractingPath("$.findings").asArray().hasSize(1);
		assertThat(report).extractingPath("$.findings[0].kind").isEqualTo("n_plus_one");
		assertThat(report).extractingPath("$.findings[0].count").isEqualTo(12);
		assertThat(report).extractingPath("$.findings[0].distinct").isEqualTo(6);
		assertThat(report).extractingPath("$.findings[0].source").isEqualTo(1);
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("potential N+1: 12 statements from " + SampleHttp.line("OrderLedger.java", CUSTOMER_LOOKUP)
					+ " for the 12 rows of #1 (SELECT id, customer_id, total FROM purchase_order ORDER BY id), "
					+ "6 distinct keys, ")
			.endsWith("ms: SELECT name FROM customer WHERE id = ?. Fix: load customer by id for all rows at once, "
					+ "binding the collected ids as one Long[] (SELECT … FROM customer WHERE id = ANY(?))");
		assertThat(report).extractingPath("$.findings[0].fix.code")
			.isEqualTo("SELECT … FROM customer WHERE id = ANY(?)");
		assertThat(report).extractingPath("$.statements[1].issuer").isEqualTo("jdbc");
		assertThat(report).extractingPath("$.statements[1].database").isEqualTo("PostgreSQL");
		assertThat(this.http.measured("app.sql.statements", "/orders", "COUNT")).isEqualTo(requests + 1);
		assertThat(this.http.measured("app.sql.statements", "/orders", "TOTAL")).isEqualTo(statements + 13);
		assertThat(this.http.measured("app.sql.nplusone", "/orders", "COUNT")).isEqualTo(nPlusOnes + 1);
	}

	@Test
	void theBatchedListLoadsTheSameLinesInTwoStatementsWithNoFinding() {
		double nPlusOnes = this.http.measured("app.sql.nplusone", "/orders/batched", "COUNT");

		ResponseEntity<String> batched = this.http.get("/orders/batched");

		assertThat(batched.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("2");
		JsonContent report = this.http.report(batched);
		assertThat(report).extractingPath("$.findings").asArray().isEmpty();
		assertThat(report).extractingPath("$.statements[1].keys").isEqualTo(6);
		assertThat(this.http.measured("app.sql.nplusone", "/orders/batched", "COUNT")).isEqualTo(nPlusOnes);
		assertThat(this.http.measured("app.sql.statements", "/orders/batched", "MAX")).isEqualTo(2);
		assertThat(batched.getBody()).isEqualTo(this.http.get("/orders").getBody());
	}

	@Test
	void customersLoadedInChunksOfTwoIdsAreOneBatchPlusOneWhoseFixBindsEveryIdAsOneArray() {
		double nPlusOnes = this.http.measured("app.sql.nplusone", "/orders/chunked", "COUNT");

		ResponseEntity<String> chunked = this.http.get("/orders/chunked");

		// The twelve orders, then their six customers two at a time
		assertThat(chunked.getHeaders().getFirst("X-Sql-Statements"))
			.isEqualTo(String.valueOf(1 + 6 / OrderLedger.CHUNK));
		JsonContent report = this.http.report(chunked);
		assertThat(report).extractingPath("$.findings[*].kind").asArray().containsExactly("batch_plus_one");
		assertThat(report).extractingPath("$.findings[0].count").isEqualTo(3);
		assertThat(report).extractingPath("$.findings[0].distinct").isEqualTo(6);
		assertThat(report).extractingPath("$.findings[0].batchSize").isEqualTo(2);
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("batch+1: 3 batches of 2 keys for the 12 rows of #1 (SELECT id, customer_id, total FROM "
					+ "purchase_order ORDER BY id) from "
					+ SampleHttp.line("OrderLedger.java", ".param(chunk).query(name)") + ", 6 keys in all, ")
			.endsWith("ms: SELECT id, name FROM customer WHERE id = ANY(?). Fix: load the customer rows in one "
					+ "statement with all 6 ids, not one statement per chunk, binding the collected ids as one Long[] "
					+ "(SELECT … FROM customer WHERE id = ANY(?))");
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(0);
		assertThat(this.http.measured("app.sql.nplusone", "/orders/chunked", "COUNT")).isEqualTo(nPlusOnes);
		// The fix, as /orders/batched applies it: one array, one statement, no finding
		assertThat(chunked.getBody()).isEqualTo(this.http.get("/orders/batched").getBody());
	}

	@Test
	void anOrderReadForItsHeadingAndAgainForItsBodyIsOneDuplicateListingBothLines() {
		double nPlusOnes = this.http.measured("app.sql.nplusone", "/orders/{id}", "COUNT");

		ResponseEntity<String> order = this.http.get("/orders/{id}", 4);

		assertThat(order.getBody()).isEqualTo("{\"heading\":\"Order 4, 120.00\","
				+ "\"order\":{\"id\":4,\"customer\":\"Ada Lovelace\",\"total\":120.00}}");
		// The order for the heading, the order again for the body, then its customer
		assertThat(order.getHeaders().getFirst("X-Sql-Statements")).isEqualTo("3");
		JsonContent report = this.http.report(order);
		assertThat(report).extractingPath("$.summary.potentialNPlusOne").isEqualTo(0);
		assertThat(report).extractingPath("$.violations").asArray().isEmpty();
		assertThat(report).extractingPath("$.findings[0].count").isEqualTo(2);
		assertThat(report).extractingPath("$.findings[0].distinct").isEqualTo(1);
		assertThat(report).extractingPath("$.findings[0].sites[*].runs").asArray().containsExactly(1, 1);
		assertThat(report).extractingPath("$.findings[0].message")
			.asString()
			.startsWith("duplicate: the same statement with the same values ran 2 times, from "
					+ SampleHttp.site("OrderLedger.java", HEADING_READ, 1) + ", "
					+ SampleHttp.site("OrderLedger.java", BODY_READ, 1) + ", ")
			.contains("ms: SELECT id, customer_id, total FROM purchase_order WHERE id = ?. Fix: ");
		assertThat(this.http.measured("app.sql.nplusone", "/orders/{id}", "COUNT")).isEqualTo(nPlusOnes);
	}

	@Test
	void eachPageHasTheFindingsTableItsCodeCallsFor() {
		assertThat(this.http.findings(this.http.get("/orders")))
			.containsExactly(new Finding("n_plus_one", SampleHttp.site("OrderLedger.java", CUSTOMER_LOOKUP, 12),
					"load customer by id for all rows at once, binding the collected ids as one Long[] "
							+ "(SELECT … FROM customer WHERE id = ANY(?))"));
		assertThat(this.http.findings(this.http.get("/orders/batched"))).isEmpty();
		assertThat(this.http.findings(this.http.get("/orders/{id}", 4))).containsExactly(new Finding("duplicate",
				SampleHttp.site("OrderLedger.java", HEADING_READ, 1) + ", "
						+ SampleHttp.site("OrderLedger.java", BODY_READ, 1),
				"reuse the first answer instead of asking again "
						+ "(pass the first result on to the other line, or cache it with @Cacheable)"));
	}

	@Test
	void theHistoryListsTheRequestsAndExplainShowsPostgreSQLsPlan() {
		String id = this.http.get("/orders/batched").getHeaders().getFirst("X-Sql-Report");

		JsonContent history = this.http.json("/actuator/sqlrequests?limit=5");
		assertThat(history).extractingPath("$.requests[?(@.id == " + id + ")].statements").asArray().containsExactly(2);
		JsonContent explained = this.http.json("/actuator/sqlrequests/{id}/{index}", id, 2);
		assertThat(explained).extractingPath("$.database").isEqualTo("PostgreSQL");
		assertThat(explained).extractingPath("$.supported").isEqualTo(true);
		assertThat(explained).extractingPath("$.plan").asArray().isNotEmpty();
	}

}
