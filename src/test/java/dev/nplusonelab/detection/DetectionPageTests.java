package dev.nplusonelab.detection;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detection page runs its tools on the application's own pages: what it shows is a
 * real pass, a real failure message, the real budgets and the real log line.
 */
@LabTest
class DetectionPageTests {

	@Autowired
	private MockMvcTester mvc;

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

	/** What the naive book list of {@code size} rows runs, measured. */
	private long naiveBooks(int size) {
		return new Pages(this.mvc).visit("/books?mode=naive&size=" + size).statements();
	}

}
