package dev.nplusonelab.diagnostics.test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.test.Baseline.Comparison;
import dev.nplusonelab.diagnostics.test.Baseline.Measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BaselineTests {

	private static final String OWNERS = "select o.id, o.name from owner o order by o.name";

	private static final String PETS = "select p.id, p.name from pet p where p.owner_id=?";

	private static final String OWNERS_WITH_PETS = "select o.id, o.name, p.name from owner o join pet p on p.owner_id=o.id";

	@Test
	void aTestWithoutABaselineIsRecordedWholeAndPasses() {
		Map<String, Measure> run = Map.of("GET /owners", measure(OWNERS, 1, PETS, 10), Baseline.OUTSIDE_REQUESTS,
				Measure.of(0, List.of()));

		Comparison comparison = Baseline.compare(null, run, 0);

		assertThat(comparison.passed()).isTrue();
		assertThat(comparison.recorded()).containsExactly("(outside requests): 0 statements",
				"GET /owners: 11 statements");
		assertThat(comparison.lower()).isEmpty();
		assertThat(comparison.kept()).isEqualTo(run);
	}

	@Test
	void aRequestThatRunsMoreAndANewStatementFailsWithAShortDiff() {
		Map<String, Measure> before = Map.of("GET /owners", measure(OWNERS_WITH_PETS, 1));
		Map<String, Measure> after = Map.of("GET /owners", measure(OWNERS, 1, PETS, 10));

		Comparison comparison = Baseline.compare(before, after, 0);

		assertThat(comparison.passed()).isFalse();
		assertThat(comparison.exceeded())
			.containsExactly("GET /owners: 1 → 11 statements; new: " + PETS + " (×10), " + OWNERS + " (×1)");
		assertThat(comparison.kept()).isEqualTo(before);
	}

	@Test
	void aRepeatedStatementThatRepeatsMoreIsListedWithBothCounts() {
		Map<String, Measure> before = Map.of("GET /owners", measure(OWNERS, 1, PETS, 2));
		Map<String, Measure> after = Map.of("GET /owners", measure(OWNERS, 1, PETS, 10));

		assertThat(Baseline.compare(before, after, 0).exceeded())
			.containsExactly("GET /owners: 3 → 11 statements; more: " + PETS + " (×2 → ×10)");
	}

	@Test
	void aCountWithinTheToleranceOfItsBaselinePassesAndOnePastItFails() {
		Map<String, Measure> before = Map.of("GET /owners", measure(OWNERS, 1, PETS, 2));

		Comparison within = Baseline.compare(before, Map.of("GET /owners", measure(OWNERS, 1, PETS, 4)), 2);
		Comparison past = Baseline.compare(before, Map.of("GET /owners", measure(OWNERS, 1, PETS, 5)), 2);

		assertThat(within.passed()).isTrue();
		assertThat(within.lower()).isEmpty();
		assertThat(within.recorded()).isEmpty();
		assertThat(past.exceeded()).containsExactly("GET /owners: 3 → 6 statements; more: " + PETS + " (×2 → ×5)");
	}

	@Test
	void aStatementOfANewShapeFailsWhateverTheToleranceAndTheCount() {
		Map<String, Measure> before = Map.of("GET /owners", measure(OWNERS, 1, PETS, 2));

		Comparison same = Baseline.compare(before, Map.of("GET /owners", measure(OWNERS, 1, PETS, 1, "select 1", 1)),
				5);
		Comparison more = Baseline.compare(before, Map.of("GET /owners", measure(OWNERS, 1, PETS, 3, "select 1", 1)),
				5);

		assertThat(same.exceeded()).containsExactly("GET /owners: 3 statements, as before; new: select 1 (×1)");
		assertThat(more.exceeded())
			.containsExactly("GET /owners: 3 → 5 statements (within the tolerance of 5); new: select 1 (×1)");
	}

	@Test
	void aRequestThatRunsFewerIsReportedAndPassesAndTheBaselineKeepsItsCount() {
		Map<String, Measure> before = Map.of("GET /owners", measure(OWNERS, 1, PETS, 10), "GET /pets",
				measure(PETS, 1));
		Map<String, Measure> after = Map.of("GET /owners", measure(OWNERS, 1));

		Comparison comparison = Baseline.compare(before, after, 0);

		assertThat(comparison.passed()).isTrue();
		assertThat(comparison.lower()).containsExactly("GET /owners: 11 → 1 statement; gone: " + PETS,
				"GET /pets: in the baseline, not run this time");
		assertThat(comparison.recorded()).isEmpty();
		assertThat(comparison.kept()).isEqualTo(before);
	}

	@Test
	void aFixThatRunsFewerStatementsOfANewShapeFailsUntilTheBaselineIsUpdated() {
		Map<String, Measure> before = Map.of("GET /owners", measure(OWNERS, 1, PETS, 10));

		Comparison comparison = Baseline.compare(before, Map.of("GET /owners", measure(OWNERS_WITH_PETS, 1)), 0);

		assertThat(comparison.exceeded())
			.containsExactly("GET /owners: 11 → 1 statement; new: " + OWNERS_WITH_PETS + " (×1)");
	}

	@Test
	void aStatementThatNoLongerRunsIsReportedEvenWhenTheCountStaysTheSame() {
		Map<String, Measure> before = Map.of("GET /owners", measure(OWNERS, 1, PETS, 1));
		Map<String, Measure> after = Map.of("GET /owners", measure(OWNERS, 2));

		Comparison comparison = Baseline.compare(before, after, 0);

		assertThat(comparison.passed()).isTrue();
		assertThat(comparison.lower()).containsExactly("GET /owners: 2 statements, as before; gone: " + PETS);
	}

	@Test
	void theSameCountsPassSilently() {
		Map<String, Measure> before = Map.of("GET /owners", measure(OWNERS, 1, PETS, 10));

		Comparison comparison = Baseline.compare(before, Map.of("GET /owners", measure(OWNERS, 1, PETS, 10)), 0);

		assertThat(comparison.passed()).isTrue();
		assertThat(comparison.lower()).isEmpty();
		assertThat(comparison.recorded()).isEmpty();
	}

	@Test
	void aNewRequestInATestWithABaselineIsRecordedNextToTheOthers() {
		Map<String, Measure> before = Map.of("GET /owners", measure(OWNERS, 1));
		Map<String, Measure> after = Map.of("GET /owners", measure(OWNERS, 1), "GET /pets", measure(PETS, 1));

		Comparison comparison = Baseline.compare(before, after, 0);

		assertThat(comparison.passed()).isTrue();
		assertThat(comparison.recorded()).containsExactly("GET /pets: 1 statement");
		assertThat(comparison.kept()).isEqualTo(after);
		assertThat(comparison.kept().keySet()).containsExactly("GET /owners", "GET /pets");
	}

	@Test
	void theFileHoldsEachTestsRequestsWithTheirCountsAndShapesSorted() {
		Baseline baseline = new Baseline();
		baseline.put("com.example.OwnerTests", "list", Map.of("GET /owners", measure(PETS, 2, OWNERS, 1)));
		baseline.put("com.example.AOwnerTests", "one", Map.of(Baseline.OUTSIDE_REQUESTS, Measure.of(0, List.of())));

		String json = baseline.toJson();

		assertThat(json).isEqualTo("""
				{
				  "com.example.AOwnerTests" : {
				    "one" : {
				      "(outside requests)" : {
				        "fingerprints" : { },
				        "statements" : 0
				      }
				    }
				  },
				  "com.example.OwnerTests" : {
				    "list" : {
				      "GET /owners" : {
				        "fingerprints" : {
				          "%s" : 1,
				          "%s" : 2
				        },
				        "statements" : 3
				      }
				    }
				  }
				}
				""".formatted(OWNERS, PETS));
		Baseline read = Baseline.parse(json);
		assertThat(read.test("com.example.OwnerTests", "list"))
			.isEqualTo(baseline.test("com.example.OwnerTests", "list"));
		assertThat(read.test("com.example.AOwnerTests", "one")).containsOnlyKeys(Baseline.OUTSIDE_REQUESTS);
		assertThat(read.toJson()).isEqualTo(json);
		assertThat(read.isEmpty()).isFalse();
	}

	@Test
	void aTestOrClassTheFileDoesNotHaveHasNoBaseline() {
		Baseline baseline = new Baseline();
		assertThat(baseline.isEmpty()).isTrue();
		baseline.put("com.example.OwnerTests", "list", Map.of("GET /owners", measure(OWNERS, 1)));

		assertThat(baseline.test("com.example.OwnerTests", "detail")).isNull();
		assertThat(baseline.test("com.example.PetTests", "list")).isNull();
		assertThat(Baseline.parse("{}").isEmpty()).isTrue();
	}

	@Test
	void aFileThatIsNotABaselineIsRejectedNamingWhere() {
		assertThatIllegalArgumentException().isThrownBy(() -> Baseline.parse("[]"))
			.withMessage("Expected an object for the file");
		assertThatIllegalArgumentException().isThrownBy(() -> Baseline.parse("{\"C\": {\"t\": 1}}"))
			.withMessage("Expected an object for C t");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> Baseline.parse("{\"C\": {\"t\": {\"GET /\": {\"statements\": -1, \"fingerprints\": {}}}}}"))
			.withMessage("Expected a count of statements for C t GET /");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> Baseline.parse("{\"C\": {\"t\": {\"GET /\": {\"statements\": 1.0, \"fingerprints\": {}}}}}"))
			.withMessage("Expected a count of statements for C t GET /");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Baseline
				.parse("{\"C\": {\"t\": {\"GET /\": {\"statements\": 3000000000, \"fingerprints\": {}}}}}"))
			.withMessage("Expected a count of statements for C t GET /");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Baseline
				.parse("{\"C\": {\"t\": {\"GET /\": {\"statements\": 1, \"fingerprints\": {\"x\": \"1\"}}}}}"))
			.withMessage("Expected a count of statements for C t GET /");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Baseline.parse("{\"C\": {\"t\": {\"GET /\": {\"statements\": 1}}}}"))
			.withMessage("Expected an object for C t GET / fingerprints");
	}

	@Test
	void aMeasureCountsEachShapeItRan() {
		Measure measure = Measure.of(4, List.of(PETS, OWNERS, PETS, PETS));

		assertThat(measure.statements()).isEqualTo(4);
		assertThat(measure.fingerprints()).containsExactly(Map.entry(OWNERS, 1), Map.entry(PETS, 3));
		assertThat(Baseline.statements(1)).isEqualTo("1 statement");
		assertThat(Baseline.statements(0)).isEqualTo("0 statements");
	}

	/** Statements and how many times each ran, in pairs. */
	private static Measure measure(Object... pairs) {
		List<String> fingerprints = new java.util.ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fingerprints.addAll(Collections.nCopies((Integer) pairs[i + 1], (String) pairs[i]));
		}
		return Measure.of(fingerprints.size(), fingerprints);
	}

}
