package dev.nplusonelab.sqlreport;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.LabTest;
import dev.nplusonelab.diagnostics.test.SqlAssertions;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@LabTest
class SqlAssertionsTests {

	@Autowired
	private SqlCapture capture;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void aMatchingCountPasses() {
		RequestReport report = this.capture.capture(() -> this.jdbc.sql("SELECT 1").query(Integer.class).single());

		assertThatCode(() -> SqlAssertions.assertThat(report).ranExactly(1).ranAtMost(1).hasNoPotentialNPlusOne())
			.doesNotThrowAnyException();
	}

	@Test
	void aWrongCountFailsWithEveryStatementListed() {
		RequestReport report = this.capture.capture(() -> {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
			this.jdbc.sql("SELECT 2").query(Integer.class).single();
		});

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> SqlAssertions.assertThat(report).ranExactly(1))
			.withMessageStartingWith("Expected exactly 1 statement but 2 ran:")
			.withMessageContaining("#1 ")
			.withMessageContaining("SqlAssertionsTests.java:")
			.withMessageContaining(": SELECT 2");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> SqlAssertions.assertThat(report).ranAtMost(1))
			.withMessageStartingWith("Expected at most 1 statement but 2 ran:");
	}

	@Test
	void anNPlusOneFailsWithTheFinding() {
		RequestReport report = this.capture.capture(() -> {
			for (long id = 1; id <= 3; id++) {
				this.jdbc.sql("SELECT name FROM tag WHERE id = :id").param("id", id).query(String.class).single();
			}
		});

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SqlAssertions.assertThat(report).hasNoPotentialNPlusOne())
			.withMessageStartingWith("Expected no potential N+1 but found 1:")
			.withMessageContaining("potential N+1: 3 similar statements from SqlAssertionsTests.java:");
	}

	@Test
	void anMvcRequestCarriesItsReport() {
		var naive = this.mvc.get().uri("/books?mode=naive&size=3").exchange();
		var optimized = this.mvc.get().uri("/books?size=3").exchange();

		assertThatCode(() -> SqlAssertions.assertThat(optimized.getRequest()).ranAtMost(2).ranNothingWhileRendering())
			.doesNotThrowAnyException();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SqlAssertions.assertThat(naive.getRequest()).ranNothingWhileRendering())
			.withMessageStartingWith("Expected no statement while the view rendered but 3 ran then");
	}

}
