package dev.nplusonelab.diagnostics.detect;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.detect.Finding.Kind;

import dev.nplusonelab.diagnostics.capture.RecordedStatements;

import static dev.nplusonelab.diagnostics.capture.RecordedStatements.unseen;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the detector reads from a repeated statement's text, as the fix it names shows it:
 * the table whose key the WHERE clause matches (through an alias, or the table read first
 * when the key is not qualified), the key's column and Java type, whether it aggregates,
 * and which statements are no lookup per row at all (a keyset loop) or match no key.
 * <p>
 * The detector keeps what it read from each text for the life of the JVM, and PIT runs
 * its mutants one after the other in one JVM: every text here is
 * {@link RecordedStatements#unseen unseen}, made fresh for each test, so that it is read
 * under the mutant being tested.
 */
class StatementShapeTests {

	private final String owners = unseen("SELECT id, name FROM owner ORDER BY name");

	private final NPlusOneDetector detector = new NPlusOneDetector();

	/**
	 * The key {@code p.owner_id} belongs to {@code pet}, which the alias {@code p} names,
	 * not to {@code pet_type}, which the statement reads first. Mutants killed: the
	 * aliases not kept, the qualifier ignored, and every step of reading the names
	 * (parts, tables, unquoting) emptied.
	 */
	@Test
	void aQualifiedKeyBelongsToTheTableItsAliasNames() {
		String types = unseen("SELECT t.name FROM pet_type t JOIN pet p ON p.type_id = t.id WHERE p.owner_id = ?");

		assertThat(fixOfLookupsPerOwner(types)).isEqualTo("load pet rows by owner_id for all parents at once, "
				+ "binding the collected owner_id values as one Long[] (SELECT … FROM pet WHERE owner_id = ANY(?))");
	}

	/** Mutants killed: the qualifier read from a key that has none. */
	@Test
	void anUnqualifiedKeyBelongsToTheTableTheStatementReadsFirst() {
		String pets = unseen("SELECT name FROM pet WHERE owner_id = ?");

		assertThat(fixOfLookupsPerOwner(pets)).isEqualTo("load pet rows by owner_id for all parents at once, "
				+ "binding the collected owner_id values as one Long[] (SELECT … FROM pet WHERE owner_id = ANY(?))");
	}

	@Test
	void quotedAndSchemaQualifiedNamesAreReadInLowerCaseWithoutQuotes() {
		String pets = unseen("SELECT \"Pet\".\"Name\" FROM \"Clinic\".\"Pet\" WHERE \"Pet\".\"Owner_Id\" = ?");

		assertThat(fixOfLookupsPerOwner(pets)).endsWith("(SELECT … FROM pet WHERE owner_id = ANY(?))");
	}

	@Test
	void aCountPerRowIsAggregatedForAllParentsAtOnce() {
		String visits = unseen("SELECT count(*) FROM visit WHERE pet_id = ?");

		assertThat(fixOfLookupsPerOwner(visits)).isEqualTo("aggregate visit by pet_id for all parents at once, "
				+ "binding the collected pet_id values as one Long[] "
				+ "(SELECT pet_id, … FROM visit WHERE pet_id = ANY(?) GROUP BY pet_id)");
	}

	/**
	 * On PostgreSQL the keys are bound as one array of the type they were bound as.
	 * Mutants killed: the key's position compared the other way, and its type taken only
	 * when there is none.
	 */
	@Test
	void theArrayAFixBindsHasTheTypeOfTheKeysAsBound() {
		String tags = unseen("SELECT id, name FROM tag WHERE code = ?");
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(this.owners, 3)
			.ran(tags, 1, "java")
			.ran(tags, 1, "sql")
			.ran(tags, 1, "jdbc")
			.list());

		assertThat(findings).singleElement()
			.extracting((finding) -> finding.suggestion().text())
			.isEqualTo("load tag rows by code for all parents at once, binding the collected code values as one "
					+ "String[] (SELECT … FROM tag WHERE code = ANY(?))");
	}

	/**
	 * Keys written into the text as literals are one statement shape all the same, with
	 * no value bound to read a type from. Mutant killed: a bound value read at a position
	 * there is none ({@code <} to {@code <=}), which throws.
	 */
	@Test
	void keysWrittenIntoTheTextAreAnNPlusOneWhoseFixBindsLongs() {
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(this.owners, 3)
			.ran(unseen("SELECT name FROM pet WHERE owner_id = 1"), 2)
			.ran(unseen("SELECT name FROM pet WHERE owner_id = 2"), 1)
			.ran(unseen("SELECT name FROM pet WHERE owner_id = 3"), 4)
			.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Kind.N_PLUS_ONE);
			assertThat(finding.distinctParameterSets()).isEqualTo(3);
			assertThat(finding.suggestion().text()).isEqualTo("load pet rows by owner_id for all parents at once, "
					+ "binding the collected owner_id values as one Long[] (SELECT … FROM pet WHERE owner_id = ANY(?))");
		});
	}

	/**
	 * A read per row whose WHERE clause matches no key with {@code =} or {@code IN} is
	 * reported all the same, without a fix. Mutant killed: the missing key taken as
	 * found, which throws.
	 */
	@Test
	void aLookupPerRowThatMatchesNoKeyIsAnNPlusOneWithoutAFix() {
		String search = unseen("SELECT id FROM book WHERE title LIKE ?");
		List<Finding> findings = this.detector.findings(new RecordedStatements().ran(this.owners, 3)
			.ran(search, 1, "a%")
			.ran(search, 1, "b%")
			.ran(search, 1, "c%")
			.list());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.kind()).isEqualTo(Kind.N_PLUS_ONE);
			assertThat(finding.suggestion()).isNull();
		});
	}

	/**
	 * Each run reads the rows after the last key the previous one returned: one large
	 * result in chunks, not a query per row. Mutant killed: a chunk never recognized.
	 */
	@Test
	void aKeysetLoopThatReadsChunksAfterTheLastKeyIsNotAnNPlusOne() {
		String chunk = unseen("SELECT id, title FROM book WHERE id > ? ORDER BY id LIMIT 100");

		assertThat(this.detector
			.findings(new RecordedStatements().ran(chunk, 100, 0L).ran(chunk, 100, 100L).ran(chunk, 37, 200L).list()))
			.isEmpty();
	}

	/** A table function and Oracle's {@code dual} are no table a statement reads. */
	@Test
	void aTableFunctionOrDualIsNotTheTableAStatementReads() {
		assertThat(NPlusOneDetector
			.tableOf(unseen("SELECT k.id, b.title FROM unnest(?) AS k(id) " + "JOIN book b ON b.id = k.id")))
			.isEqualTo("book");
		assertThat(NPlusOneDetector.tableOf(unseen("SELECT 1 FROM dual"))).isNull();
	}

	/**
	 * The fix for {@code sql} run once for each of three owners, with another key each
	 * time.
	 */
	private String fixOfLookupsPerOwner(String sql) {
		List<Finding> findings = this.detector.findings(
				new RecordedStatements().ran(this.owners, 3).ran(sql, 1, 1L).ran(sql, 1, 2L).ran(sql, 1, 3L).list());
		assertThat(findings).singleElement().extracting(Finding::kind).isEqualTo(Kind.N_PLUS_ONE);
		return findings.get(0).suggestion().text();
	}

}
