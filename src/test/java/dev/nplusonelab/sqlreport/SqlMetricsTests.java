package dev.nplusonelab.sqlreport;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class SqlMetricsTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MeterRegistry registry;

	@Test
	void statementsPerRequestAreRecordedByRouteAndMode() {
		Pages pages = new Pages(this.mvc);
		double naiveBefore = total("/books", "naive");
		long optimizedCountBefore = count("/books", "optimized");

		int naive = pages.visit("/books?mode=naive&size=10").statements();
		int optimized = pages.visit("/books?mode=optimized&size=10&page=7").statements();

		assertThat(total("/books", "naive") - naiveBefore).isEqualTo(naive);
		assertThat(count("/books", "optimized") - optimizedCountBefore).isEqualTo(1);
		assertThat(this.mvc.get().uri("/actuator/metrics/app.sql.statements?tag=uri:/books&tag=mode:naive"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.measurements[?(@.statistic == 'TOTAL')].value")
			.asArray()
			.singleElement()
			.satisfies((value) -> assertThat(((Number) value).doubleValue()).isGreaterThanOrEqualTo(naive));
		assertThat(optimized).isEqualTo(2);
	}

	@Test
	void pagesWithoutAModeAreTaggedNone() {
		new Pages(this.mvc).visit("/mistakes");

		assertThat(this.registry.find("app.sql.statements").tags("uri", "/mistakes", "mode", "none").summary())
			.isNotNull();
	}

	@Test
	void httpServerRequestsCarryTheMode() {
		new Pages(this.mvc).visit("/books?mode=naive&size=3");

		assertThat(this.registry.find("http.server.requests").tags("uri", "/books", "mode", "naive").timer())
			.isNotNull();
	}

	@Test
	void prometheusShowsTheSummaryWithItsTags() {
		new Pages(this.mvc).visit("/books?mode=optimized&size=3");

		assertThat(this.mvc.get().uri("/actuator/prometheus")).hasStatusOk()
			.bodyText()
			.contains("app_sql_statements_count{mode=\"optimized\"")
			.contains("uri=\"/books\"");
	}

	private double total(String uri, String mode) {
		DistributionSummary summary = summary(uri, mode);
		return (summary != null) ? summary.totalAmount() : 0;
	}

	private long count(String uri, String mode) {
		DistributionSummary summary = summary(uri, mode);
		return (summary != null) ? summary.count() : 0;
	}

	private DistributionSummary summary(String uri, String mode) {
		return this.registry.find("app.sql.statements").tags("uri", uri, "mode", mode).summary();
	}

}
