package dev.nplusonelab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of the lab, as rules that fail the build when a change crosses one: the
 * diagnostics starter and the query layer know nothing of the bookstore, the store knows
 * no page, the web plumbing and the guide know no feature, and no two packages depend on
 * each other.
 */
class StructureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.nplusonelab");

	private static final String[] FEATURES = { "dev.nplusonelab.book..", "dev.nplusonelab.author..",
			"dev.nplusonelab.order..", "dev.nplusonelab.customer..", "dev.nplusonelab.home..",
			"dev.nplusonelab.mistake..", "dev.nplusonelab.api..", "dev.nplusonelab.lab..", "dev.nplusonelab.export..",
			"dev.nplusonelab.compare..", "dev.nplusonelab.detection.." };

	@Test
	void theQueryLayerImportsNothingOfTheApplication() {
		noClasses().that()
			.resideInAPackage("dev.nplusonelab.query..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(everythingBut("dev.nplusonelab.query.."))
			.check(CLASSES);
	}

	/**
	 * The starter is built on its own too (the invoker build), where the compiler
	 * enforces this; here it fails as soon as the lab's build compiles a crossing.
	 */
	@Test
	void theDiagnosticsStarterImportsNothingOfTheApplication() {
		noClasses().that()
			.resideInAPackage("dev.nplusonelab.diagnostics..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(everythingBut("dev.nplusonelab.diagnostics.."))
			.check(CLASSES);
	}

	/**
	 * The lab uses the starter as any application would: through its API, never through
	 * the types that are public only so that one of its parts can wire another.
	 */
	@Test
	void theLabUsesTheStarterThroughItsApiOnly() {
		noClasses().that()
			.resideOutsideOfPackage("dev.nplusonelab.diagnostics..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("dev.nplusonelab.diagnostics.capture.Capturing")
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.nplusonelab.diagnostics.autoconfigure..")
			.orShould()
			.dependOnClassesThat()
			.haveNameMatching("dev\\.nplusonelab\\.diagnostics\\.(capture\\.(Failures|TextCache|Statements|Fingerprint)"
					+ "|detect\\.(HibernateSuggestions|DataJdbcSuggestions)|web\\.(WebDiagnostics|ReportPhaseInterceptor))")
			.check(CLASSES);
	}

	@Test
	void theStoreKnowsTheQueryLayerButNoPageOrPlumbing() {
		noClasses().that()
			.resideInAPackage("dev.nplusonelab.store..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(everythingBut("dev.nplusonelab.store..", "dev.nplusonelab.query.."))
			.check(CLASSES);
	}

	@Test
	void theWebPlumbingKnowsNoFeature() {
		noClasses().that()
			.resideInAPackage("dev.nplusonelab.system..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(FEATURES)
			.check(CLASSES);
	}

	@Test
	void theGuideKnowsNoFeature() {
		noClasses().that()
			.resideInAPackage("dev.nplusonelab.guide..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(FEATURES)
			.check(CLASSES);
	}

	@Test
	void noTwoPackagesDependOnEachOther() {
		slices().matching("dev.nplusonelab.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	/** Every package of the application except these. */
	private static String[] everythingBut(String... allowed) {
		java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(FEATURES));
		all.addAll(
				java.util.List.of("dev.nplusonelab.system..", "dev.nplusonelab.guide..", "dev.nplusonelab.sqlreport..",
						"dev.nplusonelab.store..", "dev.nplusonelab.query..", "dev.nplusonelab.diagnostics.."));
		all.removeAll(java.util.List.of(allowed));
		return all.toArray(String[]::new);
	}

}
