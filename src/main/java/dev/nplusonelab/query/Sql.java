package dev.nplusonelab.query;

import java.util.List;
import java.util.regex.Pattern;

/** Small helpers for the statements the layer writes. */
final class Sql {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	private static final Pattern OUTPUT_NAME = Pattern.compile("(?is).*\\bAS\\s+([a-z_][a-z0-9_]*)\\s*");

	static final String INDENT = "    ";

	private Sql() {
	}

	/**
	 * Table, alias and column names are written into SQL text, so they come from code,
	 * never from a request; this keeps even a mistake in code from producing a surprising
	 * statement.
	 */
	static String requireIdentifier(String name) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain SQL identifier: '" + name + "'");
		}
		return name;
	}

	/**
	 * The name an expression is selected as: {@code count(*) AS review_count} →
	 * {@code review_count}.
	 */
	static String outputName(String expression) {
		var matcher = OUTPUT_NAME.matcher(expression);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Name the expression with AS: '" + expression + "'");
		}
		return matcher.group(1);
	}

	/**
	 * The name a selected column is known by: its {@code AS} name, or the column name
	 * after the table alias ({@code t.name} → {@code name}).
	 */
	static String keyOf(String column) {
		var matcher = OUTPUT_NAME.matcher(column);
		if (matcher.matches()) {
			return matcher.group(1);
		}
		return requireIdentifier(column.substring(column.lastIndexOf('.') + 1).strip());
	}

	/** The expression of a selected column without its {@code AS} name. */
	static String expressionOf(String column) {
		var matcher = OUTPUT_NAME.matcher(column);
		return matcher.matches() ? column.substring(0, matcher.start(1)).strip().replaceFirst("(?i)\\s*AS$", "")
				: column.strip();
	}

	static String selectList(List<String> columns) {
		return "SELECT " + String.join(",\n       ", columns);
	}

	static String indent(String sql) {
		return INDENT + sql.replace("\n", "\n" + INDENT);
	}

	static String where(List<String> conditions) {
		return conditions.isEmpty() ? "" : "\nWHERE " + String.join("\n  AND ", conditions);
	}

	static String orderBy(List<String> order) {
		return order.isEmpty() ? "" : "\nORDER BY " + String.join(", ", order);
	}

	@SafeVarargs
	static <T> List<T> append(List<T> list, T... more) {
		return java.util.stream.Stream.concat(list.stream(), java.util.Arrays.stream(more)).toList();
	}

}
