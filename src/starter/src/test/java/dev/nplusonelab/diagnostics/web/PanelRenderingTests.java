package dev.nplusonelab.diagnostics.web;

import java.time.Duration;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.capture.Database;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.detect.SqlRuleScope;
import dev.nplusonelab.diagnostics.detect.Violation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the panel shows of a report: an EXPLAIN link only where the database can explain,
 * and each finding once, a broken rule pointing to it rather than repeating it.
 */
class PanelRenderingTests {

	private static final String OWNERS = "SELECT id FROM owner";

	private static final String PETS = "SELECT name FROM pet WHERE owner_id = ?";

	private final SqlPanelRenderer renderer = new SqlPanelRenderer(PanelLinks.of("/explain/{id}/{index}", "/history"),
			false, 100);

	@Test
	void theExplainLinkIsOfferedOnlyOnDatabasesWithAnExplainAnalyze() {
		assertThat(explainLinks(Database.of("PostgreSQL", "17.6"))).hasSize(2);
		assertThat(explainLinks(Database.of("MariaDB", "10.11.19-MariaDB"))).hasSize(2);
		assertThat(explainLinks(Database.of("H2", "2.3.232 (2024-08-11)"))).hasSize(2);
		assertThat(explainLinks(Database.of("MySQL", "8.0.17"))).isEmpty();
		assertThat(explainLinks(Database.of("Apache Derby", "10.16.1.1"))).isEmpty();
	}

	@Test
	void aBrokenRulePointsToItsFindingWhichIsShownOnce() {
		RequestReport report = report(
				new RecordedStatements().ran(OWNERS, 3).ran(PETS, 1, 1L).ran(PETS, 1, 2L).ran(PETS, 1, 3L));
		NPlusOneProperties strict = new NPlusOneProperties();
		strict.setStrict(true);
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), strict, SqlRuleScope.EVERY_REQUEST);
		List<Finding> findings = diagnostics.findings(report);

		Document panel = Jsoup.parse(
				this.renderer.panel(diagnostics.panel(report, findings, diagnostics.violations(report, findings)), ""));

		assertThat(panel.select(".findings li")).singleElement()
			.satisfies((finding) -> assertThat(finding.text()).contains("potential N+1 · 3 statements", PETS));
		assertThat(panel.select(".violations li")).singleElement()
			.satisfies((rule) -> assertThat(rule.text())
				.isEqualTo("N_PLUS_ONE finding 1, the potential N+1 from OwnerSummary.java:9"));
	}

	@Test
	void withoutStrictModeOrAScopeOfTheApplicationsAnNPlusOneBreaksNoRule() {
		RequestReport report = report(new RecordedStatements().ran(OWNERS, 2).ran(PETS, 1, 1L).ran(PETS, 1, 2L));
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), new NPlusOneProperties(),
				SqlRuleScope.EVERY_REQUEST);
		SqlDiagnostics scoped = new SqlDiagnostics(new NPlusOneDetector(), new NPlusOneProperties(), (request) -> true);

		assertThat(diagnostics.violations(report, diagnostics.findings(report))).isEmpty();
		assertThat(scoped.violations(report, scoped.findings(report))).singleElement()
			.extracting(Violation::rule)
			.isEqualTo(Violation.Rule.N_PLUS_ONE);
	}

	/**
	 * A page that loads others (a comparison, say) runs few statements itself: the panel
	 * says what the requests it made ran, apart from its own count.
	 */
	@Test
	void thePanelSaysWhatTheRequestsAPageMadeRanApartFromItsOwnCount() {
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), new NPlusOneProperties(),
				SqlRuleScope.EVERY_REQUEST);
		RequestReport none = report(new RecordedStatements());
		SqlDiagnostics.SubRequests two = new SqlDiagnostics.SubRequests(2, 342, Duration.ofMillis(12));

		Document panel = Jsoup.parse(this.renderer.panel(diagnostics.panel(none, List.of(), List.of(), two), "")
				+ this.renderer.body(diagnostics.panel(report(new RecordedStatements().ran(OWNERS, 1)), List.of(),
						List.of(), new SqlDiagnostics.SubRequests(1, 1, Duration.ofMillis(1))), ""));

		assertThat(panel.select("#sql-panel").attr("data-statements")).isEqualTo("0");
		assertThat(panel.select("#sql-panel").attr("data-sub-requests")).isEqualTo("2");
		assertThat(panel.select("#sql-panel").attr("data-sub-statements")).isEqualTo("342");
		assertThat(panel.select("#sql-panel > summary").text())
			.startsWith("0 statements here 342 in 2 requests it made");
		assertThat(panel.select("#sql-panel .sql-all > p.hint").eachText()).startsWith(
				"This request ran no SQL of its own.",
				"The 2 requests it made to this application ran 342 statements in 12.00 ms, counted for them, not here.");
		assertThat(panel.select("nplusone-report p.sql-sub").text()).isEqualTo(
				"The 1 request it made to this application ran 1 statement in 1.00 ms, counted for them, not here.");
	}

	@Test
	void aPageThatMadeNoRequestSaysNothingOfThem() {
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), new NPlusOneProperties(),
				SqlRuleScope.EVERY_REQUEST);

		Document panel = Jsoup.parse(this.renderer
			.panel(diagnostics.panel(report(new RecordedStatements().ran(OWNERS, 1)), List.of(), List.of()), ""));

		assertThat(panel.select("#sql-panel").attr("data-sub-requests")).isEqualTo("0");
		assertThat(panel.select("#sql-panel > summary .sql-count").text()).isEqualTo("1 statement");
		assertThat(panel.select(".sql-sub")).isEmpty();
	}

	private List<String> explainLinks(Database database) {
		RequestReport report = report(new RecordedStatements().on(database)
			.ran(OWNERS, 2)
			.ran("UPDATE owner SET name = ?", 0, "x")
			.ran("SELECT name FROM pet", 2));
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), new NPlusOneProperties(),
				SqlRuleScope.EVERY_REQUEST);
		Document panel = Jsoup.parse(this.renderer.panel(diagnostics.panel(report, List.of(), List.of()), ""));
		return panel.select("a.explain").eachAttr("href");
	}

	/** A completed report of these statements. */
	private static RequestReport report(RecordedStatements statements) {
		return statements.report();
	}

}
