package dev.nplusonelab.system;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code prod} profile: the panel keeps its counts but shows no bound values, there
 * is no request history and no EXPLAIN, nobody can make the application sleep
 * ({@code ?latency=}) or work ({@code /lab} runs), the metrics stay, and Actuator exposes
 * health, info, metrics and prometheus only.
 */
@ProductionLikeTest
class ProdProfileTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Environment environment;

	@Test
	void thePanelCountsStatementsButShowsNoBoundValuesAndNoExplainLinks() {
		Pages.Visit visit = new Pages(this.mvc).visit("/books/1?mode=naive");
		Document page = visit.document();

		assertThat(page.select("#sql-panel").attr("data-statements")).isEqualTo(String.valueOf(visit.statements()));
		assertThat(page.select(".sql-lines > li")).hasSize(visit.statements());
		assertThat(page.select(".params")).isEmpty();
		assertThat(page.select("a.explain")).isEmpty();
		assertThat(page.select("a[href^=/sql/requests]")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/sql/requests", "/sql/requests/1", "/sql/requests/1/statements/1/explain",
			"/actuator/sqlrequests" })
	void thereIsNoRequestHistoryAndNoExplain(String uri) {
		assertThat(this.mvc.get().uri(uri)).hasStatus(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/books?latency=20", "/?mode=naive&latency=50", "/authors/2?latency=0",
			"/mistakes/count-by-loading?mode=naive&latency=1" })
	void nobodyCanMakeAPageSleep(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("Latency injection is switched off in this deployment");
		assertThat(result.getResponse().getHeader("X-Sql-Statements")).isEqualTo("0");
	}

	@Test
	void theApiRefusesLatencyWithAProblem() {
		assertThat(this.mvc.get().uri("/api/books?latency=20")).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith("application/problem+json")
			.bodyJson()
			.hasPathSatisfying("$.detail",
					(detail) -> assertThat(detail).asString().contains("Latency injection is switched off"));
	}

	@Test
	void pagesOfferNoLatencyLinks() {
		assertThat(new Pages(this.mvc).visit("/books?mode=naive").document().select(".latency")).isEmpty();
	}

	@Test
	void theLabPageSaysRunsAreOffAndRefusesToRunOne() {
		Document page = new Pages(this.mvc).visit("/lab").document();

		assertThat(page.select("#lab-runs-off").text()).contains("Runs are switched off in this deployment");
		assertThat(page.select("form.lab-form button[type=submit]").hasAttr("disabled")).isTrue();
		assertThat(this.mvc.get().uri("/lab?workload=books&sizes=10,50,200&run=1")).hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("Lab runs are switched off in this deployment");
		// The form sends its own latency too: refused all the same.
		assertThat(this.mvc.get().uri("/lab?workload=books&sizes=10,50,200&latency=0&run=1"))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/info", "/actuator/metrics", "/actuator/prometheus" })
	void healthInfoMetricsAndPrometheusAreExposed(String uri) {
		assertThat(this.mvc.get().uri(uri)).hasStatusOk();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/shutdown",
			"/actuator/configprops", "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings",
			"/actuator/conditions", "/actuator/scheduledtasks", "/actuator/caches", "/actuator/flyway" })
	void nothingElseIsExposed(String uri) {
		assertThat(this.mvc.get().uri(uri)).hasStatus(404);
		assertThat(this.mvc.post().uri(uri)).hasStatus4xxClientError();
	}

	@Test
	void metricsStillCountStatementsPerRoute() {
		new Pages(this.mvc).visit("/books?mode=naive&size=5");

		assertThat(this.mvc.get().uri("/actuator/metrics/app.sql.statements?tag=uri:/books&tag=mode:naive"))
			.hasStatusOk();
		assertThat(this.mvc.get().uri("/actuator/prometheus")).bodyText().contains("app_sql_statements");
	}

	@Test
	void healthShowsComponentsButNoDetails() {
		assertThat(this.mvc.get().uri("/actuator/health")).bodyText()
			.contains("\"db\"")
			.doesNotContain("PostgreSQL", "validationQuery", "database", "diskSpace\":{\"status\":\"UP\",\"details");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/books?page=-1", "/books/abc", "/books/999999", "/no-such-page" })
	void errorPagesShowNoInternals(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();

		assertThat(result).hasStatus4xxClientError();
		assertThat(result).bodyText().doesNotContain("Exception", "at dev.", "org.springframework", "java.lang");
	}

	@Test
	void theServerShutsDownGracefully() {
		assertThat(this.environment.getProperty("server.shutdown")).isEqualTo("graceful");
		assertThat(this.environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isNotBlank();
	}

}
