package dev.nplusonelab.detection;

import java.time.Duration;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.sqlreport.MostStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detection page runs its tools on the application's own pages: what it shows is a
 * real pass, a real failure message, the real budgets and the real log line.
 */
@LabTest
class DetectionPageTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MostStatements most;

	@Test
	void theAssertionPassesOnTheOptimizedPageAndFailsOnTheNaiveOneWithItsListing() {
		Document page = new Pages(this.mvc).visit("/detection").document();

		assertThat(page.select(".run-pass h3").text()).contains("passed", "/books?size=10&mode=optimized");
		assertThat(page.select(".run-pass p").text()).startsWith("2 statements");
		String failure = page.select(".run-fail pre").text();
		assertThat(failure).startsWith("Expected at most 2 statements but " + naiveBooks(10) + " ran:")
			.contains("NaiveBookReader.java:");
		assertThat(page.select(".run-fail .hint").text()).contains("more lines");
	}

	@Test
	void everyDeclaredBudgetIsListedWithItsEndpoint() {
		Document page = new Pages(this.mvc).visit("/detection").document();

		assertThat(page.select("table.budgets tbody tr").eachText()).contains("/books 2 2")
			.anyMatch((row) -> row.startsWith("/books/{id} 3"))
			.anyMatch((row) -> row.startsWith("/ 6"))
			.anyMatch((row) -> row.startsWith("/customers/{id} 4"));
	}

	@Test
	void theRenderGuardAndTheWarnLineComeFromRealRequests() {
		Document page = new Pages(this.mvc).visit("/detection").document();

		assertThat(page.select("#strict .run-line").text()).contains("21 statements, 20 of them while its view");
		assertThat(page.select("#log pre").text())
			.startsWith("GET /books {mode=naive}: " + naiveBooks(10) + " statements")
			.contains("potential N+1", "NaiveBookReader.java:", "Fix: join book.author");
		assertThat(page.select("table.metrics tbody tr").eachText()).anyMatch((row) -> row.startsWith("/books naive"));
	}

	@Test
	void eachDjangoToolOfTheArticleLeadsToItsCounterpartOnThisPage() {
		Document page = new Pages(this.mvc).visit("/detection").document();

		assertThat(page.select("#from-django tbody tr td:first-child").eachText()).containsExactly(
				"Debug Toolbar, SQL panel", "assertNumQueries", "query logging (django.db.backends at DEBUG)", "Silk");
		for (Element link : page.select("#from-django a[href^=#]")) {
			assertThat(page.getElementById(link.attr("href").substring(1))).as(link.attr("href")).isNotNull();
		}
		assertThat(page.select("#from-django a[href^=#]")).hasSizeGreaterThanOrEqualTo(4);
	}

	/**
	 * Micrometer's max covers a sliding window: after a few idle minutes it reads 0. The
	 * page shows the most a request ever ran instead, here read against a registry whose
	 * clock has moved past the window.
	 */
	@Test
	void theMostSeenStaysWhatRanAfterTheMetricsMaxHasDecayed() {
		int optimized = new Pages(this.mvc).visit("/authors/7?mode=optimized").statements();
		int naive = new Pages(this.mvc).visit("/authors/7?mode=naive").statements();
		MockClock clock = new MockClock();
		MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
		DistributionSummary summary = DistributionSummary.builder("app.sql.statements")
			.tags("uri", "/authors/{id}", "mode", "naive")
			.register(registry);
		summary.record(naive);

		clock.add(Duration.ofMinutes(5));

		assertThat(summary.max()).as("the metric's own max, decayed").isZero();
		assertThat(LiveExamples.metrics(registry, this.most))
			.anySatisfy((row) -> assertThat(row).isEqualTo(new LiveExamples.MetricRow("/authors/{id}", "naive", 1,
					naive, this.most.of("/authors/{id}", "naive").orElseThrow())));
		assertThat(this.most.of("/authors/{id}", "naive")).isPresent();
		assertThat(this.most.of("/authors/{id}", "naive").getAsInt()).isGreaterThanOrEqualTo(naive);
		assertThat(LiveExamples.largestSeen(this.most, "/authors/{id}")).isGreaterThanOrEqualTo(optimized).isPositive();
	}

	@Test
	void theBudgetTableNeverShowsZeroForAnEndpointThatRan() {
		new Pages(this.mvc).visit("/authors/7?mode=optimized");

		Document page = new Pages(this.mvc).visit("/detection").document();

		assertThat(page.select("table.budgets tbody tr").eachText()).anyMatch((row) -> row.startsWith("/authors/{id} "))
			.noneMatch((row) -> row.endsWith(" 0"));
		assertThat(page.select("table.metrics th").eachText()).contains("most").doesNotContain("max");
	}

	/** What the naive book list of {@code size} rows runs, measured. */
	private long naiveBooks(int size) {
		return new Pages(this.mvc).visit("/books?mode=naive&size=" + size).statements();
	}

}
