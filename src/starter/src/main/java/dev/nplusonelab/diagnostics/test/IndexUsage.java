package dev.nplusonelab.diagnostics.test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.diagnostics.capture.Database;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.diagnostics.history.SqlExplainer;

/**
 * The full scans in the plans of a report's SELECTs, as the database runs them: each
 * distinct statement text, with the first values it was bound with, under the database's
 * EXPLAIN ANALYZE ({@link SqlExplainer}: a read-only transaction, rolled back). Rows are
 * what the scan read, counted by the database while it ran, not estimated:
 * <ul>
 * <li>PostgreSQL: a {@code Seq Scan on t}, whose rows are the rows it returned plus the
 * {@code Rows Removed by Filter} (for a parallel scan, over all its workers);</li>
 * <li>MariaDB: a table read with {@code type} {@code ALL}, whose {@code r_rows} are the
 * rows it examined;</li>
 * <li>MySQL (8.0.18 and later): a {@code Table scan on t}, with the rows it read.</li>
 * </ul>
 * A scan the database never ran (a branch the values did not reach) is not counted. Other
 * databases have no plan this reads: asking is an error, never a pass.
 */
final class IndexUsage {

	private static final Pattern POSTGRES_SCAN = Pattern.compile(
			"(Parallel )?Seq Scan on (\\S+)(?: \\S+)?\\s+\\(cost=[^)]*\\)\\s+\\(actual time=[^)]*rows=([\\d.]+) loops=(\\d+)\\)");

	private static final Pattern REMOVED = Pattern.compile("^\\s*Rows Removed by Filter: (\\d+)");

	private static final Pattern MYSQL_SCAN = Pattern
		.compile("Table scan on (\\S+)\\s+\\(cost=[^)]*\\)\\s+\\(actual time=[^)]*rows=([\\d.]+) loops=(\\d+)\\)");

	private final DataSource dataSource;

