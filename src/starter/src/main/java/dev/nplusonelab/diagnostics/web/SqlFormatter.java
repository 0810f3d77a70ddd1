package dev.nplusonelab.diagnostics.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

import dev.nplusonelab.diagnostics.capture.Statements;
import dev.nplusonelab.diagnostics.capture.TextCache;

/**
 * Statement text laid out for reading in the panel: each major clause (SELECT, FROM, each
 * JOIN, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT, UNION, ...) on a line of its own,
 * indented by two spaces per parenthesis it sits in. Only the whitespace between words
 * changes: a run of it becomes one space, or a line break before a clause. String
 * literals, quoted identifiers and comments are copied as they are, whatever keywords
 * they hold, and inside parentheses that are not a subquery ({@code count(x)},
 * {@code OVER (ORDER BY …)}, {@code EXTRACT(YEAR FROM …)}) nothing is broken.
 */
final class SqlFormatter {

	/** Words that start a clause on a line of their own. */
	private static final Set<String> CLAUSES = Set.of("SELECT", "FROM", "WHERE", "HAVING", "LIMIT", "OFFSET", "FETCH",
			"UNION", "INTERSECT", "EXCEPT", "VALUES", "SET", "RETURNING", "WINDOW");

	/**
	 * Words that start a clause when a BY follows them, and not in
	 * {@code WITHIN GROUP (…)}.
	 */
	private static final Set<String> BY_CLAUSES = Set.of("GROUP", "ORDER");

	/** Words that start a join clause, the first of them when a JOIN follows them. */
	private static final Set<String> JOIN_KINDS = Set.of("LEFT", "RIGHT", "FULL", "INNER", "CROSS", "NATURAL", "OUTER");

	/** What follows a FOR that locks rows: {@code FOR UPDATE}, {@code FOR NO KEY …}. */
	private static final Set<String> LOCKS = Set.of("UPDATE", "SHARE", "NO", "KEY");

	/** Words that open a subquery right after a parenthesis. */
	private static final Set<String> SUBQUERIES = Set.of("SELECT", "WITH", "VALUES");

	private static final String INDENT = "  ";

	/** Each text is laid out once; a page's statements share a few texts. */
	private static final TextCache<String> FORMATTED = new TextCache<>(SqlFormatter::layOut);

	private SqlFormatter() {
	}

	/** {@code sql} with its clauses on lines of their own. */
	static String format(String sql) {
		return FORMATTED.get(sql);
	}

	private static String layOut(String sql) {
		StringBuilder out = new StringBuilder(sql.length() + 32);
		// One entry per open parenthesis: whether it holds a subquery, whose clauses are
		// broken too.
		Deque<Boolean> parentheses = new ArrayDeque<>();
		boolean space = false;
		boolean afterOpening = false;
		String previous = "";
		int i = 0;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			int quoted = Statements.skipQuoted(sql, i);
			if (quoted > i) {
				append(out, sql.substring(i, quoted), space);
				space = false;
				afterOpening = false;
				previous = "";
				i = quoted;
				continue;
			}
			if (Character.isWhitespace(c)) {
				space = true;
				i++;
				continue;
			}
			if (!isWordPart(c)) {
				if (c == '(') {
					parentheses.push(Boolean.FALSE);
				}
				else if (c == ')' && !parentheses.isEmpty()) {
					parentheses.pop();
				}
				append(out, String.valueOf(c), space);
				space = false;
				afterOpening = c == '(';
				previous = (c == '.') ? "." : "";
				i++;
				continue;
			}
			int end = i;
			while (end < sql.length() && isWordPart(sql.charAt(end))) {
				end++;
			}
			String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
			if (afterOpening && SUBQUERIES.contains(word) && !parentheses.isEmpty()) {
				parentheses.pop();
				parentheses.push(Boolean.TRUE);
			}
			// A name after a dot is a column or a table, whatever it is called.
			boolean breaks = !afterOpening && !previous.equals(".") && out.length() > 0
					&& (parentheses.isEmpty() || parentheses.peek())
					&& startsClause(word, previous, nextWord(sql, end));
			if (breaks) {
				if (out.charAt(out.length() - 1) != '\n') {
					out.append('\n');
				}
				out.append(INDENT.repeat(parentheses.size()));
			}
			append(out, sql.substring(i, end), space && !breaks);
			space = false;
			afterOpening = false;
			previous = word;
			i = end;
		}
		return out.toString();
	}

	private static boolean startsClause(String word, String previous, String next) {
		if (word.equals("JOIN")) {
			return !JOIN_KINDS.contains(previous);
		}
		if (JOIN_KINDS.contains(word)) {
			return !JOIN_KINDS.contains(previous) && (next.equals("JOIN") || JOIN_KINDS.contains(next));
		}
		if (BY_CLAUSES.contains(word)) {
			return next.equals("BY");
		}
		if (word.equals("FOR")) {
			return LOCKS.contains(next);
		}
		return CLAUSES.contains(word);
	}

	/** The word after {@code from}, past whitespace, upper case; empty if none. */
	private static String nextWord(String sql, int from) {
		int start = from;
		while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
			start++;
		}
		int end = start;
		while (end < sql.length() && isWordPart(sql.charAt(end))) {
			end++;
		}
		return sql.substring(start, end).toUpperCase(Locale.ROOT);
	}

	private static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

	/** Appends {@code text}, after one space if whitespace came before it. */
	private static void append(StringBuilder out, String text, boolean space) {
		boolean lineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
		if (space && !lineStart) {
			out.append(' ');
		}
		out.append(text);
	}

}
