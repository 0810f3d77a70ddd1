package dev.nplusonelab.sqlreport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class LatencyTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aRequestedLatencyDelaysEveryStatementAndIsReportedApart() {
		Pages.Visit visit = new Pages(this.mvc).visit("/books?size=5&latency=20");
		RequestReport report = visit.report();

		assertThat(report.statementCount()).isEqualTo(2);
		assertThat(report.injectedTime().toMillis()).isGreaterThanOrEqualTo(40);
		assertThat(report.statements())
			.allSatisfy((statement) -> assertThat(statement.injectedNanos()).isGreaterThanOrEqualTo(20_000_000L));
		assertThat(Double.parseDouble(visit.document().select("#sql-panel").attr("data-injected-millis")))
			.isEqualTo(report.injectedTime().toNanos() / 1e6, org.assertj.core.data.Offset.offset(0.001));
		assertThat(Double.parseDouble(visit.document().select("#sql-panel").attr("data-sql-millis")))
			.isEqualTo(report.sqlTime().toNanos() / 1e6, org.assertj.core.data.Offset.offset(0.001));
		assertThat(visit.document().select(".latency a.active").attr("data-latency")).isEqualTo("20");
		assertThat(visit.document().select(".mode-toggle a[data-mode=naive]").attr("href")).contains("latency=20");
	}

	@Test
	void withoutTheParameterNothingIsInjected() {
		assertThat(new Pages(this.mvc).visit("/books?size=5").report().injectedTime().isZero()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "51", "-1", "abc", "1.5", "99999999999999999999" })
	void aLatencyOutOfRangeIsABadRequest(String latency) {
		assertThat(this.mvc.get().uri("/books?latency=" + latency)).hasStatus(400)
			.bodyText()
			.contains("latency must be");
	}

}
