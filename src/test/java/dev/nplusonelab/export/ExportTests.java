package dev.nplusonelab.export;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;

import static org.assertj.core.api.Assertions.assertThat;

/** /export/books.csv: every book, two statements per chunk, streamed. */
@LabTest
class ExportTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SqlDiagnostics diagnostics;

	@Test
	void everyBookIsExportedInTwoStatementsPerChunkWithoutBuffering() throws Exception {
		MvcTestResult result = this.mvc.get().uri("/export/books.csv").exchange();

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
		long books = this.jdbc.sql("SELECT count(*) FROM book").query(Long.class).single();
		long chunks = (books + BookExport.CHUNK_SIZE - 1) / BookExport.CHUNK_SIZE;
		RequestReport report = (RequestReport) result.getRequest().getAttribute(RequestReport.ATTRIBUTE);
		assertThat(report.statementCount()).isEqualTo(2 * chunks);
		assertThat(report.statements()).allSatisfy((statement) -> assertThat(statement.sql()).doesNotContain("OFFSET"));
		// A keyset loop of chunks, each with its batched prefetch: nothing to report.
		assertThat(this.diagnostics.findings(report)).isEmpty();
		// Written before the count was known: the headers went out with the first chunk.
		assertThat(result.getResponse().getHeader("X-Sql-Statements")).isNull();
		assertThat(result.getResponse().getHeader("X-Sql-Report")).isEqualTo(Long.toString(report.id()));
		List<String> lines = result.getResponse().getContentAsString().lines().toList();
		assertThat(lines).hasSize((int) books + 1);
		assertThat(lines.get(0)).isEqualTo("id,title,author,publisher,tags");
		assertThat(lines.get(1)).startsWith("1,");
		assertThat(lines.get(lines.size() - 1)).startsWith(books + ",");
	}

	@Test
	void fieldsWithQuotesAreQuotedAndFormulasDefused() {
		StringBuilder line = new StringBuilder();
		new BookExport.ExportRow(3, "<script>alert(\"book\")</script> & Other Stories", "=cmd()", "A, B",
				List.of("dark", "sea"))
			.appendTo(line);

		assertThat(line)
			.hasToString("3,\"<script>alert(\"\"book\"\")</script> & Other Stories\",'=cmd(),\"A, B\",dark;sea\r\n");
	}

}
