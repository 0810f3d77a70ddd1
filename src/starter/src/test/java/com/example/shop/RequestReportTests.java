package com.example.shop;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.web.SqlMetrics;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every request of an application with the starter gets: a report that includes view
 * rendering, the headers, the metrics, the detector's findings with fixes that name the
 * table and the key, the rules, the history and EXPLAIN on PostgreSQL.
 */
@SpringBootTest(properties = "nplusone.strict=false")
@AutoConfigureMockMvc
class RequestReportTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private SqlDiagnostics diagnostics;

	@Autowired
	private SqlRequestHistory history;

	@Autowired
	private SqlCapture capture;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void everyStatementOfARequestIsCountedIncludingTheViewsAndGoesIntoTheHeaders() {
		MvcTestResult result = this.mvc.get().uri("/page").exchange();
		RequestReport report = report(result);

		assertThat(result).hasStatusOk();
		assertThat(report.statements()).extracting(StatementRecord::phase)
			.containsExactly(StatementRecord.Phase.HANDLER, StatementRecord.Phase.VIEW);
		assertThat(result.getResponse().getHeader("X-Sql-Statements")).isEqualTo("2");
		assertThat(result.getResponse().getHeader("X-Sql-Report")).isEqualTo(Long.toString(report.id()));
		assertThat(result.getResponse().getHeader("Server-Timing")).startsWith("sql;dur=")
			.endsWith("desc=\"2 statements\"");
		assertThat(report.route()).isEqualTo("/page");
		assertThat(report.statements())
			.allSatisfy((statement) -> assertThat(statement.callSite()).matches("ShopPages\\.java:[1-9][0-9]*"));
	}

	@Test
	void theMetricsAreRecordedByRoute() {
		double before = total("/books/naive");

		this.mvc.get().uri("/books/naive").exchange();

		assertThat(total("/books/naive") - before).isEqualTo(6);
		assertThat(this.registry.find(SqlMetrics.NPLUSONE).tag("uri", "/books/naive").counter()).isNotNull()
			.satisfies((counter) -> assertThat(counter.count()).isGreaterThanOrEqualTo(1));
		assertThat(this.registry.find(SqlMetrics.TIME).tag("uri", "/books/naive").timer()).isNotNull();
	}

	@Test
	void metersThatTheRegistryDroppedAreRegisteredAgain() {
		this.mvc.get().uri("/books/naive").exchange();
		this.registry.remove(this.registry.find(SqlMetrics.STATEMENTS).tag("uri", "/books/naive").summary());

		this.mvc.get().uri("/books/naive").exchange();

		assertThat(total("/books/naive")).isEqualTo(6);
		assertThat(this.registry.find(SqlMetrics.STATEMENTS).tag("uri", "/books/naive").summary().count()).isEqualTo(1);
	}

	@Test
	void aLookupPerRowIsAPotentialNPlusOneWhoseFixNamesTheTableAndTheKey() {
		RequestReport report = report(this.mvc.get().uri("/books/naive").exchange());

		assertThat(nPlusOne(report)).singleElement().satisfies((finding) -> {
			assertThat(finding.count()).isEqualTo(5);
			assertThat(finding.callSite()).startsWith("ShopController.java:");
			assertThat(finding.source()).isNotNull();
			assertThat(finding.source().index()).isEqualTo(1);
			assertThat(finding.suggestion().text()).isEqualTo("load author by id for all rows at once, binding the "
					+ "collected ids as one Long[] (SELECT … FROM author WHERE id = ANY(?))");
		});
	}

	@Test
	void childrenLoadedPerParentAreNamedByTheirForeignKey() {
		RequestReport report = report(this.mvc.get().uri("/books/reviews").exchange());

		assertThat(nPlusOne(report)).singleElement()
			.satisfies((finding) -> assertThat(finding.suggestion().text())
				.isEqualTo("load review rows by book_id for all parents at once, binding the collected book_id values "
						+ "as one Long[] (SELECT … FROM review WHERE book_id = ANY(?))"));
	}

	@Test
	void theSameStatementWithTheSameValuesIsADuplicateAndNotAnNPlusOne() {
		RequestReport report = report(this.mvc.get().uri("/twice").exchange());

		assertThat(this.diagnostics.findings(report)).singleElement()
			.satisfies((finding) -> assertThat(finding.kind()).isEqualTo(Finding.Kind.DUPLICATE));
	}

	@Test
	void valuesThatOnlyLookAlikeWhenJoinedAreNotDuplicates() {
		String sql = "SELECT count(*) FROM book WHERE title = ? OR title = ?";
		RequestReport report = this.capture.capture(() -> {
			this.jdbc.sql(sql).params("a,b", "c").query(Long.class).single();
			this.jdbc.sql(sql).params("a", "b,c").query(Long.class).single();
		});

		assertThat(report.statements()).extracting(StatementRecord::parameterKey).doesNotHaveDuplicates();
		assertThat(this.diagnostics.findings(report)).noneMatch((finding) -> finding.kind() == Finding.Kind.DUPLICATE);
	}

	@Test
	void batchesAndKeysetChunksAreNotRepeats() {
		RequestReport report = this.capture.capture(() -> {
			for (int chunk = 0; chunk < 3; chunk++) {
				this.jdbc.sql("SELECT title FROM book WHERE id = ANY(?)")
					.param(new Long[] { chunk + 1L, chunk + 2L })
					.query(String.class)
					.list();
			}
			long after = 0;
			for (int chunk = 0; chunk < 3; chunk++) {
				after = this.jdbc.sql("SELECT id FROM book WHERE id > ? ORDER BY id LIMIT 2")
					.param(after)
					.query(Long.class)
					.list()
					.get(1);
			}
		});

		assertThat(this.diagnostics.findings(report)).isEmpty();
		assertThat(report.statements().get(0).keys()).isEqualTo(2);
	}

	@Test
	void aBudgetAndTheRenderGuardAreViolationsForEveryRequestByDefault() {
		RequestReport overBudget = report(this.mvc.get().uri("/budget").exchange());
		RequestReport rendering = report(this.mvc.get().uri("/page").exchange());

		assertThat(overBudget.budget()).isEqualTo(1);
		assertThat(violations(overBudget)).singleElement()
			.satisfies((message) -> assertThat(message)
				.isEqualTo("2 statements, over the budget of 1 declared for /budget"));
		assertThat(violations(rendering)).singleElement()
			.satisfies((message) -> assertThat(message)
				.startsWith("#2 ran while the view rendered, from ShopPages.java:"));
	}

	@Test
	void theEndpointListsTheHistoryAndExplainsAStoredSelectOnPostgresql() {
		long id = report(this.mvc.get().uri("/books/naive").exchange()).id();

		assertThat(this.mvc.get().uri("/actuator/sqlrequests?sort=statements")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.requests[*].id", (ids) -> assertThat(ids).asArray().contains((int) id))
			.hasPathSatisfying("$.unattributedStatements", (count) -> assertThat(count).isNotNull());
		assertThat(this.mvc.get().uri("/actuator/sqlrequests/" + id)).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.summary.route", (route) -> assertThat(route).asString().isEqualTo("/books/naive"))
			.hasPathSatisfying("$.findings[0].message",
					(finding) -> assertThat(finding).asString().startsWith("potential N+1"))
			.hasPathSatisfying("$.statements[1].parameters[0][0]", (value) -> assertThat(value).asString().isNotEmpty())
			.hasPathSatisfying("$.statements[1].stack[0]",
					(line) -> assertThat(line).asString().startsWith("ShopController.java:"))
			.hasPathSatisfying("$.statements[1].view", (view) -> assertThat(view).isNull());
		assertThat(this.mvc.get().uri("/actuator/sqlrequests/" + id + "/2")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.supported", (supported) -> assertThat(supported).isEqualTo(true))
			.extractingPath("$.plan")
			.asArray()
			.anySatisfy((line) -> assertThat(line).asString().contains("Execution Time"));
	}

	/** The endpoint gives each statement the stack and the view the panel shows. */
	@Test
	void theEndpointGivesAStatementItsStackAndTheViewThatRanIt() {
		long id = report(this.mvc.get().uri("/page/named").exchange()).id();

		assertThat(this.mvc.get().uri("/actuator/sqlrequests/" + id)).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.statements[?(@.view == 'shop/page')].stack[0]",
					(lines) -> assertThat(lines).asArray()
						.singleElement()
						.asString()
						.matches("ShopApplication\\.java:\\d+"));
	}

	@Test
	void explainRunsOnlyAStoredSelect() {
		RequestReport notASelect = this.capture
			.capture(() -> this.jdbc.sql("VALUES (1)").query(Integer.class).single());
		this.history.add(new SqlRequestHistory.Entry(notASelect, List.of(), List.of()));

		assertThat(this.mvc.get().uri("/actuator/sqlrequests/" + notASelect.id() + "/1")).hasStatus(400);
		assertThat(this.mvc.get().uri("/actuator/sqlrequests/" + notASelect.id() + "/2")).hasStatus(404);
		assertThat(this.mvc.get().uri("/actuator/sqlrequests/987654321")).hasStatus(404);
		assertThat(this.mvc.get().uri("/actuator/sqlrequests?sort=bogus")).hasStatus(400);
	}

	@Test
	void theHistoryIsARingThatSkipsTheActuator() {
		for (int i = 0; i < this.history.capacity() + 3; i++) {
			this.mvc.get().uri("/books").exchange();
		}
		this.mvc.get().uri("/actuator/sqlrequests").exchange();

		List<SqlRequestHistory.Entry> kept = this.history.list(SqlRequestHistory.Order.RECENT);
		assertThat(kept).hasSize(this.history.capacity());
		assertThat(kept).extracting((entry) -> entry.report().path()).noneMatch((path) -> path.startsWith("/actuator"));
	}

	@Test
	void injectedLatencyStopsAtTheCap() {
		RequestReport report = this.capture.begin("GET", "/capped", Duration.ofMillis(10), Duration.ofMillis(25));
		try {
			for (int i = 0; i < 4; i++) {
				this.jdbc.sql("SELECT ?").param(i).query(Integer.class).single();
			}
		}
		finally {
			this.capture.end();
		}

		assertThat(report.injectedTime()).isLessThanOrEqualTo(Duration.ofMillis(25)).isPositive();
		assertThat(report.firstUndelayed()).isEqualTo(3);
		assertThat(SqlDiagnostics.latencyCapped(report))
			.isEqualTo("latency capped at 25 ms after #2: later statements ran without delay");
	}

	private List<Finding> nPlusOne(RequestReport report) {
		return this.diagnostics.findings(report).stream().filter(Finding::isNPlusOne).toList();
	}

	private List<String> violations(RequestReport report) {
		return this.diagnostics.violations(report, this.diagnostics.findings(report))
			.stream()
			.map((violation) -> violation.message())
			.toList();
	}

	private double total(String uri) {
		var summary = this.registry.find(SqlMetrics.STATEMENTS).tag("uri", uri).summary();
		return (summary != null) ? summary.totalAmount() : 0;
	}

	static RequestReport report(MvcTestResult result) {
		return (RequestReport) result.getRequest().getAttribute(RequestReport.ATTRIBUTE);
	}

}
