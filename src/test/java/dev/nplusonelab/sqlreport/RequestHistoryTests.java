package dev.nplusonelab.sqlreport;

import java.util.List;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.web.SqlMetrics;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;
import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class RequestHistoryTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SqlRequestHistory history;

	@Autowired
	private SqlCapture capture;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry registry;

	@Test
	void theActuatorEndpointListsRecentRequestsAndSortsThemByStatements() {
		Pages pages = new Pages(this.mvc);
		long naive = pages.visit("/books?mode=naive&size=7").report().id();
		pages.visit("/books?size=7");

		assertThat(this.mvc.get().uri("/actuator/sqlrequests?sort=statements&limit=1000")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.requests[*].statements")
			.asArray()
			.isSortedAccordingTo((a, b) -> Integer.compare(((Number) b).intValue(), ((Number) a).intValue()));
		assertThat(this.mvc.get().uri("/actuator/sqlrequests/" + naive)).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.summary.route", (route) -> assertThat(route).asString().isEqualTo("/books"))
			.hasPathSatisfying("$.summary.mode", (mode) -> assertThat(mode).asString().isEqualTo("naive"))
			.hasPathSatisfying("$.findings[0].message",
					(finding) -> assertThat(finding).asString()
						.startsWith("loop: 4 statements × 7 rows = 28 statements"))
			.hasPathSatisfying("$.findings[0].kind", (kind) -> assertThat(kind).asString().isEqualTo("loop"))
			.hasPathSatisfying("$.findings[0].members[*].kind",
					(kinds) -> assertThat(kinds).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
						.containsOnly("n_plus_one")
						.hasSize(4));
	}

	@Test
	void unknownReportsAndBadParametersAreClientErrors() {
		assertThat(this.mvc.get().uri("/actuator/sqlrequests/987654321")).hasStatus(404);
		assertThat(this.mvc.get().uri("/actuator/sqlrequests?sort=bogus")).hasStatus(400);
		assertThat(this.mvc.get().uri("/actuator/sqlrequests?limit=0")).hasStatus(400);
		assertThat(this.mvc.get().uri("/actuator/sqlrequests?limit=abc")).hasStatus(400);
		assertThat(this.mvc.get().uri("/sql/requests?sort=bogus")).hasStatus(400);
		assertThat(this.mvc.get().uri("/sql/requests/987654321")).hasStatus(404);
		assertThat(this.mvc.get().uri("/sql/requests/abc")).hasStatus(400);
	}

	@Test
	void theHistoryIsBoundedAndNewestFirst() {
		Pages pages = new Pages(this.mvc);
		for (int i = 0; i < this.history.capacity() + 5; i++) {
			pages.visit("/mistakes");
		}
		List<SqlRequestHistory.Entry> recent = this.history.list(SqlRequestHistory.Order.RECENT);

		assertThat(recent).hasSize(this.history.capacity());
		assertThat(recent).extracting((entry) -> entry.report().id()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void theHistoryPagesRenderARequestAndExplainItsSelect() {
		Pages pages = new Pages(this.mvc);
		long id = pages.visit("/books?size=3").report().id();

		assertThat(pages.visit("/sql/requests?sort=time").document().select("#records a").eachText())
			.contains(Long.toString(id));
		assertThat(pages.visit("/sql/requests/" + id).document().select(".sql-lines li")).hasSize(2);
		assertThat(pages.visit("/sql/requests/" + id + "/statements/2/explain").document().select("pre.plan").text())
			.contains("Execution Time");
	}

	/**
	 * {@code /books?size=7&page=3} is told apart from {@code /books}, and opens again
	 * from its row and its page: the URL it was served at, query string included.
	 */
	@Test
	void aRequestIsListedWithItsQueryStringAndLinksToTheUrlItServed() {
		Pages pages = new Pages(this.mvc);
		long id = pages.visit("/books?size=7&page=3&mode=naive").report().id();

		Element row = row(pages.visit("/sql/requests").document(), id);
		assertThat(row.select("a.reopen").attr("href")).isEqualTo("/books?size=7&page=3&mode=naive");
		assertThat(row.select("td.request").text()).isEqualTo("GET /books?size=7&page=3&mode=naive");
		Document detail = pages.visit("/sql/requests/" + id).document();
		assertThat(detail.select("h1").text()).isEqualTo("GET /books?size=7&page=3&mode=naive");
		assertThat(detail.select("a.reopen").attr("href")).isEqualTo("/books?size=7&page=3&mode=naive");
		assertThat(this.mvc.get().uri("/actuator/sqlrequests/" + id)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.summary.query")
			.isEqualTo("size=7&page=3&mode=naive");
	}

	/**
	 * The pages a comparison loaded are listed under its row, not in rows of their own.
	 */
	@Test
	void thePagesAComparisonLoadedAreListedUnderIt() {
		Pages pages = new Pages(this.mvc);
		long id = pages.visit("/compare?path=/authors").report().id();

		Document list = pages.visit("/sql/requests").document();
		Element row = row(list, id);
		List<Element> nested = List.of(row.nextElementSibling(), row.nextElementSibling().nextElementSibling());
		assertThat(nested).allSatisfy((child) -> assertThat(child.hasClass("sub-request")).isTrue())
			.extracting((child) -> child.select("a.reopen").attr("href"))
			.containsExactly("/authors?mode=naive", "/authors?mode=optimized");
		assertThat(list.select("#records tr:not(.sub-request) a.reopen").eachAttr("href"))
			.doesNotContain("/authors?mode=naive", "/authors?mode=optimized");
		SqlRequestHistory.Entry entry = this.history.find(id).orElseThrow();
		assertThat(row.select(".sub-statements").text())
			.isEqualTo("+ " + entry.subRequests().statements() + " in 2 requests it made");
		Document detail = pages.visit("/sql/requests/" + id).document();
		assertThat(detail.select(".sub-requests tr.sub-request a.reopen").eachAttr("href"))
			.containsExactly("/authors?mode=naive", "/authors?mode=optimized");
		assertThat(this.mvc.get().uri("/sql/requests/" + entry.children().get(0).report().id())).hasStatusOk();
	}

	private static Element row(Document history, long id) {
		return history.select("#records tr")
			.stream()
			.filter((row) -> row.select("td:first-child a").text().equals(Long.toString(id)))
			.findFirst()
			.orElseThrow();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/statements/0/explain", "/statements/3/explain", "/statements/-1/explain" })
	void explainingAStatementTheRequestDidNotRunIsNotFound(String suffix) {
		long id = new Pages(this.mvc).visit("/books?size=3").report().id();

		assertThat(this.mvc.get().uri("/sql/requests/" + id + suffix)).hasStatus(404);
	}

	@Test
	void onlyASelectCanBeExplained() {
		// No page starts with anything else, and the EXPLAIN page's own statements (a SET
		// first) are not kept: a captured block stands in for such a request.
		RequestReport notASelect = this.capture
			.capture(() -> this.jdbc.sql("VALUES (1)").query(Integer.class).single());
		this.history.add(new SqlRequestHistory.Entry(notASelect, List.of(), List.of()));

		assertThat(this.mvc.get().uri("/sql/requests/" + notASelect.id() + "/statements/1/explain")).hasStatus(400)
			.bodyText()
			.contains("Only a SELECT can be explained");
	}

	@Test
	void followingAPagesExplainLinksAndReadingTheHistoryKeepsThePageAndCountsTheRest() {
		Pages pages = new Pages(this.mvc);
		long naive = pages.visit("/books?mode=naive&size=5").report().id();
		double explainsBefore = explains();

		for (int i = 0; i <= this.history.capacity(); i++) {
			pages.visit("/sql/requests/" + naive + "/statements/" + (1 + i % 2) + "/explain");
		}
		for (int i = 0; i < 3; i++) {
			pages.visit("/sql/requests");
			pages.visit("/sql/requests/" + naive);
			pages.visit("/history-scope.txt");
			assertThat(this.mvc.get().uri("/actuator/sqlrequests/" + naive)).hasStatusOk();
			assertThat(this.mvc.get().uri("/actuator/sqlrequests?sort=time")).hasStatusOk();
		}

		List<SqlRequestHistory.Entry> kept = this.history.list(SqlRequestHistory.Order.RECENT);
		assertThat(kept).extracting((entry) -> entry.report().id()).contains(naive);
		assertThat(kept).extracting((entry) -> entry.report().path())
			.noneMatch((path) -> path.startsWith("/sql/") || path.startsWith("/actuator/"))
			.doesNotContain("/history-scope.txt");
		assertThat(explains() - explainsBefore).isEqualTo(this.history.capacity() + 1);
	}

	private double explains() {
		DistributionSummary summary = this.registry.find(SqlMetrics.STATEMENTS)
			.tags("uri", "/sql/requests/{id}/statements/{index}/explain", "mode", "none")
			.summary();
		return (summary != null) ? summary.count() : 0;
	}

}
