package dev.nplusonelab.diagnostics.capture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes two statements the same query: their text without its values, whitespace
 * folded, and key lists of any length as one.
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

}
