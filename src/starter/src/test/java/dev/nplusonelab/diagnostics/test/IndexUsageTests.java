package dev.nplusonelab.diagnostics.test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import com.example.shop.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.capture.Database;
import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.capture.RequestReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code usesIndexes()} on a real PostgreSQL: a lookup that reads a whole table of 2,000
 * rows fails with its statement and its plan line, and passes once the index exists or
 * under a threshold above the table's size; a database whose plans it cannot read fails.
 */
class IndexUsageTests {

	private static final DataSource POSTGRES = TestDatabase.dataSource("postgres");

	private static final String BY_PET = "SELECT id, visit_date FROM iu_visit WHERE pet_id = ?";

	@BeforeAll
	static void tables() throws SQLException {
		execute("""
				CREATE TABLE iu_visit (id bigint PRIMARY KEY, pet_id bigint NOT NULL, visit_date date NOT NULL);
				INSERT INTO iu_visit SELECT n, n % 400, DATE '2026-01-01' + n % 300 FROM generate_series(1, 2000) n;
				ANALYZE iu_visit;
				""");
	}

	@AfterAll
	static void dropTables() throws SQLException {
		execute("DROP TABLE iu_visit");
	}

	@Test
	void aLookupThatReadsAWholeTableFailsWithItsStatementAndPlanLineThenPassesWithTheIndex() throws SQLException {
		RequestReport report = new RecordedStatements().from("VisitReader.java:40")
			.ran("SELECT id FROM iu_visit WHERE id = ?", 1, 7L)
			.ran(BY_PET, 5, 7L)
			.ran(BY_PET, 5, 8L)
			.report();

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ReportAssertions.assertThat(report).usesIndexes(POSTGRES))
			.withMessageStartingWith(
					"Expected every SELECT to find its rows by an index but 1 reads a table of 1000 rows or more in full:")
			.withMessageContaining("#2 from VisitReader.java:40: " + BY_PET)
			.withMessageContaining("reads all 2000 rows of iu_visit: Seq Scan on iu_visit  (cost=")
			.withMessageNotContaining("WHERE id = ?");
		ReportAssertions.assertThat(report).usesIndexes(POSTGRES, 2001);
		execute("CREATE INDEX iu_visit_pet_id_idx ON iu_visit (pet_id)");
		try {
			ReportAssertions.assertThat(report).usesIndexes(POSTGRES);
		}
		finally {
			execute("DROP INDEX iu_visit_pet_id_idx");
		}
	}

	@Test
	void aDatabaseWhosePlansItCannotReadFailsSayingNothingWasChecked() {
		RequestReport report = new RecordedStatements().ran(BY_PET, 5, 7L).report();

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ReportAssertions.assertThat(report).usesIndexes(database("H2", "2.3.232 (2024-08-11)")))
			.withMessage("usesIndexes() reads the plans of PostgreSQL, MariaDB and MySQL 8.0.18 or later; "
					+ "this DataSource is H2 2.3.232 (2024-08-11), whose plans it cannot read: nothing was checked.");
	}

	@Test
	void mariaDbsAnalyzeTableIsReadByItsColumnsAndItsRowsExamined() {
		List<String> plan = List.of(
				"id    select_type  table  type  possible_keys  key   key_len  ref   rows  r_rows   filtered  r_filtered  Extra",
				"1     SIMPLE       visit  ALL   NULL           NULL  NULL     NULL  1994  2000.00  100.00    0.25        Using where",
				"1     SIMPLE       pet    ref   PRIMARY        PRIMARY  8       const 1     1.00     100.00    100.00      NULL");

		assertThat(IndexUsage.scans(Database.of("MariaDB", "11.4.2-MariaDB"), null, plan)).singleElement()
			.satisfies((scan) -> {
				assertThat(scan.table()).isEqualTo("visit");
				assertThat(scan.rows()).isEqualTo(2000);
			});
	}

	@Test
	void mySqlsTableScanIsReadWithTheRowsItRead() {
		List<String> plan = List.of(
				"-> Filter: (visit.pet_id = 7)  (cost=201 rows=200) (actual time=0.1..0.9 rows=5 loops=1)",
				"    -> Table scan on visit  (cost=201 rows=2000) (actual time=0.05..0.7 rows=2000 loops=1)",
				"-> Table scan on <temporary>  (cost=2.5..2.5 rows=0) (actual time=0.3..0.3 rows=2000 loops=1)");

		assertThat(IndexUsage.scans(Database.of("MySQL", "8.4.0"), null, plan)).singleElement().satisfies((scan) -> {
			assertThat(scan.table()).isEqualTo("visit");
			assertThat(scan.rows()).isEqualTo(2000);
		});
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = POSTGRES.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** A DataSource whose connections only tell their product: a statement fails. */
	private static DataSource database(String product, String version) {
		DatabaseMetaData metaData = proxy(DatabaseMetaData.class, (method) -> switch (method) {
			case "getDatabaseProductName" -> product;
			case "getDatabaseProductVersion" -> version;
			default -> throw new AssertionError("unexpected call " + method);
		});
		Connection connection = proxy(Connection.class, (method) -> switch (method) {
			case "getMetaData" -> metaData;
			case "close" -> null;
			default -> throw new AssertionError("unexpected call " + method);
		});
		return proxy(DataSource.class, (method) -> switch (method) {
			case "getConnection" -> connection;
			case "isWrapperFor" -> false;
			default -> throw new AssertionError("unexpected call " + method);
		});
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answers) {
		return (T) Proxy.newProxyInstance(IndexUsageTests.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> answers.apply(method.getName()));
	}

}
