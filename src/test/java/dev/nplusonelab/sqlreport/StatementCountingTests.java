package dev.nplusonelab.sqlreport;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.diagnostics.detect.StatementSummary;
import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class StatementCountingTests {

	@Autowired
	private SqlCapture capture;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void statementsOutsideARequestBelongToNoReport() {
		assertThat(this.capture.current()).isNull();

		this.jdbc.sql("SELECT 1").query(Integer.class).single();

		assertThat(this.capture.current()).isNull();
	}

	@Test
	void aCapturedBlockCountsItsOwnStatementsWithTheirParameters() {
		RequestReport report = this.capture.capture(() -> {
			this.jdbc.sql("SELECT :n").param("n", 1).query(Integer.class).single();
			this.jdbc.sql("SELECT :n").param("n", 2).query(Integer.class).single();
			this.jdbc.sql("SELECT :n").param("n", 2).query(Integer.class).single();
			this.jdbc.sql("SELECT id FROM book WHERE id = ANY(:ids)")
				.param("ids", new Long[] { 1L, 2L, 3L })
				.query(Long.class)
				.list();
		});

		assertThat(report.statementCount()).isEqualTo(4);
		StatementSummary summary = StatementSummary.of(report);
		assertThat(summary.similarStatements()).isEqualTo(3);
		assertThat(summary.duplicateStatements()).isEqualTo(1);
		assertThat(summary.repeatedGroups()).singleElement().satisfies((group) -> {
			assertThat(group.sql()).isEqualTo("SELECT ?");
			assertThat(group.count()).isEqualTo(3);
			assertThat(group.distinctParameterSets()).isEqualTo(2);
		});
		assertThat(report.statements().get(3).parameters()).containsExactly(java.util.List.of("{1, 2, 3} (3 keys)"));
		assertThat(this.capture.current()).isNull();
	}

	@Test
	void inListsOfAnyLengthShareAGroupAndOnlyTheSameTextWithTheSameValuesIsADuplicate() {
		RequestReport report = this.capture.capture(() -> {
			for (List<Long> ids : List.of(List.of(1L), List.of(1L, 2L), List.of(1L, 2L), List.of(3L))) {
				this.jdbc.sql("SELECT title FROM book WHERE id IN (:ids)").param("ids", ids).query(String.class).list();
			}
		});

		assertThat(report.statements()).extracting(StatementRecord::sql)
			.containsExactly("SELECT title FROM book WHERE id IN (?)", "SELECT title FROM book WHERE id IN (?, ?)",
					"SELECT title FROM book WHERE id IN (?, ?)", "SELECT title FROM book WHERE id IN (?)");
		StatementSummary summary = StatementSummary.of(report);
		assertThat(summary.repeatedGroups()).singleElement().satisfies((group) -> {
			assertThat(group.count()).isEqualTo(4);
			assertThat(group.duplicates()).isEqualTo(1);
			assertThat(group.sql()).isEqualTo(group.fingerprint()).isEqualTo("SELECT title FROM book WHERE id IN (?…)");
		});
		assertThat(summary.lines()).extracting(StatementSummary.Line::group).containsOnly(1);
		assertThat(summary.lines()).extracting(StatementSummary.Line::duplicate)
			.containsExactly(false, false, true, false);
		assertThat(summary.similarStatements()).isEqualTo(4);
		assertThat(summary.duplicateStatements()).isEqualTo(1);
	}

	@Test
	void eachRequestCountsOnlyItsOwnStatements() {
		Pages pages = new Pages(this.mvc);

		pages.visit("/books?mode=naive&size=5");
		Pages.Visit second = pages.visit("/books?mode=optimized&size=5");

		assertThat(second.statements()).isEqualTo(2);
		assertThat(second.report().route()).isEqualTo("/books");
		assertThat(second.report().tag("mode")).isEqualTo("optimized");
	}

	@Test
	void theResponseCarriesTheCountAndAServerTimingHeader() {
		Pages.Visit visit = new Pages(this.mvc).visit("/books?size=5");

		assertThat(visit.result().getResponse().getHeader("Server-Timing")).startsWith("sql;dur=")
			.endsWith("desc=\"2 statements\"");
		assertThat(visit.result().getResponse().getHeader("X-Sql-Report"))
			.isEqualTo(Long.toString(visit.report().id()));
	}

}
