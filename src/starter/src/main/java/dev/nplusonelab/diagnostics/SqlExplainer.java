package dev.nplusonelab.diagnostics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a statement the application itself executed, looked up by
 * request and position: nothing a user sends becomes SQL. Only a SELECT, only on
 * PostgreSQL, in a read-only transaction that is rolled back, with a statement timeout.
 */
public class SqlExplainer {

	private static final String TIMEOUT = "SET LOCAL statement_timeout = '5s'";

	private final DataSource dataSource;

	public SqlExplainer(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Runs the statement again under EXPLAIN ANALYZE, with the values it was bound with.
	 * @throws IllegalArgumentException if it is not a SELECT
	 */
	public Explanation explain(StatementRecord statement) {
		if (!statement.isSelect()) {
			throw new IllegalArgumentException("Only a SELECT can be explained.");
		}
		try (Connection connection = this.dataSource.getConnection()) {
			String database = connection.getMetaData().getDatabaseProductName();
			if (!"PostgreSQL".equalsIgnoreCase(database)) {
				return new Explanation(database, false, List.of(),
						"EXPLAIN is supported on PostgreSQL only, not on " + database + ".");
			}
			return new Explanation(database, true, plan(connection, statement), null);
		}
		catch (SQLException ex) {
			return new Explanation("unknown", false, List.of(), "EXPLAIN failed: " + ex.getMessage());
		}
	}

	private static List<String> plan(Connection connection, StatementRecord statement) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		boolean readOnly = connection.isReadOnly();
		connection.setAutoCommit(false);
		connection.setReadOnly(true);
		try {
			try (Statement timeout = connection.createStatement()) {
				timeout.execute(TIMEOUT);
			}
			List<String> plan = new ArrayList<>();
			try (PreparedStatement explain = connection
				.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())) {
				int index = 1;
				for (@Nullable
				Object value : statement.values()) {
					StatementCreatorUtils.setParameterValue(explain, index++, SqlTypeValue.TYPE_UNKNOWN, value);
				}
				try (ResultSet lines = explain.executeQuery()) {
					while (lines.next()) {
						plan.add(lines.getString(1));
					}
				}
			}
			return List.copyOf(plan);
		}
		finally {
			connection.rollback();
			connection.setReadOnly(readOnly);
			connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * What EXPLAIN said.
	 *
	 * @param database the database product, as its driver names it
	 * @param supported whether it could explain at all
	 * @param plan the plan, one line per element
	 * @param message why there is no plan
	 */
	public record Explanation(String database, boolean supported, List<String> plan, @Nullable String message) {

		/** The plan as one text. */
		public String text() {
			return String.join("\n", this.plan);
		}

	}

}
