package com.example.orders;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.test.ExpectStatements;
import dev.nplusonelab.diagnostics.test.SqlAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter's test support in the {@code @JdbcTest} slice: the ledger's statement
 * counts asserted without a web server, and the failure of a duplicate assertion naming
 * both lines that read the same order.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ EmbeddedPostgresConfiguration.class, OrderLedger.class })
class OrderLedgerTests {

	@Autowired
	private OrderLedger ledger;

	@Autowired
	private SqlCapture capture;

	@Autowired
	private NPlusOneDetector detector;

	@Test
	@ExpectStatements(exactly = 2)
	void theBatchedListRunsTwoStatements() {
		assertThat(this.ledger.batched()).hasSize(12);
	}

	@Test
	@ExpectStatements(exactly = 13, nPlusOne = true)
	void theNaiveListRunsOneStatementPerOrder() {
		assertThat(this.ledger.naive()).hasSize(12);
	}

	@Test
	void theOrderReadForItsHeadingAndAgainForItsBodyFailsTheDuplicateAssertionWithBothLines() {
		RequestReport report = this.capture.capture(() -> {
			this.ledger.heading(4);
			this.ledger.line(4);
		});

		SqlAssertions.assertThat(report).usingDetector(this.detector).ranExactly(3).hasNoPotentialNPlusOne();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SqlAssertions.assertThat(report).usingDetector(this.detector).hasNoDuplicates())
			.withMessageStartingWith("Expected no duplicate but found 1:")
			.withMessageContaining("duplicate: the same statement with the same values ran 2 times, from "
					+ SampleHttp.site("OrderLedger.java", "query(Order.class).optional()", 1) + ", "
					+ SampleHttp.site("OrderLedger.java", "query(Order.class).single()", 1))
			.withMessageContaining("Fix: reuse the first answer instead of asking again");
	}

}
