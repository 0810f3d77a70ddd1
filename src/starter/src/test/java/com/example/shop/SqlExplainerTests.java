package com.example.shop;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.capture.DataAccess;
import dev.nplusonelab.diagnostics.capture.Database;
import dev.nplusonelab.diagnostics.capture.Fetched;
import dev.nplusonelab.diagnostics.history.SqlExplainer;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * EXPLAIN runs a stored SELECT again, with its values, on PostgreSQL only; another
 * database is told apart by its driver's metadata, and no SQL is sent to it.
 */
class SqlExplainerTests {

	@Test
	void onPostgresqlAStoredSelectIsExplainedWithTheValuesItWasBoundWith() {
		StatementRecord statement = select();

		SqlExplainer.Explanation explanation = new SqlExplainer(TestDatabase.dataSource("postgres")).explain(statement);

		assertThat(explanation.supported()).isTrue();
		assertThat(explanation.database()).isEqualTo("PostgreSQL");
		assertThat(explanation.text()).contains("Execution Time");
	}

	@Test
	void aDatabaseWithoutAnExplainAnalyzeSaysSoAndRunsNothing() {
		SqlExplainer.Explanation explanation = new SqlExplainer(database("Apache Derby", "10.16.1.1"))
			.explain(select());

		assertThat(explanation.supported()).isFalse();
		assertThat(explanation.plan()).isEmpty();
		assertThat(explanation.message()).isEqualTo("EXPLAIN is not supported on Apache Derby 10.16.1.1: "
				+ "PostgreSQL, MySQL 8.0.18 or later, MariaDB and H2 only.");
	}

	@Test
	void aMySqlBeforeExplainAnalyzeSaysSoAndRunsNothing() {
		SqlExplainer.Explanation explanation = new SqlExplainer(database("MySQL", "8.0.17")).explain(select());

		assertThat(explanation.supported()).isFalse();
		assertThat(explanation.message()).startsWith("EXPLAIN is not supported on MySQL 8.0.17:");
	}

	@Test
	void onlyASelectIsExplained() {
		StatementRecord update = new StatementRecord(1, "UPDATE book SET title = title", List.of(), "", 0, 0, 1, 0,
				true, "", StatementRecord.Phase.HANDLER, List.of(), new Fetched(), "main", DataAccess.JDBC,
				Database.UNKNOWN, List.of(), null);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SqlExplainer(database("H2", "2.3.232")).explain(update))
			.withMessage("Only a SELECT can be explained.");
	}

	/** A SELECT as the listener records it: its text and the values it was bound with. */
	private static StatementRecord select() {
		return new StatementRecord(1, "SELECT title FROM book WHERE id = ?", List.of(List.of("3")), "[3]|", 0, 0, 1, 0,
				true, "Shop.java:1", StatementRecord.Phase.HANDLER, List.of(3L), new Fetched(), "main", DataAccess.JDBC,
				Database.UNKNOWN, List.of(), null);
	}

	/**
	 * A DataSource whose connections only tell their product name: anything else (a
	 * statement) fails the test.
	 */
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
			default -> throw new AssertionError("unexpected call " + method);
		});
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answers) {
		return (T) Proxy.newProxyInstance(SqlExplainerTests.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> answers.apply(method.getName()));
	}

}
