package com.example.shop;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.test.ExpectStatements;
import dev.nplusonelab.diagnostics.test.ReportAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @DataJdbcTest} slice imports the starter's non-web auto-configuration, so
 * statement counts can be asserted on repositories alone, on a real PostgreSQL.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class DataJdbcSliceTests {

	@Autowired
	private AuthorRepository authors;

	@Autowired
	private SqlCapture capture;

	@Test
	@ExpectStatements(exactly = 1)
	void findAllIsOneStatement() {
		assertThat(this.authors.findAll()).hasSize(5);
	}

	@Test
	void aLookupPerIdIsAnNPlusOne() {
		RequestReport report = this.capture.capture(() -> {
			for (long id = 1; id <= 3; id++) {
				this.authors.findById(id).orElseThrow();
			}
		});

		ReportAssertions.assertThat(report).ranExactly(3);
		assertThat(report.statements())
			.allSatisfy((statement) -> assertThat(statement.callSite()).startsWith("DataJdbcSliceTests.java:"));
	}

	@Test
	@ExpectStatements(exactly = 1)
	void findAllByIdIsOneStatementWhateverTheNumberOfIds() {
		assertThat(this.authors.findAllById(java.util.List.of(1L, 2L, 3L))).hasSize(3);
	}

}
