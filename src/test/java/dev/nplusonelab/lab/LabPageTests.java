package dev.nplusonelab.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterRegistration;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The /lab page: deterministic statement counts per strategy, one run at a time, 400s.
 */
@LabTest
class LabPageTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private LabRunner runner;

	@Autowired
	private WebApplicationContext context;

	@Test
	void aBookRunCountsEachStrategysStatementsAsItsFormulaSays() {
		Document page = new Pages(this.mvc).visit("/lab?workload=books&sizes=3,8&latency=0&run=1").document();

		for (int n : new int[] { 3, 8 }) {
			long editors = count("SELECT count(editor_id) FROM (SELECT editor_id FROM book ORDER BY id LIMIT :n) AS b",
					n);
			long others = 5 + ((editors > 0) ? 1 : 0);
			Map<String, Integer> statements = statements(page, n);
			assertThat(statements).containsOnlyKeys(LabStrategies.NAMES);
			// Spring Data JDBC also loads the tag links of the look-ahead book.
			assertThat(statements.get("naive")).isEqualTo(1 + 6 * n + editors + 1);
			assertThat(statements.get("optimized")).isEqualTo(2);
			assertThat(statements.get("json")).isEqualTo(1);
			assertThat(statements.get("cartesian")).isEqualTo(1);
			assertThat(statements.get("sdj")).isEqualTo(1 + (n + 1) + others);
			assertThat(statements.get("sdj-single")).isEqualTo(2 + others);
		}
	}

	@Test
	void anAuthorRunCountsOneStatementPerBookOnlyForTheNaiveAndAggregateStrategies() {
		Document page = new Pages(this.mvc).visit("/lab?workload=authors&sizes=2&run=1").document();

		long books = count("SELECT count(*) FROM book WHERE author_id IN (SELECT id FROM author ORDER BY id LIMIT :n)",
				2);
		Map<String, Integer> statements = statements(page, 2);
		assertThat(statements.get("naive")).isEqualTo(1 + 2 * 2 + 2 * books);
		assertThat(statements.get("optimized")).isEqualTo(3);
		assertThat(statements.get("json")).isEqualTo(1);
		assertThat(statements.get("cartesian")).isEqualTo(1);
		assertThat(statements.get("sdj")).isEqualTo(4 + books);
		assertThat(statements.get("sdj-single")).isEqualTo(4 + books);
	}

	@Test
	void theChartsComeFromAWebjarAndAScriptFileWithTheirDataOnTheContainer() {
		Document page = new Pages(this.mvc).visit("/lab?sizes=2,4&run=1").document();

		List<String> scripts = page.select("script[src]").eachAttr("src");
		assertThat(scripts).contains("/js/lab.js")
			.allMatch((src) -> src.startsWith("/js/") || src.startsWith("/webjars/"));
		// Written without a version; the webjar locator finds the file when it is asked
		// for.
		assertThat(scripts).contains("/webjars/uplot/dist/uPlot.iife.min.js");
		assertThat(page.select("script:not([src])")).isEmpty();
		assertThat(page.getElementById("lab-charts").attr("data-chart")).contains("\"sizes\":[2,4]", "\"optimized\":");
		assertThat(this.mvc.get().uri("/webjars/uplot/dist/uPlot.iife.min.js")).hasStatusOk();
		assertThat(this.mvc.get().uri("/webjars/uplot/dist/uPlot.min.css")).hasStatusOk();
		assertThat(this.mvc.get().uri("/js/lab.js")).hasStatusOk();
	}

	@Test
	void linksAreNotLookedUpAsResourcesOnEveryPage() {
		// The webjar locator would switch on a filter that resolves every link of every
		// page against the jar; WebConfiguration turns it off.
		assertThat(this.context.getServletContext().getFilterRegistrations().values())
			.extracting(FilterRegistration::getClassName)
			.isNotEmpty()
			.doesNotContain(ResourceUrlEncodingFilter.class.getName());
	}

	@Test
	void theFormAloneRunsNothing() {
		Pages.Visit visit = new Pages(this.mvc).visit("/lab");

		assertThat(visit.document().getElementById("lab-result")).isNull();
		assertThat(visit.document().select("form.lab-form select[name=workload] option")).hasSize(2);
	}

	@Test
	void aSecondRunWhileOneIsGoingIsRefused() throws Exception {
		try (AutoCloseable held = this.runner.hold()) {
			assertThat(this.mvc.get().uri("/lab?run=1")).hasStatus(HttpStatus.CONFLICT)
				.bodyText()
				.contains("Another lab run is in progress");
		}
		assertThat(this.mvc.get().uri("/lab?sizes=1&run=1")).hasStatusOk();
	}

	@ParameterizedTest
	@ValueSource(strings = { "workload=orders", "sizes=0", "sizes=501", "sizes=ten", "sizes=,,", "sizes=1,2,3,4,5,6,7",
			"latency=6", "latency=-1", "latency=soon", "sizes=9999999999" })
	void badParametersAnswer400(String parameter) {
		assertThat(this.mvc.get().uri("/lab?run=1&" + parameter)).hasStatus(HttpStatus.BAD_REQUEST);
	}

	private static Map<String, Integer> statements(Document page, int n) {
		Map<String, Integer> statements = new LinkedHashMap<>();
		for (Element row : page.select("#lab-table tbody tr[data-n=" + n + "]")) {
			statements.put(row.attr("data-strategy"), Integer.valueOf(row.selectFirst("td.statements").text()));
		}
		return statements;
	}

	private long count(String sql, int n) {
		return this.jdbc.sql(sql).param("n", n).query(Long.class).single();
	}

}
