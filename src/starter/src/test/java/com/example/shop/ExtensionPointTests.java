package com.example.shop;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.FixSuggester;
import dev.nplusonelab.diagnostics.detect.RepeatedLookup;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.web.SqlMetrics;
import dev.nplusonelab.diagnostics.web.SqlReportTags;
import dev.nplusonelab.diagnostics.detect.SqlRuleScope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three extension points: extra metric tags, which requests the rules apply to, and
 * fix suggestions asked in order before the starter's own.
 */
@SpringBootTest(properties = "nplusone.strict=true")
@AutoConfigureMockMvc
@Import(ExtensionPointTests.Extensions.class)
class ExtensionPointTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private SqlDiagnostics diagnostics;

	@Test
	void aTagsContributorTagsTheMetricsTheReportAndTheHistory() {
		MvcTestResult result = this.mvc.get().uri("/books?tier=gold").exchange();

		assertThat(RequestReportTests.report(result).tags()).containsEntry("tier", "gold");
		assertThat(this.registry.find(SqlMetrics.STATEMENTS).tags("uri", "/books", "tier", "gold").summary())
			.isNotNull();
		assertThat(this.mvc.get().uri("/actuator/sqlrequests/" + RequestReportTests.report(result).id())).bodyJson()
			.hasPathSatisfying("$.summary.tier", (tier) -> assertThat(tier).asString().isEqualTo("gold"));
	}

	@Test
	void theRulesApplyOnlyToTheRequestsTheScopeSelectsAndStrictModeFailsThose() throws Exception {
		MvcTestResult selected = this.mvc.get().uri("/budget?tier=gold").exchange();
		MvcTestResult other = this.mvc.get().uri("/budget?tier=free").exchange();

		assertThat(selected).hasStatus(500);
		assertThat(selected.getResponse().getContentAsString())
			.startsWith("Strict SQL mode: this gold request broke 1 rule:")
			.contains("2 statements, over the budget of 1 declared for /budget");
		assertThat(other).hasStatusOk();
		assertThat(this.diagnostics.violations(RequestReportTests.report(other), java.util.List.of())).isEmpty();
	}

	/**
	 * Strict mode fails the request for everyone, but only an allowed address reads why:
	 * passing {@code visible=true} to the failure for every client turns this red.
	 */
	@Test
	void aClientFromElsewhereGetsTheFailureButNotTheRules() throws Exception {
		MvcTestResult remote = this.mvc.get().uri("/budget?tier=gold").with(AccessTests.from("203.0.113.9")).exchange();

		assertThat(remote).hasStatus(500);
		assertThat(remote.getResponse().getContentAsString())
			.isEqualTo("Strict SQL mode: this gold request broke 1 rule.\n");
	}

	@Test
	void theFirstSuggesterWithAnAnswerWinsAndTheStartersOwnComeLast() {
		RequestReport authors = RequestReportTests.report(this.mvc.get().uri("/books/naive").exchange());
		RequestReport reviews = RequestReportTests.report(this.mvc.get().uri("/books/reviews").exchange());

		assertThat(suggestion(authors)).isEqualTo("join book.author (first)");
		assertThat(suggestion(reviews)).isEqualTo("load review rows by book_id for all parents at once, binding the "
				+ "collected book_id values as one Long[] (SELECT … FROM review WHERE book_id = ANY(?))");
	}

	private String suggestion(RequestReport report) {
		return this.diagnostics.findings(report)
			.stream()
			.filter(Finding::isNPlusOne)
			.findFirst()
			.orElseThrow()
			.suggestion()
			.text();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Extensions {

		@Bean
		SqlReportTags tierTags() {
			return (HttpServletRequest request, RequestReport report) -> Tags.of("tier",
					(request.getParameter("tier") != null) ? request.getParameter("tier") : "none");
		}

		@Bean
		SqlRuleScope goldRequests() {
			return new SqlRuleScope() {

				@Override
				public boolean appliesTo(RequestReport report) {
					return "gold".equals(report.tag("tier"));
				}

				@Override
				public String describe() {
					return "this gold request";
				}

			};
		}

		@Bean
		@Order(2)
		FixSuggester second() {
			return (lookup) -> lookup.table().equals("author")
					? new Finding.Suggestion("join", java.util.List.of(), "join book.author", "second") : null;
		}

		@Bean
		@Order(1)
		FixSuggester first() {
			return new FixSuggester() {

				@Override
				public Finding.@Nullable Suggestion suggest(RepeatedLookup lookup) {
					return lookup.table().equals("author") ? new Finding.Suggestion("join",
							java.util.List.of("book.author"), "join book.author", "first") : null;
				}

				@Override
				public boolean leadsTo(String table, RepeatedLookup lookup) {
					return table.equals("book") && lookup.table().equals("author");
				}

			};
		}

	}

}
