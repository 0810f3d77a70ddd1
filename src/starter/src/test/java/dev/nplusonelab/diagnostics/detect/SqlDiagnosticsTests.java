package dev.nplusonelab.diagnostics.detect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.StatementRecord.Phase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules a request breaks (its budget, a statement while the view rendered, and a
 * potential N+1 where something holds requests to it), which requests they apply to,
 * where injected latency stopped, and what the panel is given.
 */
@ExtendWith(OutputCaptureExtension.class)
class SqlDiagnosticsTests {

	private static final String PETS = "SELECT name FROM pet WHERE owner_id = ?";

	private final NPlusOneProperties properties = new NPlusOneProperties();

	private final RecordedStatements statements = new RecordedStatements();

	@Test
	void aRequestOverItsBudgetBreaksItAndOneAtItsBudgetDoesNot() {
		RequestReport over = this.statements.ran("SELECT 1", 1).ran("SELECT 2", 1).ran("SELECT 3", 1).report();
		RequestReport at = new RecordedStatements().ran("SELECT 1", 1).ran("SELECT 2", 1).report();
		over.budget(2);
		at.budget(2);

		assertThat(violations(diagnostics(), over)).singleElement().satisfies((violation) -> {
			assertThat(violation.rule()).isEqualTo(Violation.Rule.BUDGET);
			assertThat(violation.message()).isEqualTo("3 statements, over the budget of 2 declared for /owners");
		});
		assertThat(violations(diagnostics(), at)).isEmpty();
	}

	@Test
	void eachStatementRunWhileTheViewRenderedBreaksTheRenderRule() {
		RequestReport report = this.statements.ran("SELECT 1", 1)
			.during(Phase.VIEW)
			.from("list.html:12")
			.ran("SELECT 2", 1)
			.ran("SELECT 3", 1)
			.report();

		assertThat(violations(diagnostics(), report)).extracting(Violation::message)
			.containsExactly("#2 ran while the view rendered, from list.html:12",
					"#3 ran while the view rendered, from list.html:12");
	}

	/**
	 * A potential N+1 is a finding for everyone; it breaks a rule too only in strict mode
	 * or under the application's own scope, and the rule names the finding by its number.
	 */
	@Test
	void aPotentialNPlusOneBreaksARuleOnlyInStrictModeOrUnderTheApplicationsScope() {
		RequestReport report = nPlusOneAfterADuplicate();
		SqlRuleScope everything = (request) -> true;
		NPlusOneProperties strict = new NPlusOneProperties();
		strict.setStrict(true);

		assertThat(violations(diagnostics(), report)).isEmpty();
		assertThat(violations(new SqlDiagnostics(new NPlusOneDetector(), strict, SqlRuleScope.EVERY_REQUEST), report))
			.singleElement()
			.satisfies((violation) -> {
				assertThat(violation.rule()).isEqualTo(Violation.Rule.N_PLUS_ONE);
				assertThat(violation.message()).isEqualTo("finding 1, the potential N+1 from OwnerSummary.java:9");
			});
		assertThat(violations(new SqlDiagnostics(new NPlusOneDetector(), this.properties, everything), report))
			.extracting(Violation::rule)
			.containsExactly(Violation.Rule.N_PLUS_ONE);
	}

