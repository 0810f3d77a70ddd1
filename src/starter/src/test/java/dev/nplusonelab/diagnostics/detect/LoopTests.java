package dev.nplusonelab.diagnostics.detect;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.detect.Finding.Kind;
import dev.nplusonelab.diagnostics.detect.Finding.Site;

import dev.nplusonelab.diagnostics.capture.DataAccess;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;

import static dev.nplusonelab.diagnostics.capture.RecordedStatements.unseen;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One loop, one finding: potential N+1s issued for the same list, as many times each,
 * that run in rounds of one of each in one order, are one loop that lists them and has
 * one fix; N+1s that are not one loop stay findings of their own.
 * <p>
 * Texts are {@link RecordedStatements#unseen unseen}: the detector keeps what it read
 * from each text for the life of the JVM, which PIT's mutants share.
 */
class LoopTests {

	private final NPlusOneDetector detector = new NPlusOneDetector();

	private final String visits = unseen("SELECT id, pet_id, type_id, owner_id FROM visit ORDER BY visit_date");

	private final String petById = unseen("SELECT name FROM pet WHERE id = ?");

	private final String typeById = unseen("SELECT name FROM type WHERE id = ?");

	private final String ownerById = unseen("SELECT name FROM owner WHERE id = ?");

	/**
	 * Each of four visits' pet, type and owner, each looked up on a line of its own, all
	 * called from one line of the controller: a loop of 3 statements × 4 rows.
	 */
	@Test
	void threeLookupsPerRowOfOneListAreOneLoopWithEachStatementAndOneFix() {
		RecordedStatements statements = new RecordedStatements().from("VisitController.java:20").ran(this.visits, 4);
		for (long row = 1; row <= 4; row++) {
			statements.calledBy("VisitController.java:22")
				.from("PetLookup.java:11")
				.ran(this.petById, 1, row)
				.from("TypeLookup.java:12")
				.ran(this.typeById, 1, 10 + row)
				.from("OwnerLookup.java:13")
				.ran(this.ownerById, 1, 20 + row);
		}

		List<Finding> findings = this.detector.findings(statements.list());

		assertThat(findings).singleElement().satisfies((loop) -> {
			assertThat(loop.kind()).isEqualTo(Kind.LOOP);
			assertThat(loop.isNPlusOne()).isTrue();
			assertThat(loop.count()).isEqualTo(12);
			assertThat(loop.distinctParameterSets()).isEqualTo(4);
			assertThat(loop.callSite()).isEqualTo("VisitController.java:22");
			assertThat(loop.indexes()).hasSize(12).startsWith(2, 3, 4).endsWith(13);
			assertThat(loop.source().index()).isEqualTo(1);
			assertThat(loop.members()).extracting(Finding::kind).containsOnly(Kind.N_PLUS_ONE);
			assertThat(loop.members()).extracting(Finding::sql)
				.containsExactly(this.petById, this.typeById, this.ownerById);
			assertThat(loop.sites()).containsExactly(new Site("PetLookup.java:11", 4),
					new Site("TypeLookup.java:12", 4), new Site("OwnerLookup.java:13", 4));
			assertThat(loop.message()).startsWith("loop: 3 statements × 4 rows = 12 statements from "
					+ "VisitController.java:22, over the 4 rows of #1 (SELECT id, pet_id, type_id, owner_id FROM visit "
					+ "ORDER BY visit_date), 1.2 ms: SELECT name FROM pet WHERE id = ? from PetLookup.java:11; SELECT "
					+ "name FROM type WHERE id = ? from TypeLookup.java:12; SELECT name FROM owner WHERE id = ? from "
					+ "OwnerLookup.java:13. Fix: ");
			assertThat(loop.label()).isEqualTo("loop · 3 statements × 4 rows = 12 statements");
			assertThat(loop.suggestion().summary()).isEqualTo("load what the loop looks up for all of the 4 rows of "
					+ "#1 at once, 3 statements instead of 12, or join their tables into the list's statement; 1) pet: load pet by "
					+ "id for all rows at once, binding the collected ids as one Long[]; 2) type: load type by id for "
					+ "all rows at once, binding the collected ids as one Long[]; 3) owner: load owner by id for all "
					+ "rows at once, binding the collected ids as one Long[]");
			assertThat(loop.suggestion().code()).isEqualTo("1) SELECT … FROM pet WHERE id = ANY(?); 2) SELECT … FROM "
					+ "type WHERE id = ANY(?); 3) SELECT … FROM owner WHERE id = ANY(?)");
		});
	}

	/**
	 * The loop's fix joins as the code that sent it does: a fetch join for Hibernate, a
	 * query of its own for Spring Data JDBC's aggregates.
	 */
	@Test
	void theLoopsFixJoinsInTheTermsOfTheCodeThatSentIt() {
		assertThat(loopFix(DataAccess.HIBERNATE))
			.contains(" 2 statements instead of 4, or join fetch them in the " + "list's query; 1) pet: ");
		assertThat(loopFix(DataAccess.SPRING_DATA_JDBC)).contains(" 2 statements instead of 4, or read them with the "
				+ "list in one @Query that joins their tables into a read model; 1) pet: ");
	}

	private String loopFix(DataAccess issuer) {
		RecordedStatements statements = new RecordedStatements().issuedBy(issuer).ran(this.visits, 2);
		for (long row = 1; row <= 2; row++) {
			statements.ran(this.petById, 1, row).ran(this.ownerById, 1, row);
		}
		List<Finding> findings = this.detector.findings(statements.list());
		assertThat(findings).singleElement().extracting(Finding::kind).isEqualTo(Kind.LOOP);
		return findings.get(0).suggestion().summary();
	}

	/**
	 * Two lookups with the same fix (an aggregate and the rows that come with it) are
	 * named once in the loop's fix, with both their tables.
	 */
	@Test
	void membersWithTheSameFixAreNamedOnceInTheLoopsFix() {
		FixSuggester same = (lookup) -> new Finding.Suggestion("join", List.of("visit.pet"), "join the pet",
				"JOIN pet");
		RecordedStatements statements = new RecordedStatements().ran(this.visits, 2);
		for (long row = 1; row <= 2; row++) {
			statements.ran(this.petById, 1, row).ran(this.ownerById, 1, row);
		}

		List<Finding> findings = new NPlusOneDetector(List.of(same)).findings(statements.list());

		assertThat(findings).singleElement().satisfies((loop) -> {
			assertThat(loop.suggestion().summary()).endsWith("; 1) pet, owner: join the pet");
			assertThat(loop.suggestion().code()).isEqualTo("1) JOIN pet");
			assertThat(loop.suggestion().relations()).containsExactly("visit.pet");
		});
	}

	/**
	 * Lookups whose lines share no caller: the loop is named after its first statement's
	 * line, not a line none of them came through.
	 */
	@Test
	void withNoLineInCommonTheLoopIsNamedAfterItsFirstStatement() {
		RecordedStatements statements = new RecordedStatements().ran(this.visits, 2);
		for (long row = 1; row <= 2; row++) {
			statements.calledBy("A.java:1").from("PetLookup.java:11").ran(this.petById, 1, row);
			statements.calledBy("B.java:2").from("TypeLookup.java:12").ran(this.typeById, 1, row);
		}

		assertThat(this.detector.findings(statements.list())).singleElement().satisfies((loop) -> {
			assertThat(loop.kind()).isEqualTo(Kind.LOOP);
			assertThat(loop.callSite()).isEqualTo("PetLookup.java:11");
		});
	}

	/**
	 * Counts that differ (Hibernate found two of the owners in its persistence context
	 * already) are two N+1s, not a loop.
	 */
	@Test
	void lookupsThatRanADifferentNumberOfTimesAreNotOneLoop() {
		RecordedStatements statements = new RecordedStatements().ran(this.visits, 4);
		for (long row = 1; row <= 4; row++) {
			statements.ran(this.petById, 1, row);
			if (row % 2 == 0) {
				statements.ran(this.ownerById, 1, row);
			}
		}

		assertThat(this.detector.findings(statements.list())).extracting(Finding::kind)
			.containsExactly(Kind.N_PLUS_ONE, Kind.N_PLUS_ONE);
	}

	/** Lookups for two different lists are two N+1s, however they interleave. */
	@Test
	void lookupsForDifferentListsAreNotOneLoop() {
		String pets = unseen("SELECT id, type_id FROM pet ORDER BY name");
		RecordedStatements statements = new RecordedStatements().ran(this.visits, 3);
		for (long row = 1; row <= 3; row++) {
			statements.ran(this.ownerById, 1, row);
		}
		statements.ran(pets, 3);
		for (long row = 1; row <= 3; row++) {
			statements.ran(this.typeById, 1, row);
		}

		assertThat(this.detector.findings(statements.list())).extracting(Finding::kind)
			.containsExactly(Kind.N_PLUS_ONE, Kind.N_PLUS_ONE);
	}

	/**
	 * Two loops over one list, one after the other (every pet, then every owner), are two
	 * N+1s: no round runs one of each.
	 */
	@Test
	void lookupsThatRunOneAfterTheOtherAreNotOneLoop() {
		RecordedStatements statements = new RecordedStatements().ran(this.visits, 3);
		for (long row = 1; row <= 3; row++) {
			statements.ran(this.petById, 1, row);
		}
		for (long row = 1; row <= 3; row++) {
			statements.ran(this.ownerById, 1, row);
		}

		assertThat(this.detector.findings(statements.list())).extracting(Finding::kind)
			.containsExactly(Kind.N_PLUS_ONE, Kind.N_PLUS_ONE);
	}

	/**
	 * Lookups that overlap but not in one repeating order (a b, b a, a b) are not one
	 * loop: each round would run them in another order.
	 */
	@Test
	void lookupsThatChangeOrderFromRoundToRoundAreNotOneLoop() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(this.visits, 3)
			.ran(this.petById, 1, 1L)
			.ran(this.ownerById, 1, 1L)
			.ran(this.ownerById, 1, 2L)
			.ran(this.petById, 1, 2L)
			.ran(this.petById, 1, 3L)
			.ran(this.ownerById, 1, 3L)
			.list());

		assertThat(findings).extracting(Finding::kind).containsExactly(Kind.N_PLUS_ONE, Kind.N_PLUS_ONE);
	}

	/**
	 * A round that runs one lookup twice before the next (a a b b) is not one of each;
	 * the first round alone cannot make a pattern out of it.
	 */
	@Test
	void aRoundMustRunEachLookupOnce() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(this.visits, 2)
			.ran(this.petById, 1, 1L)
			.ran(this.petById, 1, 2L)
			.ran(this.ownerById, 1, 1L)
			.ran(this.ownerById, 1, 2L)
			.ran(this.typeById, 1, 1L)
			.ran(this.typeById, 1, 2L)
			.list());

		assertThat(findings).extracting(Finding::kind).containsOnly(Kind.N_PLUS_ONE).hasSize(3);
	}

	/**
	 * A loop of two lookups beside an N+1 of its own over the same list but run after it
	 * (the list's types, once the loop is over): the loop and the N+1, in that order.
	 */
	@Test
	void aLoopLeavesAnotherNPlusOneOverTheSameListOnItsOwn() {
		RecordedStatements statements = new RecordedStatements().ran(this.visits, 3);
		for (long row = 1; row <= 3; row++) {
			statements.ran(this.petById, 1, row).ran(this.ownerById, 1, row);
		}
		for (long row = 1; row <= 3; row++) {
			statements.ran(this.typeById, 1, row);
		}

		List<Finding> findings = this.detector.findings(statements.list());

		assertThat(findings).extracting(Finding::kind).containsExactly(Kind.LOOP, Kind.N_PLUS_ONE);
		assertThat(findings.get(0).members()).extracting(Finding::sql).containsExactly(this.petById, this.ownerById);
		assertThat(findings.get(1).sql()).isEqualTo(this.typeById);
	}

	/**
	 * A loop counts once where N+1s are counted: strict mode's rule breaks once, with the
	 * loop, not once per lookup.
	 */
	@Test
	void aLoopBreaksTheNPlusOneRuleOnce() {
		RecordedStatements statements = new RecordedStatements().ran(this.visits, 2);
		for (long row = 1; row <= 2; row++) {
			statements.ran(this.petById, 1, row).ran(this.ownerById, 1, row);
		}
		List<Finding> findings = this.detector.findings(statements.list());

		assertThat(findings).extracting(Finding::isNPlusOne).containsExactly(true);
		assertThat(findings.get(0).members()).hasSize(2);
	}

}
