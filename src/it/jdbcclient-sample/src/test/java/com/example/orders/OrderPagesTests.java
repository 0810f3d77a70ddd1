package com.example.orders;

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
 * to read, the fix names the table and the key column.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(EmbeddedPostgresConfiguration.class)
class OrderPagesTests {

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void aCustomerLookupPerOrderIsAPotentialNPlusOneNamingTheTableTheKeyAndTheLine() {
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
		assertThat(report).extractingPath("$.findings[0]")
			.asString()
			.startsWith("potential N+1: 12 similar statements from "
					+ SampleHttp.line("OrderLedger.java", "this.jdbc.sql(CUSTOMER_NAME)"))
			.contains("after #1 (SELECT id, customer_id, total FROM purchase_order ORDER BY id, 12 rows)")
			.endsWith("Fix: load customer by id for all rows at once (WHERE customer.id = ANY(?))");
		// Six customers, each looked up for two orders: the second lookup of each is a
		// duplicate of the first
		assertThat(report).extractingPath("$.findings[1]")
			.asString()
			.startsWith("duplicate: 6 repeated statements with the same parameters from "
					+ SampleHttp.line("OrderLedger.java", "this.jdbc.sql(CUSTOMER_NAME)"));
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