	IndexUsage(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * The full scans of at least {@code rows} rows in the plans of these statements.
	 * @throws AssertionError on a database whose plans it does not read
	 */
	List<Scan> fullScans(List<StatementRecord> statements, long rows) {
		DataSource direct = unwrapped(this.dataSource);
		Database database = database(direct);
		if (database.product() != Database.Product.POSTGRESQL && database.product() != Database.Product.MARIADB
				&& !(database.product() == Database.Product.MYSQL && database.explainable())) {
			throw new AssertionError("usesIndexes() reads the plans of PostgreSQL, MariaDB and MySQL 8.0.18 or later; "
					+ "this DataSource is " + database.label() + " " + database.version()
					+ ", whose plans it cannot read: nothing was checked.");
		}
		Map<String, StatementRecord> distinct = new LinkedHashMap<>();
		for (StatementRecord statement : statements) {
			if (statement.isSelect()) {
				distinct.putIfAbsent(statement.sql(), statement);
			}
		}
		SqlExplainer explainer = new SqlExplainer(direct);
		List<Scan> scans = new ArrayList<>();
		for (StatementRecord statement : distinct.values()) {
			SqlExplainer.Explanation explanation = explainer.explain(statement);
			if (!explanation.supported()) {
				throw new AssertionError("Could not explain #" + statement.index() + " " + oneLine(statement.sql())
						+ ": " + explanation.message());
			}
			for (Scan scan : scans(database, statement, explanation.plan())) {
				if (scan.rows() >= rows) {
					scans.add(scan);
				}
			}
		}
		return scans;
	}

	static List<Scan> scans(Database database, StatementRecord statement, List<String> plan) {
		return switch (database.product()) {
			case POSTGRESQL -> postgres(statement, plan);
			case MARIADB -> mariadb(statement, plan);
			default -> mysql(statement, plan);
		};
	}

	private static List<Scan> postgres(StatementRecord statement, List<String> plan) {
		List<Scan> scans = new ArrayList<>();
		for (int i = 0; i < plan.size(); i++) {
			Matcher scan = POSTGRES_SCAN.matcher(plan.get(i));
			if (!scan.find()) {
				continue;
			}
			int indent = indent(plan.get(i));
			double rows = Double.parseDouble(scan.group(3));
			// The lines under a node, indented further, until the next node ("->").
			for (int j = i + 1; j < plan.size() && indent(plan.get(j)) > indent
					&& !plan.get(j).strip().startsWith("->"); j++) {
				Matcher removed = REMOVED.matcher(plan.get(j));
				if (removed.find()) {
					rows += Long.parseLong(removed.group(1));
				}
			}
			long loops = Long.parseLong(scan.group(4));
			long read = Math.round((scan.group(1) != null) ? rows * loops : rows);
			scans.add(new Scan(statement, scan.group(2), read, node(plan.get(i))));
		}
		return scans;
	}

	private static List<Scan> mysql(StatementRecord statement, List<String> plan) {
		List<Scan> scans = new ArrayList<>();
		for (String line : plan) {
			Matcher scan = MYSQL_SCAN.matcher(line);
			// <temporary> is MySQL's own work table, which no index of the
			// application's would spare.
			if (scan.find() && !scan.group(1).startsWith("<")) {
				scans
					.add(new Scan(statement, scan.group(1), Math.round(Double.parseDouble(scan.group(2))), node(line)));
			}
		}
		return scans;
	}

	/**
	 * MariaDB's {@code ANALYZE} is a table, which the explainer writes aligned under its
	 * header: each value starts where its column's name does.
	 */
	private static List<Scan> mariadb(StatementRecord statement, List<String> plan) {
		List<Scan> scans = new ArrayList<>();
		if (plan.isEmpty()) {
			return scans;
		}
		String header = plan.get(0);
		List<String> names = List.of(header.strip().split("\\s+"));
		int[] starts = new int[names.size()];
		int from = 0;
		for (int i = 0; i < names.size(); i++) {
			starts[i] = header.indexOf(names.get(i), from);
			from = starts[i] + names.get(i).length();
		}
		for (String line : plan.subList(1, plan.size())) {
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < names.size(); i++) {
				int start = Math.min(starts[i], line.length());
				int end = (i + 1 < names.size()) ? Math.min(starts[i + 1], line.length()) : line.length();
				row.put(names.get(i).toLowerCase(Locale.ROOT), line.substring(start, end).strip());
			}
			String read = row.getOrDefault("r_rows", "NULL");
			if ("ALL".equals(row.get("type")) && !read.equals("NULL") && !read.isEmpty()) {
				scans.add(new Scan(statement, row.get("table"), Math.round(Double.parseDouble(read)),
						header.strip().replaceAll("\\s+", " ") + "\n      "
								+ line.strip().replaceAll("\\s{2,}", "  ")));
			}
		}
		return scans;
	}

	/** A node's line without its indentation and its arrow. */
	private static String node(String line) {
		return line.strip().replaceFirst("^->\\s*", "");
	}

	private static int indent(String line) {
		int indent = 0;
		while (indent < line.length() && line.charAt(indent) == ' ') {
			indent++;
		}
		return indent;
	}

	/**
	 * The DataSource under the starter's proxy, so that the EXPLAINs are not counted as
	 * the application's statements in a report still being captured.
	 */
	private static DataSource unwrapped(DataSource dataSource) {
		try {
			return dataSource.isWrapperFor(DataSource.class) ? dataSource.unwrap(DataSource.class) : dataSource;
		}
		catch (SQLException ex) {
			return dataSource;
		}
	}

	private static Database database(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			return Database.of(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
		}
		catch (SQLException ex) {
			throw new AssertionError("usesIndexes() could not connect to the database: " + ex.getMessage(), ex);
		}
	}

	static String oneLine(String sql) {
		return sql.strip().replaceAll("\\s+", " ");
	}

	/**
	 * A read of every row of a table.
	 *
	 * @param statement the statement whose plan has it
	 * @param table the table, as the plan names it
	 * @param rows the rows it read
	 * @param line the plan's line that says so
	 */
	record Scan(StatementRecord statement, @Nullable String table, long rows, String line) {
	}

}
