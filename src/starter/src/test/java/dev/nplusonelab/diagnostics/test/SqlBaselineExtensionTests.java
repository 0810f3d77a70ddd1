package dev.nplusonelab.diagnostics.test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ApplicationContext;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.env.MapPropertySource;

import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.test.Baseline.Measure;
import dev.nplusonelab.diagnostics.test.SqlBaselineExtension.Requests;
import dev.nplusonelab.diagnostics.test.SqlBaselineExtension.Run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SqlBaselineExtensionTests {

	private static final String OWNERS = "select o.id, o.name from owner o";

	private static final String PETS = "select p.name from pet p where p.owner_id=?";

	private static final String CLASS = "com.example.OwnerTests";

	private static final Set<String> METHODS = Set.of("list", "pets");

	@TempDir
	Path directory;

	@Test
	void eachRequestIsKeyedByItsRouteAndQueryAndNumberedFromItsSecondTime() {
		Requests requests = new Requests(Thread.currentThread().getName(), "/actuator");
		requests.completed(new RecordedStatements().ran(OWNERS, 2).report(1, "GET", "/owners/3", "/owners/{id}"),
				"mode=naive");
		requests.completed(new RecordedStatements().ran(OWNERS, 2).report(2, "GET", "/owners/4", "/owners/{id}"),
				"mode=naive");
		requests.completed(new RecordedStatements().report(3, "GET", "/nowhere", "NOT_FOUND"), null);
		requests.completed(new RecordedStatements().report(4, "POST", "/failed", "UNKNOWN"), "");
		requests.completed(new RecordedStatements().ran(OWNERS, 1)
			.report(6, "GET", "/actuator/sqlrequests/7/1", "/actuator/sqlrequests/{id}/{index}"), null);
		requests.completed(new RecordedStatements().report(8, "GET", "/actuator", "/actuator"), null);
		requests.completed(new RecordedStatements().report(9, "GET", "/actuators", "/actuators"), null);
		RequestReport own = new RecordedStatements().ran(OWNERS, 2)
			.ran(OWNERS, 2)
			.ran(OWNERS, 1)
			.ran(PETS, 1)
			.report(5, "TEST", "t", "t");

		Map<String, Measure> measures = requests.measures(own);

		assertThat(measures).containsOnlyKeys("GET /owners/{id}?mode=naive", "GET /owners/{id}?mode=naive #2",
				"GET /nowhere", "POST /failed", "GET /actuators", Baseline.OUTSIDE_REQUESTS);
		assertThat(measures.get("GET /owners/{id}?mode=naive")).isEqualTo(Measure.of(1, List.of(OWNERS)));
		assertThat(measures.get("GET /nowhere")).isEqualTo(Measure.of(0, List.of()));
		// The Actuator's statement ran on the test's thread all the same: it is not the
		// test's own
		assertThat(measures.get(Baseline.OUTSIDE_REQUESTS)).isEqualTo(Measure.of(1, List.of(PETS)));
	}

	@Test
	void whatTheTestRanOnItsOwnThreadOutsideItsRequestsIsCountedApart() {
		Requests requests = new Requests(Thread.currentThread().getName(), "/actuator");
		// A MockMvc request runs on the test's thread: the test's report holds its
		// statements too
		requests.completed(new RecordedStatements().ran(OWNERS, 10).ran(PETS, 1).report(1, "/owners"), null);
		RequestReport own = new RecordedStatements().ran(OWNERS, 10)
			.ran(PETS, 1)
			.ran(PETS, 1)
			.ran(PETS, 1)
			.report(2, "TEST", "t", "t");

		assertThat(requests.measures(own).get(Baseline.OUTSIDE_REQUESTS)).isEqualTo(Measure.of(2, List.of(PETS, PETS)));
	}

	@Test
	void aRequestServedOnAnotherThreadIsNotTakenFromTheTestsOwnStatements() throws Exception {
		Requests requests = new Requests(Thread.currentThread().getName(), "/actuator");
		// Real HTTP: the server's thread has a report of its own, which the test's does
		// not see
		RequestReport served = CompletableFuture
			.supplyAsync(() -> new RecordedStatements().ran(OWNERS, 10).ran(PETS, 1).report(1, "/owners"))
			.get();
		requests.completed(served, null);
		RequestReport own = new RecordedStatements().ran(PETS, 1).report(2, "TEST", "t", "t");

		Map<String, Measure> measures = requests.measures(own);

		assertThat(measures.get("GET /owners")).isEqualTo(Measure.of(2, List.of(OWNERS, PETS)));
		assertThat(measures.get(Baseline.OUTSIDE_REQUESTS)).isEqualTo(Measure.of(1, List.of(PETS)));
	}

	@Test
	void theActuatorIsFoundUnderTheApplicationsPaths() {
		assertThat(SqlBaselineExtension.management(application(Map.of()))).isEqualTo("/actuator");
		assertThat(SqlBaselineExtension.management(application(
				Map.of("management.endpoints.web.base-path", "/manage/", "server.servlet.context-path", "/shop/"))))
			.isEqualTo("/shop/manage");
		assertThat(SqlBaselineExtension.management(application(Map.of("management.endpoints.web.base-path", "/"))))
			.isEmpty();
		Requests everything = new Requests("main", "");
		everything.completed(new RecordedStatements().report(1, "GET", "/actuator/health", "/actuator/health"), null);
		assertThat(everything.measures(new RecordedStatements().report())).containsKey("GET /actuator/health");
	}

	private static ApplicationContext application(Map<String, Object> properties) {
		StaticApplicationContext application = new StaticApplicationContext();
		application.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
		return application;
	}

	@Test
	void aFirstRunRecordsTheFileAndSaysSo() throws Exception {
		Path file = this.directory.resolve("src/test/resources/nplusone-baseline.json");
		Run run = new Run(CLASS, "baseline.json", file, 0, false, METHODS);

		String told = run.record("list", Map.of("GET /owners", Measure.of(1, List.of(OWNERS))));
		run.failIfExceeded("list");
		String written = run.write();

		assertThat(told).isEqualTo("list recorded into baseline.json: GET /owners: 1 statement");
		assertThat(written).isEqualTo("recorded 1 test of " + CLASS + " in " + file);
		Baseline baseline = Baseline.parse(Files.readString(file));
		assertThat(baseline.test(CLASS, "list")).containsEntry("GET /owners", Measure.of(1, List.of(OWNERS)));
	}

	@Test
	void aLaterRunThatRunsMoreFailsAndLeavesTheFileAsItWas() throws Exception {
		Path file = this.directory.resolve("baseline.json");
		record(file, false, Map.of("GET /owners", Measure.of(1, List.of(OWNERS))));
		String before = Files.readString(file);
		Run run = new Run(CLASS, "baseline.json", file, 0, false, METHODS);

		assertThat(run.record("list", Map.of("GET /owners", Measure.of(11, pets(OWNERS, 10))))).isNull();

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> run.failIfExceeded("list")).withMessage("""
				SQL statements past the baseline in baseline.json:
				  GET /owners: 1 → 11 statements; new: %s (×10)
				If this is on purpose, run again with -Dnplusone.baseline=update""".formatted(PETS));
		assertThat(run.write()).isNull();
		assertThat(Files.readString(file)).isEqualTo(before);
	}

	@Test
	void theToleranceIsNamedInTheFailure() throws Exception {
		Path file = this.directory.resolve("baseline.json");
		record(file, false, Map.of("GET /owners", Measure.of(1, List.of(OWNERS))));
		Run run = new Run(CLASS, "baseline.json", file, 2, false, METHODS);

		run.record("list", Map.of("GET /owners", Measure.of(11, pets(OWNERS, 10))));

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> run.failIfExceeded("list"))
			.withMessageStartingWith("SQL statements past the baseline in baseline.json (tolerance 2):\n");
	}

	@Test
	void anUpdateRewritesTheTestsItRanAndFailsNone() throws Exception {
		Path file = this.directory.resolve("baseline.json");
		record(file, false, Map.of("GET /owners", Measure.of(1, List.of(OWNERS))));
		Run other = new Run("com.example.PetTests", "baseline.json", file, 0, false, METHODS);
		other.record("pets", Map.of("GET /pets", Measure.of(1, List.of(PETS))));
		other.write();
		Run run = new Run(CLASS, "baseline.json", file, 0, true, METHODS);

		assertThat(run.record("list", Map.of("GET /owners", Measure.of(11, pets(OWNERS, 10))))).isNull();
		run.failIfExceeded("list");
		String written = run.write();

		assertThat(written).isEqualTo("updated 1 test of " + CLASS + " in " + file);
		Baseline baseline = Baseline.parse(Files.readString(file));
		assertThat(baseline.test(CLASS, "list")).containsOnlyKeys("GET /owners")
			.containsEntry("GET /owners", Measure.of(11, pets(OWNERS, 10)));
		assertThat(baseline.test("com.example.PetTests", "pets")).containsOnlyKeys("GET /pets");
		// And the run after it passes
		Run next = new Run(CLASS, "baseline.json", file, 0, false, METHODS);
		assertThat(next.record("list", Map.of("GET /owners", Measure.of(11, pets(OWNERS, 10))))).isNull();
		next.failIfExceeded("list");
		assertThat(next.write()).isNull();
	}

	@Test
	void anUpdateDropsTheTestsOfMethodsTheClassNoLongerHasAndNoOthers() throws Exception {
		Path file = this.directory.resolve("baseline.json");
		Run before = new Run(CLASS, "baseline.json", file, 0, false, Set.of("list", "gone", "kept"));
		before.record("list", Map.of("GET /owners", Measure.of(1, List.of(OWNERS))));
		before.record("gone", Map.of("GET /gone", Measure.of(1, List.of(OWNERS))));
		before.record("gone [1] n = 2", Map.of("GET /gone", Measure.of(1, List.of(OWNERS))));
		before.record("kept [1] n = 2", Map.of("GET /kept", Measure.of(1, List.of(OWNERS))));
		before.write();
		Run other = new Run("com.example.PetTests", "baseline.json", file, 0, false, Set.of("pets"));
		other.record("pets", Map.of("GET /pets", Measure.of(1, List.of(PETS))));
		other.write();
		// Only an update drops them: a run that records a new request keeps them
		Run recording = new Run(CLASS, "baseline.json", file, 0, false, Set.of("list"));
		recording.record("list",
				Map.of("GET /owners", Measure.of(1, List.of(OWNERS)), "GET /new", Measure.of(1, List.of(OWNERS))));
		assertThat(recording.write()).isNotNull();
		assertThat(Baseline.parse(Files.readString(file)).test(CLASS, "gone")).isNotNull();

		// Renamed or deleted: gone. Not run this time, as with -Dtest: kept
		Run update = new Run(CLASS, "baseline.json", file, 0, true, Set.of("list", "kept"));
		update.record("list", Map.of("GET /owners", Measure.of(1, List.of(OWNERS))));
		update.write();

		Baseline baseline = Baseline.parse(Files.readString(file));
		assertThat(baseline.test(CLASS, "gone")).isNull();
		assertThat(baseline.test(CLASS, "gone [1] n = 2")).isNull();
		assertThat(baseline.test(CLASS, "list")).isNotNull();
		assertThat(baseline.test(CLASS, "kept [1] n = 2")).isNotNull();
		assertThat(baseline.test("com.example.PetTests", "pets")).isNotNull();
	}

	@Test
	void aClassesMethodsIncludeThoseItInherits() {
		assertThat(SqlBaselineExtension.methods(Inheriting.class)).contains("inherited", "own")
			.doesNotContain("hashCode");
	}

	static class Inherited {

		void inherited() {
		}

	}

	static class Inheriting extends Inherited {

		void own() {
		}

	}

	@Test
	void fewerStatementsAreToldAndTheFileKeepsItsCount() throws Exception {
		Path file = this.directory.resolve("baseline.json");
		record(file, false, Map.of("GET /owners", Measure.of(11, pets(OWNERS, 10))));
		String before = Files.readString(file);
		Run run = new Run(CLASS, "baseline.json", file, 0, false, METHODS);

		String told = run.record("list", Map.of("GET /owners", Measure.of(1, List.of(OWNERS))));
		run.failIfExceeded("list");

		assertThat(told).isEqualTo("list below the baseline in baseline.json (run with -Dnplusone.baseline=update "
				+ "to lower it): GET /owners: 11 → 1 statement; gone: " + PETS);
		assertThat(run.write()).isNull();
		assertThat(Files.readString(file)).isEqualTo(before);
	}

	@Test
	void aFileThatIsNotABaselineStopsTheRunNamingIt() throws Exception {
		Path file = this.directory.resolve("baseline.json");
		Files.writeString(file, "{\"C\": []}", StandardCharsets.UTF_8);

		assertThatIllegalStateException().isThrownBy(() -> new Run(CLASS, "baseline.json", file, 0, false, METHODS))
			.withMessage("The SQL baseline " + file + " is not one: Expected an object for C");
	}

	@Test
	void aRelativeFileIsTakenFromTheModulesDirectory() {
		String basedir = System.getProperty("basedir", System.getProperty("user.dir"));

		assertThat(SqlBaselineExtension.resolve("src/test/resources/nplusone-baseline.json"))
			.isEqualTo(Path.of(basedir, "src", "test", "resources", "nplusone-baseline.json").toAbsolutePath());
		assertThat(SqlBaselineExtension.resolve(this.directory.resolve("a/../b.json").toString()))
			.isEqualTo(this.directory.resolve("b.json"));
	}

	private static void record(Path file, boolean update, Map<String, Measure> measures) {
		Run run = new Run(CLASS, "baseline.json", file, 0, update, METHODS);
		run.record("list", measures);
		assertThat(run.write()).isNotNull();
	}

	private static List<String> pets(String first, int pets) {
		List<String> fingerprints = new java.util.ArrayList<>(List.of(first));
		for (int i = 0; i < pets; i++) {
			fingerprints.add(PETS);
		}
		return fingerprints;
	}

}
