package dev.nplusonelab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every in-app strategy loads the same records, in the number of statements its formula
 * says.
 */
@LabTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabStrategiesTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SqlCapture capture;

	private LabStrategies strategies;

	@BeforeAll
	void start() {
		this.strategies = new LabStrategies(this.dataSource);
	}

	@AfterAll
	void stop() {
		this.strategies.close();
	}

	@Test
	void everyStrategyLoadsTheSameBooks() {
		for (int n : new int[] { 1, 7, 60 }) {
			Map<String, Run> runs = runAll(Workload.BOOKS, n);
			long editors = count("SELECT count(editor_id) FROM (SELECT editor_id FROM book ORDER BY id LIMIT :n) AS b",
					n);
			assertThat(runs.get("optimized").rows()).hasSize(n);
			runs.forEach((name, run) -> assertThat(run.rows()).as("%s, N=%d", name, n)
				.isEqualTo(runs.get("optimized").rows()));
			// Spring Data JDBC reads one book more to know whether a next page exists,
			// and
			// loads that book's tag links too.
			long lookAhead = 1;
			assertThat(runs.get("naive").statements()).isEqualTo(1 + 6 * n + editors + lookAhead);
			assertThat(runs.get("optimized").statements()).isEqualTo(2);
			assertThat(runs.get("json").statements()).isEqualTo(1);
			assertThat(runs.get("cartesian").statements()).isEqualTo(1);
			// Aggregates: the books with their tag links, then authors, publishers,
			// categories, editors (when a book has one), tags and review statistics by
			// id.
			long others = 5 + ((editors > 0) ? 1 : 0);
			assertThat(runs.get("sdj").statements()).isEqualTo(1 + (n + lookAhead) + others);
			// Single Query Loading: the ids, then the books and their tag links in one.
			assertThat(runs.get("sdj-single").statements()).isEqualTo(2 + others);
		}
	}

	@Test
	void everyStrategyLoadsTheSameAuthors() {
		for (int n : new int[] { 1, 7, 30 }) {
			Map<String, Run> runs = runAll(Workload.AUTHORS, n);
			long books = count(
					"SELECT count(*) FROM book WHERE author_id IN (SELECT id FROM author ORDER BY id LIMIT :n)", n);
			runs.forEach((name, run) -> assertThat(run.rows()).as("%s, N=%d", name, n)
				.isEqualTo(runs.get("optimized").rows()));
			assertThat(runs.get("naive").statements()).isEqualTo(1 + 2 * n + 2 * books);
			assertThat(runs.get("optimized").statements()).isEqualTo(3);
			assertThat(runs.get("json").statements()).isEqualTo(1);
			assertThat(runs.get("cartesian").statements()).isEqualTo(1);
			// Authors, publishers, books (one statement per book for its tag links, with
			// or without Single Query Loading, which a query method does not use), tags.
			assertThat(runs.get("sdj").statements()).isEqualTo(4 + books);
			assertThat(runs.get("sdj-single").statements()).isEqualTo(4 + books);
		}
	}

	private Map<String, Run> runAll(Workload workload, int n) {
		Map<String, Run> runs = new java.util.LinkedHashMap<>();
		this.strategies.of(workload).forEach((name, loader) -> {
			List<Object> rows = new ArrayList<>();
			RequestReport report = this.capture.capture(() -> rows.addAll(loader.load(n)));
			runs.put(name, new Run(rows, report.statementCount()));
		});
		return runs;
	}

	private long count(String sql, int n) {
		return this.jdbc.sql(sql).param("n", n).query(Long.class).single();
	}

	record Run(List<Object> rows, int statements) {
	}

}
