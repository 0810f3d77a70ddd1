package com.example.shop;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.test.ExpectStatements;
import dev.nplusonelab.diagnostics.test.SqlAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link SqlAssertions} on a captured block, a served request and a MockMvc result, and
 * {@link ExpectStatements} on test methods of a {@code @SpringBootTest}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TestSupportTests {

	private static final String AUTHOR_NAME = "SELECT name FROM author WHERE id = ?";

	@Autowired
	private SqlCapture capture;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aMatchingCountPasses() {
		RequestReport report = this.capture.capture(() -> this.jdbc.sql("SELECT 1").query(Integer.class).single());

		assertThatCode(() -> SqlAssertions.assertThat(report)
			.ranExactly(1)
			.ranAtMost(1)
			.hasNoPotentialNPlusOne()
			.hasNoDuplicates()
			.ranNothingWhileRendering()).doesNotThrowAnyException();
	}

	@Test
	void aWrongCountFailsWithEveryStatementAndItsCallSite() {
		RequestReport report = this.capture.capture(() -> {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
			this.jdbc.sql("SELECT 2").query(Integer.class).single();
		});

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> SqlAssertions.assertThat(report).ranExactly(1))
			.withMessageStartingWith("Expected exactly 1 statement but 2 ran:")
			.withMessageContaining("#1 ")
			.withMessageContaining("TestSupportTests.java:")
			.withMessageContaining(": SELECT 2");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> SqlAssertions.assertThat(report).ranAtMost(1))
			.withMessageStartingWith("Expected at most 1 statement but 2 ran:");
	}

	@Test
	void aLookupPerRowIsOneNPlusOneWhateverItsKeysAndRepeatedKeysAreCountedInIt() {
		RequestReport report = this.capture.capture(() -> {
			List<Long> authors = this.jdbc.sql("SELECT author_id FROM book ORDER BY id LIMIT 4")
				.query(Long.class)
				.list();
			for (long id : List.of(1L, 2L, 3L, 3L)) {
				this.jdbc.sql(AUTHOR_NAME).param(id).query(String.class).single();
			}
			assertThat(authors).hasSize(4);
		});

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SqlAssertions.assertThat(report).hasNoPotentialNPlusOne())
			.withMessageStartingWith("Expected no potential N+1 but found 1:")
			.withMessageContaining("potential N+1: 4 statements from TestSupportTests.java:")
			.withMessageContaining(
					"for the 4 rows of #1 (SELECT author_id FROM book ORDER BY id LIMIT 4), " + "3 distinct keys");
		assertThatCode(() -> SqlAssertions.assertThat(report).hasNoDuplicates()).doesNotThrowAnyException();
	}

	@Test
	void theSameReadFromTwoLinesIsADuplicateThatNamesBoth() {
		int[] lines = new int[2];
		RequestReport report = this.capture.capture(() -> {
			lines[0] = nextLine();
			this.jdbc.sql(AUTHOR_NAME).param(1L).query(String.class).single();
			lines[1] = nextLine();
			this.jdbc.sql(AUTHOR_NAME).param(1L).query(String.class).single();
		});

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SqlAssertions.assertThat(report).hasNoDuplicates())
			.withMessageStartingWith("Expected no duplicate but found 1:")
			.withMessageContaining("duplicate: the same statement with the same values ran 2 times, from "
					+ "TestSupportTests.java:" + lines[0] + " (1×), TestSupportTests.java:" + lines[1] + " (1×)");
		assertThatCode(() -> SqlAssertions.assertThat(report).hasNoPotentialNPlusOne()).doesNotThrowAnyException();
	}

	/** The line after the caller's. */
	private static int nextLine() {
		return StackWalker.getInstance().walk((frames) -> frames.skip(1).findFirst()).orElseThrow().getLineNumber() + 1;
	}

	@Test
	void anMvcRequestCarriesItsReport() {
		MvcTestResult page = this.mvc.get().uri("/page").exchange();
		MvcTestResult json = this.mvc.get().uri("/books").exchange();

		assertThatCode(() -> SqlAssertions.assertThat(json).ranExactly(1).ranNothingWhileRendering())
			.doesNotThrowAnyException();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SqlAssertions.assertThat(page.getRequest()).ranNothingWhileRendering())
			.withMessageStartingWith("Expected no statement while the view rendered but 1 ran then")
			.withMessageContaining("(view)");
	}

	@Test
	@ExpectStatements(exactly = 3, nPlusOne = false)
	void everythingTheTestMethodRunsIsCapturedMockMvcRequestsIncluded() {
		this.mvc.get().uri("/page").exchange();
		this.jdbc.sql("SELECT 1").query(Integer.class).single();
	}

	/**
	 * Exactly: a worker handed only the request's report, not the test's, would leave the
	 * test one statement short.
	 */
	@Test
	@ExpectStatements(exactly = 2)
	void asyncWorkOfARequestCountsForTheTestToo() {
		this.mvc.get().uri("/async").exchange();
	}

}
