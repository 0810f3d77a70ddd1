package dev.nplusonelab.diagnostics.history;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

import dev.nplusonelab.diagnostics.capture.Database;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

/**
 * The plan of a statement the application itself executed, looked up by request and
 * position: nothing a user sends becomes SQL. Only a SELECT, in the database's own form
 * ({@link Database#explain}): PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS)}, MySQL's
 * {@code EXPLAIN ANALYZE}, MariaDB's {@code ANALYZE}, H2's {@code EXPLAIN ANALYZE};
 * elsewhere, none. It runs in a read-only transaction that is rolled back, with a
 * timeout.
 */
public class SqlExplainer {

	private static final int TIMEOUT_SECONDS = 5;

	private final DataSource dataSource;

	public SqlExplainer(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Runs the statement again under its database's EXPLAIN ANALYZE, with the values it
	 * was bound with.
	 * @throws IllegalArgumentException if it is not a SELECT
	 */
	public Explanation explain(StatementRecord statement) {
		if (!statement.isSelect()) {
			throw new IllegalArgumentException("Only a SELECT can be explained.");
		}
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			Database database = Database.of(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion());
			String explain = database.explain(statement.sql());
			if (explain == null) {
				return new Explanation(database.label(), false, List.of(),
						"EXPLAIN is not supported on " + database.label() + " " + database.version()
								+ ": PostgreSQL, MySQL 8.0.18 or later, MariaDB and H2 only.");
			}
			return new Explanation(database.label(), true, plan(connection, database, explain, statement), null);
		}
		catch (SQLException ex) {
			return new Explanation("unknown", false, List.of(), "EXPLAIN failed: " + ex.getMessage());
		}
	}

	private static List<String> plan(Connection connection, Database database, String explain,
			StatementRecord statement) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		boolean readOnly = connection.isReadOnly();
		connection.setAutoCommit(false);
		connection.setReadOnly(true);
		try {
			if (database.product() == Database.Product.POSTGRESQL) {
				try (Statement timeout = connection.createStatement()) {
					timeout.execute("SET LOCAL statement_timeout = '" + TIMEOUT_SECONDS + "s'");
				}
			}
			try (PreparedStatement plan = connection.prepareStatement(explain)) {
				plan.setQueryTimeout(TIMEOUT_SECONDS);
				int index = 1;
				for (@Nullable
				Object value : statement.values()) {
					StatementCreatorUtils.setParameterValue(plan, index++, SqlTypeValue.TYPE_UNKNOWN, value);
				}
				try (ResultSet lines = plan.executeQuery()) {
					return lines(lines);
				}
			}
		}
		finally {
			connection.rollback();
			connection.setReadOnly(readOnly);
			connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * The plan as lines of text: PostgreSQL, MySQL and H2 answer with text in one column;
	 * MariaDB with a table, one row per table read, which is written out aligned under
	 * its header.
	 */
	private static List<String> lines(ResultSet result) throws SQLException {
		ResultSetMetaData columns = result.getMetaData();
		int count = columns.getColumnCount();
		List<String> lines = new ArrayList<>();
		if (count == 1) {
			while (result.next()) {
				String text = result.getString(1);
				if (text != null) {
					lines.addAll(text.lines().toList());
				}
			}
			return List.copyOf(lines);
		}
		List<String[]> rows = new ArrayList<>();
		String[] header = new String[count];
		for (int i = 0; i < count; i++) {
			header[i] = columns.getColumnLabel(i + 1);
		}
		rows.add(header);
		while (result.next()) {
			String[] row = new String[count];
			for (int i = 0; i < count; i++) {
				String value = result.getString(i + 1);
				row[i] = (value != null) ? value : "NULL";
			}
			rows.add(row);
		}
		int[] widths = new int[count];
		rows.forEach((row) -> {
			for (int i = 0; i < count; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		});
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < count; i++) {
				line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + ((i < count - 1) ? 2 : 0)));
			}
			lines.add(line.toString().stripTrailing());
		}
		return List.copyOf(lines);
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
