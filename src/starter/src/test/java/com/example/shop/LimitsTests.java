package com.example.shop;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.web.SqlPanelRenderer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request keeps a bounded number of statements: beyond
 * {@code nplusone.max-statements-per-request} they are counted and timed, not kept, and
 * the panel says so.
 */
@SpringBootTest(properties = "nplusone.max-statements-per-request=5")
@AutoConfigureMockMvc
class LimitsTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SqlDiagnostics diagnostics;

	@Autowired
	private SqlPanelRenderer renderer;

	@Test
	void statementsBeyondTheLimitAreCountedButNotKept() {
		MvcTestResult result = this.mvc.get().uri("/many?n=8").exchange();
		RequestReport report = RequestReportTests.report(result);

		assertThat(result.getResponse().getHeader("X-Sql-Statements")).isEqualTo("8");
		assertThat(report.statementCount()).isEqualTo(8);
		assertThat(report.statements()).hasSize(5);
		assertThat(report.droppedStatementCount()).isEqualTo(3);
		assertThat(report.statement(6)).isEmpty();
	}

	@Test
	void thePanelSaysHowManyWereNotKept() {
		MvcTestResult result = this.mvc.get().uri("/many?n=7").exchange();

		Document panel = Jsoup
			.parse(this.renderer.panel(this.diagnostics.panel(RequestReportTests.report(result)), ""));

		assertThat(panel.select("#sql-panel").attr("data-statements")).isEqualTo("7");
		assertThat(panel.select(".sql-lines > li")).hasSize(5);
		assertThat(panel.select(".sql-dropped").text()).isEqualTo(
				"2 more statements were counted but not kept: a request keeps 5 (nplusone.max-statements-per-request).");
	}

}