	@Test
	void aRequestOutsideTheScopeBreaksNoRuleWhateverItRan() {
		RequestReport report = this.statements.during(Phase.VIEW).ran("SELECT 1", 1).ran("SELECT 2", 1).report();
		report.budget(1);
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), this.properties, (request) -> false);

		assertThat(violations(diagnostics, report)).isEmpty();
	}

	/** A scope that throws applies to nothing; the failure is the starter's to log. */
	@Test
	void aScopeThatFailsAppliesToNothing() {
		RequestReport report = this.statements.ran("SELECT 1", 1).ran("SELECT 2", 1).report();
		report.budget(1);
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(), this.properties, (request) -> {
			throw new IllegalStateException("scope");
		});

		assertThat(violations(diagnostics, report)).isEmpty();
	}

	@Test
	void theScopeDescribesTheRequestsItSelects() {
		SqlRuleScope gold = new SqlRuleScope() {

			@Override
			public boolean appliesTo(RequestReport report) {
				return true;
			}

			@Override
			public String describe() {
				return "this gold request";
			}

		};

		assertThat(diagnostics().ruleScope()).isEqualTo("this request");
		assertThat(new SqlDiagnostics(new NPlusOneDetector(), this.properties, gold).ruleScope())
			.isEqualTo("this gold request");
	}

	/** Suggesters read the route template, and only a template is one. */
	@Test
	void suggestersAreGivenTheRouteTemplateAndNothingForAnUnmatchedPath() {
		List<@Nullable String> routes = new ArrayList<>();
		FixSuggester reader = (lookup) -> {
			routes.add(lookup.route());
			return null;
		};
		SqlDiagnostics diagnostics = new SqlDiagnostics(new NPlusOneDetector(List.of(reader), 10), this.properties,
				SqlRuleScope.EVERY_REQUEST);
		RecordedStatements recorded = new RecordedStatements().ran("SELECT id FROM owner", 2)
			.ran(PETS, 1, 1L)
			.ran(PETS, 1, 2L);

		diagnostics.findings(recorded.report(1, "/owners/{id}"));
		diagnostics.findings(recorded.report(2, "UNKNOWN"));

		assertThat(routes).containsExactly("/owners/{id}", null);
	}

	@Test
	void aRequestWhoseDelaysNeverReachedTheCapWasNotCapped() {
		RequestReport report = this.statements.delayed(Duration.ofMillis(10), Duration.ofMillis(30))
			.ran("SELECT 1", 1)
			.ran("SELECT 2", 1)
			.ran("SELECT 3", 1)
			.report();

		assertThat(SqlDiagnostics.latencyCapped(report)).isNull();
		assertThat(report.injectedTime()).isEqualTo(Duration.ofMillis(30));
	}

	@Test
	void theCapIsNamedWithTheLastStatementThatWasDelayed() {
		RequestReport report = this.statements.delayed(Duration.ofMillis(10), Duration.ofMillis(1500))
			.ran("SELECT 1", 1)
			.ran("SELECT 2", 1)
			.report();
		RequestReport capped = new RecordedStatements().delayed(Duration.ofMillis(700), Duration.ofMillis(1500))
			.ran("SELECT 1", 1)
			.ran("SELECT 2", 1)
			.ran("SELECT 3", 1)
			.report();

		assertThat(SqlDiagnostics.latencyCapped(report)).isNull();
		assertThat(SqlDiagnostics.latencyCapped(capped))
			.isEqualTo("latency capped at 1500 ms after #2: later statements ran without delay");
	}

	/** Whole seconds are said in seconds (mutant: the remainder taken as a product). */
	@Test
	void aCapThatNoDelayFitsUnderSaysNoStatementWasDelayed() {
		RequestReport report = this.statements.delayed(Duration.ofSeconds(3), Duration.ofSeconds(2))
			.ran("SELECT 1", 1)
			.report();

		assertThat(SqlDiagnostics.latencyCapped(report)).isEqualTo("latency capped at 2 s: no statement was delayed");
	}

	@Test
	void thePanelCountsItsFindingsByKindAndTheInjectedTime() {
		RequestReport report = this.statements.delayed(Duration.ofMillis(2), Duration.ofSeconds(1))
			.ran("SELECT id FROM owner", 3)
			.ran(PETS, 1, 1L)
			.ran(PETS, 1, 2L)
			.ran(PETS, 1, 3L)
			.from("Other.java:1")
			.ran("SELECT 1 FROM vet WHERE id = ?", 1, 9L)
			.from("Another.java:2")
			.ran("SELECT 1 FROM vet WHERE id = ?", 1, 9L)
			.ran("SELECT 1 FROM specialty WHERE id = ?", 1, 4L)
			.from("Other.java:1")
			.ran("SELECT 1 FROM specialty WHERE id = ?", 1, 4L)
			.report();

		SqlDiagnostics.Panel panel = diagnostics().panel(report);

		assertThat(panel.potentialNPlusOne()).isOne();
		assertThat(panel.duplicateFindings()).isEqualTo(2);
		assertThat(panel.injectedMillis()).isEqualTo(16.0);
		assertThat(panel.latencyCapped()).isNull();
		assertThat(panel.ruleScope()).isEqualTo("this request");
		assertThat(panel.summary().count()).isEqualTo(8);
	}

	@Test
	void thePanelShowsValuesAndExplainLinksAsThePropertiesSay() {
		RequestReport report = this.statements.ran("SELECT 1", 1).report();
		NPlusOneProperties quiet = new NPlusOneProperties();
		quiet.setParameters(false);
		quiet.setExplain(false);
		NPlusOneProperties noHistory = new NPlusOneProperties();
		noHistory.getHistory().setEnabled(false);

		SqlDiagnostics.Panel shown = diagnostics().panel(report);
		SqlDiagnostics.Panel hidden = new SqlDiagnostics(new NPlusOneDetector(), quiet, SqlRuleScope.EVERY_REQUEST)
			.panel(report);
		SqlDiagnostics.Panel withoutHistory = new SqlDiagnostics(new NPlusOneDetector(), noHistory,
				SqlRuleScope.EVERY_REQUEST)
			.panel(report);

		assertThat(shown.showParameters()).isTrue();
		assertThat(shown.explainable()).isTrue();
		assertThat(hidden.showParameters()).isFalse();
		assertThat(hidden.explainable()).isFalse();
		assertThat(withoutHistory.explainable()).isFalse();
	}

	@Test
	void thePanelAndRequestLatencyAreSwitchedByTheirProperties() {
		NPlusOneProperties switched = new NPlusOneProperties();
		switched.getPanel().setEnabled(false);
		switched.setRequestLatency(true);

		assertThat(diagnostics().panelEnabled()).isTrue();
		assertThat(diagnostics().requestLatencyEnabled()).isFalse();
		SqlDiagnostics other = new SqlDiagnostics(new NPlusOneDetector(), switched, SqlRuleScope.EVERY_REQUEST);
		assertThat(other.panelEnabled()).isFalse();
		assertThat(other.requestLatencyEnabled()).isTrue();
	}

	@Test
	void aRequestWithAFindingIsLoggedAndTheWarningNamesIt(CapturedOutput output) {
		RequestReport report = nPlusOneAfterADuplicate();
		SqlDiagnostics diagnostics = diagnostics();
		List<Finding> findings = diagnostics.findings(report);

		diagnostics.log(report, findings, List.of());

		assertThat(SqlDiagnostics.warning(report, findings, List.of())).startsWith("GET /owners: 6 statements")
			.contains("potential N+1: 3 statements from OwnerSummary.java:9");
		assertThat(output.getAll()).contains("potential N+1: 3 statements from OwnerSummary.java:9");
	}

	private RequestReport nPlusOneAfterADuplicate() {
		return this.statements.ran("SELECT id FROM owner", 3)
			.ran(PETS, 1, 1L)
			.ran(PETS, 1, 2L)
			.ran(PETS, 1, 3L)
			.from("Other.java:1")
			.ran("SELECT 1 FROM vet WHERE id = ?", 1, 9L)
			.from("Another.java:2")
			.ran("SELECT 1 FROM vet WHERE id = ?", 1, 9L)
			.report();
	}

	private SqlDiagnostics diagnostics() {
		return new SqlDiagnostics(new NPlusOneDetector(), this.properties, SqlRuleScope.EVERY_REQUEST);
	}

	private static List<Violation> violations(SqlDiagnostics diagnostics, RequestReport report) {
		return diagnostics.violations(report, diagnostics.findings(report));
	}

}
