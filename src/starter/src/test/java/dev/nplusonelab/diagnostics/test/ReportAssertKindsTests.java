package dev.nplusonelab.diagnostics.test;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.capture.RequestReport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The test API and the new kinds: a loop is a potential N+1 to
 * {@code hasNoPotentialNPlusOne}, batch+1 is not one, and {@code hasNoBatchPlusOne} fails
 * on it, naming it.
 */
class ReportAssertKindsTests {

	@Test
	void aLoopIsAPotentialNPlusOne() {
		RecordedStatements statements = new RecordedStatements().ran("SELECT id, pet_id, owner_id FROM visit", 2);
		for (long row = 1; row <= 2; row++) {
			statements.ran("SELECT name FROM pet WHERE id = ?", 1, row)
				.ran("SELECT name FROM owner WHERE id = ?", 1, row);
		}
		RequestReport report = statements.report();

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ReportAssertions.assertThat(report).hasNoPotentialNPlusOne())
			.withMessageContaining("Expected no potential N+1 but found 1:")
			.withMessageContaining("loop: 2 statements × 2 rows = 4 statements");
		assertThatCode(() -> ReportAssertions.assertThat(report).hasNoBatchPlusOne()).doesNotThrowAnyException();
	}

	@Test
	void batchPlusOneIsNoPotentialNPlusOneButFailsItsOwnAssertion() {
		String tags = "SELECT tag_id FROM pet_tag WHERE pet_id = ANY(?)";
		RequestReport report = new RecordedStatements().ran("SELECT id FROM pet", 4)
			.ran(tags, 2, (Object) new Long[] { 1L, 2L })
			.ran(tags, 2, (Object) new Long[] { 3L, 4L })
			.report();

		assertThatCode(() -> ReportAssertions.assertThat(report).hasNoPotentialNPlusOne()).doesNotThrowAnyException();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ReportAssertions.assertThat(report).hasNoBatchPlusOne())
			.withMessageContaining("Expected no batch+1 but found 1:")
			.withMessageContaining("batch+1: 2 batches of 2 keys for the 4 rows of #1");
	}

}
