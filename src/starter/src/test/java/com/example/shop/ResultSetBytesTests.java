package com.example.shop;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.detect.StatementSummary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows are always counted (the detector needs them); the bytes of every value read only
 * with {@code nplusone.result-set.bytes}, which costs a little on every column.
 */
class ResultSetBytesTests {

	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	class ByDefault {

		@Autowired
		private MockMvcTester mvc;

		@Autowired
		private SqlDiagnostics diagnostics;

		@Test
		void rowsAreCountedButBytesAreNot() {
			RequestReport report = RequestReportTests.report(this.mvc.get().uri("/large").exchange());

			assertThat(StatementSummary.of(report).rows()).isEqualTo(12);
			assertThat(StatementSummary.of(report).bytes()).isZero();
			assertThat(this.diagnostics.findings(report)).isEmpty();
		}

	}

	@Nested
	@SpringBootTest(properties = "nplusone.result-set.bytes=true")
	@AutoConfigureMockMvc
	class WithBytes {

		@Autowired
		private MockMvcTester mvc;

		@Autowired
		private SqlDiagnostics diagnostics;

		@Test
		void bytesAreEstimatedAndManyLargeValuesAreAFinding() {
			RequestReport report = RequestReportTests.report(this.mvc.get().uri("/large").exchange());

			assertThat(StatementSummary.of(report).rows()).isEqualTo(12);
			assertThat(StatementSummary.of(report).bytes()).isGreaterThanOrEqualTo(12 * 2000);
			assertThat(this.diagnostics.findings(report)).singleElement().satisfies((finding) -> {
				assertThat(finding.kind()).isEqualTo(Finding.Kind.LARGE_VALUES);
				assertThat(finding.column()).isEqualTo("content");
				assertThat(finding.count()).isEqualTo(12);
				assertThat(finding.suggestion().text())
					.isEqualTo("select only the columns the page shows (SELECT the columns instead of SELECT *)");
			});
		}

		/** Read by position, the column is named as the query labels it. */
		@Test
		void aLargeValueReadByItsPositionIsNamedByTheResultSetsLabel() {
			RequestReport report = RequestReportTests.report(this.mvc.get().uri("/large-by-index").exchange());

			assertThat(this.diagnostics.findings(report)).singleElement()
				.satisfies((finding) -> assertThat(finding.column()).isEqualTo("body"));
		}

	}

}
