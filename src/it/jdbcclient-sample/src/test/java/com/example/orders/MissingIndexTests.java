package com.example.orders;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.test.SqlAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The payments page sums each order's payments on its own, and each sum reads every
 * payment: {@code payment.order_id} references the orders, and PostgreSQL never indexes a
 * foreign key by itself. The starter says so on the finding, with the index to create; in
 * a test, {@code usesIndexes()} fails on the plan's {@code Seq Scan}. Once the index
 * exists, both are quiet. The indexes read for the hints are trusted for a second here,
 * so that the test sees the index it added without waiting ten minutes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "nplusone.index-hints.refresh=1s")
@Import(EmbeddedPostgresConfiguration.class)
class MissingIndexTests {

	private static final String CREATE = "CREATE INDEX payment_order_id_idx ON payment (order_id)";

	private static final String PAID = SampleHttp.line("OrderLedger.java", "this.jdbc.sql(PAID)");

	@LocalServerPort
	private int port;

	@Autowired
	private SqlCapture capture;

	@Autowired
	private OrderLedger ledger;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	private SampleHttp http;

	@BeforeEach
	void connect() {
		this.http = new SampleHttp(this.port);
	}

	@AfterEach
	void dropTheIndex() {
		this.jdbc.sql("DROP INDEX IF EXISTS payment_order_id_idx").update();
	}

	@Test
	void theSumPerOrderSaysItScansThePaymentsAndTheIndexItNamesEndsIt() {
		Map<String, Object> finding = paymentsFinding();

		assertThat(finding).containsEntry("index", Map.of("table", "payment", "column", "order_id", "text",
				"no index on payment.order_id: each of the 12 lookups scans the table", "create", CREATE));
		assertThat(String.valueOf(finding.get("message")))
			.endsWith(". Also no index on payment.order_id: each of the 12 lookups scans the table (" + CREATE + ")");
		this.jdbc.sql(CREATE).update();

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(paymentsFinding()).containsEntry("index", null));
	}

	@Test
	void aLookupByThePrimaryKeyGetsNoHint() {
		List<Map<String, Object>> findings = JsonPath.read(this.http.report(this.http.get("/orders")).getJson(),
				"$.findings");

		assertThat(findings).singleElement().satisfies((finding) -> assertThat(finding).containsEntry("index", null));
	}

	@Test
	void usesIndexesFailsOnTheSeqScanWithItsPlanLineAndPassesWithTheIndex() {
		RequestReport report = this.capture.capture(this.ledger::payments);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SqlAssertions.assertThat(report).usesIndexes(this.dataSource))
			.withMessageStartingWith(
					"Expected every SELECT to find its rows by an index but 1 reads a table of 1000 rows or more in full:")
			.withMessageContaining("#2 from " + PAID + ": SELECT sum(amount) FROM payment WHERE order_id = ?")
			.withMessageContaining("reads all 2400 rows of payment: Seq Scan on payment  (cost=");
		this.jdbc.sql(CREATE).update();

		SqlAssertions.assertThat(report).usesIndexes(this.dataSource);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> paymentsFinding() {
		List<Map<String, Object>> findings = JsonPath
			.read(this.http.report(this.http.get("/orders/payments")).getJson(), "$.findings");
		assertThat(findings).singleElement()
			.satisfies((finding) -> assertThat(finding).containsEntry("sites",
					List.of(Map.of("callSite", PAID, "runs", 12))));
		return findings.get(0);
	}

}
