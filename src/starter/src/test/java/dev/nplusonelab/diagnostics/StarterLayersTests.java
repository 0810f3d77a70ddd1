package dev.nplusonelab.diagnostics;

import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's parts and the rules between them: what captures statements knows nothing
 * of the web or of what detects patterns; what detects knows nothing of the Servlet API;
 * only {@code autoconfigure} knows Spring Boot's auto-configuration; no two parts depend
 * on each other. Its public types are the API an application uses and, named apart, the
 * few that are public only so that one part can wire another.
 */
class StarterLayersTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.nplusonelab.diagnostics");

	/**
	 * What an application uses: the capture, the report, a finding, the extension points,
	 * the test API.
	 */
	static final Set<String> API = Set.of("NPlusOneProperties", "capture.SqlCapture", "capture.RequestReport",
			"capture.StatementRecord", "capture.Fetched", "capture.DataAccess", "capture.Database",
			"detect.NPlusOneDetector", "detect.SqlDiagnostics", "detect.Finding", "detect.Violation",
			"detect.RepeatedLookup", "detect.FixSuggester", "detect.SqlRuleScope", "detect.StatementSummary",
			"history.SqlRequestHistory", "history.SqlExplainer", "web.SqlReportTags", "web.StatementBudget",
			"web.StreamedResponse", "web.SqlReportListener", "web.SqlPanelRenderer", "web.DiagnosticsAccess",
			"web.SqlMetrics", "web.PanelLinks", "web.PanelUrls", "actuate.SqlRequestsEndpoint", "test.SqlAssertions",
			"test.ReportAssertions", "test.ReportAssert", "test.ExpectStatements", "test.SqlBaseline",
			"autoconfigure.NPlusOneAutoConfiguration", "autoconfigure.NPlusOneWebAutoConfiguration",
			"autoconfigure.NPlusOneWebMvcAutoConfiguration", "autoconfigure.NPlusOneEndpointAutoConfiguration",
			"autoconfigure.NPlusOneDataJdbcAutoConfiguration", "autoconfigure.NPlusOneHibernateAutoConfiguration",
			"autoconfigure.NPlusOneTracingAutoConfiguration", "detect.IndexHint");

	/**
	 * Public only because another part wires or reads them: the factories the
	 * auto-configurations call, the support that detection shares with the capture, the
	 * mapping suggesters the auto-configurations create, the MVC interceptor, and the
	 * JUnit extension the annotation names.
	 */
	static final Set<String> WIRING = Set.of("capture.Capturing", "capture.Failures", "capture.TextCache",
			"capture.Statements", "capture.Fingerprint", "capture.CallSiteFunctions", "detect.HibernateSuggestions",
			"detect.DataJdbcSuggestions", "web.WebDiagnostics", "web.ReportPhaseInterceptor", "tracing.FindingSpans",
			"test.ExpectStatementsExtension", "test.SqlBaselineExtension");

	@Test
	void theCaptureKnowsNothingOfTheWebDetectionOrWiring() {
		noClasses().that()
			.resideInAPackage("..diagnostics.capture..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..diagnostics.detect..", "..diagnostics.history..", "..diagnostics.web..",
					"..diagnostics.actuate..", "..diagnostics.autoconfigure..", "jakarta.servlet..",
					"org.springframework.web..")
			.check(CLASSES);
	}

	@Test
	void detectionKnowsNothingOfTheServletApiOrTheWeb() {
		noClasses().that()
			.resideInAPackage("..diagnostics.detect..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..", "org.springframework.web..", "..diagnostics.web..",
					"..diagnostics.history..", "..diagnostics.actuate..", "..diagnostics.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void onlyAutoconfigureKnowsSpringBootsAutoConfiguration() {
		noClasses().that()
			.resideOutsideOfPackage("..diagnostics.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void noTwoPartsDependOnEachOther() {
		slices().matching("dev.nplusonelab.diagnostics.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void thePublicTypesAreTheApiAndTheFewThatWireThePartsTogether() {
		Set<String> published = new TreeSet<>();
		for (JavaClass type : CLASSES) {
			if (type.getModifiers().contains(JavaModifier.PUBLIC) && type.isTopLevelClass()
					&& !type.getSimpleName().equals("package-info")) {
				published.add(type.getName().substring("dev.nplusonelab.diagnostics.".length()));
			}
		}
		Set<String> expected = new TreeSet<>(API);
		expected.addAll(WIRING);

		assertThat(published).isEqualTo(expected);
	}

}
