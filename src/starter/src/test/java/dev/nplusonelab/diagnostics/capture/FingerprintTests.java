package dev.nplusonelab.diagnostics.capture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes two statements the same query: their text without its values, whitespace
 * folded, and key lists of any length as one; and the brief line a message shows, at most
 * 90 characters, that keeps where a long SELECT reads from. Both are kept per text for
 * the life of the JVM, so the exact values are asserted on texts read for the first time
 * ({@link RecordedStatements#unseen}).
 */
class FingerprintTests {

	@Test
	void literalsAndInListsDoNotChangeTheFingerprint() {
		assertThat(Fingerprint.of("SELECT * FROM t WHERE id IN (?, ?)"))
			.isEqualTo(Fingerprint.of("SELECT *  FROM t\nWHERE id IN (?,?,?)"));
		assertThat(Fingerprint.of("SELECT * FROM t WHERE name = 'x' AND n = 42"))
			.isEqualTo(Fingerprint.of("SELECT * FROM t WHERE name = 'y''s' AND n = 7"));
		assertThat(Fingerprint.of("SELECT b2.id FROM book b2")).contains("b2.id");
	}

	@Test
	void aNumberInsideANameOrAQuotedNameIsNotAValue() {
		assertThat(Fingerprint.of("SELECT \"col1\", t2.x FROM t2")).isEqualTo("SELECT \"col1\", t2.x FROM t2");
		assertThat(Fingerprint.of("SELECT * FROM t WHERE n = -3.5")).isEqualTo("SELECT * FROM t WHERE n = ?");
	}

	@Test
	void aBriefLineKeepsWhereTheStatementReadsFrom() {
		String select = "SELECT " + "a_long_column_name, ".repeat(10) + "id FROM book WHERE id = ?";

		assertThat(Fingerprint.brief(select)).startsWith("SELECT … FROM book WHERE id = ?")
			.hasSizeLessThanOrEqualTo(90);
		assertThat(Fingerprint.brief("SELECT 1")).isEqualTo("SELECT 1");
	}

	/** Mutant killed: the folded text replaced by an empty one. */
	@Test
	void theFingerprintIsTheTextWithItsValuesAndKeyListsFoldedIntoPlaceholders() {
		assertThat(
				Fingerprint.of(RecordedStatements.unseen("SELECT *\n  FROM pet WHERE name = 'Leo' AND id IN (?, ?)")))
			.isEqualTo("SELECT * FROM pet WHERE name = ? AND id IN (?…)");
	}

	/**
	 * Ninety characters are shown whole; from the ninety-first on, a SELECT is shown from
	 * its FROM, and anything else is cut at ninety. Mutants killed: each bound made
	 * inclusive, the FROM found when absent, and the text taken one character before it.
	 */
	@Test
	void aBriefLineShowsNinetyCharactersWholeAndShortensFromTheNinetyFirst() {
		String select = "SELECT " + "x".repeat(73) + " FROM book";
		String longerSelect = "SELECT " + "x".repeat(74) + " FROM book";
		String insert = "INSERT INTO book (" + "x".repeat(71) + ")";
		String longerInsert = "INSERT INTO book (" + "x".repeat(72) + ")";
		assertThat(select).hasSize(90);
		assertThat(insert).hasSize(90);

		assertThat(Fingerprint.brief(RecordedStatements.unseen(select))).isEqualTo(select);
		assertThat(Fingerprint.brief(RecordedStatements.unseen(longerSelect))).isEqualTo("SELECT … FROM book");
		assertThat(Fingerprint.brief(RecordedStatements.unseen(insert))).isEqualTo(insert);
		assertThat(Fingerprint.brief(RecordedStatements.unseen(longerInsert)))
			.isEqualTo(longerInsert.substring(0, 89) + "…");
		assertThat(Fingerprint.brief(RecordedStatements.unseen("SELECT id FROM book")))
			.isEqualTo("SELECT id FROM book");
	}

}
