package dev.nplusonelab.sqlreport;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Injected latency stops at {@code nplusone.max-injected}: a request is never held longer
 * than that by the lab itself. Run with a 35 ms cap and 10 ms per statement, so that the
 * cap is reached after three statements.
 */
@LabTest
class LatencyCapTests {

	private static final Duration LATENCY = Duration.ofMillis(10);

	private static final Duration CAP = Duration.ofMillis(35);

	@Autowired
	private SqlCapture capture;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SqlRequestHistory history;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void onceTheInjectedTotalWouldPassTheCapTheRemainingStatementsRunWithoutDelay() {
		RequestReport report = sixStatementsWithTheCap();

		assertThat(report.injectedTime()).isLessThanOrEqualTo(CAP);
		assertThat(report.statements()).extracting(StatementRecord::injectedNanos)
			.satisfiesExactly((first) -> assertThat(first).isPositive().isLessThanOrEqualTo(LATENCY.toNanos()),
					(second) -> assertThat(second).isPositive().isLessThanOrEqualTo(LATENCY.toNanos()),
					(third) -> assertThat(third).isPositive().isLessThanOrEqualTo(LATENCY.toNanos()),
					(fourth) -> assertThat(fourth).isZero(), (fifth) -> assertThat(fifth).isZero(),
					(sixth) -> assertThat(sixth).isZero());
		assertThat(report.latencyCapped()).isTrue();
		assertThat(report.firstUndelayed()).isEqualTo(4);
	}

	@Test
	void aRequestWithinTheCapIsNotCapped() {
		RequestReport report = new Pages(this.mvc).visit("/books?size=5&latency=20").report();

		assertThat(report.maxInjected()).isEqualTo(Duration.ofSeconds(10));
		assertThat(report.latencyCapped()).isFalse();
		assertThat(report.firstUndelayed()).isNull();
	}

	@Test
	void theStoredReportAndItsJsonSayWhereTheLatencyWasCapped() {
		RequestReport report = sixStatementsWithTheCap();
		this.history.add(new SqlRequestHistory.Entry(report, List.of(), List.of()));

		assertThat(new Pages(this.mvc).visit("/sql/requests/" + report.id())
			.document()
			.select(".sql-latency-capped")
			.text()).isEqualTo("latency capped at 35 ms after #3: later statements ran without delay");
		assertThat(this.mvc.get().uri("/actuator/sqlrequests/" + report.id())).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.summary.latencyCapped", (capped) -> assertThat(capped).isEqualTo(true))
			.hasPathSatisfying("$.summary.firstUndelayedStatement", (first) -> assertThat(first).isEqualTo(4));
	}

	private RequestReport sixStatementsWithTheCap() {
		RequestReport report = this.capture.begin("GET", "/capped", LATENCY, CAP);
		try {
			for (int i = 1; i <= 6; i++) {
				this.jdbc.sql("SELECT :i").param("i", i).query(Integer.class).single();
			}
		}
		finally {
			this.capture.end();
		}
		return report;
	}

}
