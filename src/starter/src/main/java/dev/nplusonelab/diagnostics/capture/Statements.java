package dev.nplusonelab.diagnostics.capture;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The starter's own, not an API for applications. What kind of statement a text is: a
 * read, a write, the next value of a sequence, or something else. Reads repeated once per
 * row are an N+1; writes repeated once per row are unbatched writes, which a different
 * fix answers; neither applies to the rest.
 */
public final class Statements {

	/** Comments and opening parentheses before the first keyword. */
	private static final Pattern LEADING = Pattern.compile("^(?:\\s+|/\\*.*?\\*/|--[^\\n]*(?:\\n|$)|\\()+",
			Pattern.DOTALL);

	/** A data-modifying statement inside a {@code WITH}. */
	private static final Pattern MODIFYING = Pattern.compile("(?i)\\b(?:INSERT|UPDATE|DELETE|MERGE)\\b");

	/**
	 * The next value of a sequence: PostgreSQL's {@code nextval('s')}, MariaDB's
	 * {@code nextval(s)}, the standard {@code NEXT VALUE FOR s} (H2, SQL Server, HSQLDB)
	 * and Oracle's {@code s.nextval}.
	 */
	private static final Pattern SEQUENCE = Pattern.compile("(?i)\\bnextval\\b|\\bnext\\s+value\\s+for\\b");

	private static final TextCache<Kind> KINDS = new TextCache<>(Statements::read);

	private Statements() {
	}

	public static Kind kind(String sql) {
		return KINDS.get(sql);
	}

	/** The first keyword, upper case: {@code INSERT}, {@code SELECT}, … */
	public static String verb(String sql) {
		String text = LEADING.matcher(sql).replaceFirst("");
		int end = 0;
		while (end < text.length() && Character.isLetter(text.charAt(end))) {
			end++;
		}
		return text.substring(0, end).toUpperCase(Locale.ROOT);
	}

	private static Kind read(String sql) {
		String verb = verb(sql);
		return switch (verb) {
			case "SELECT", "VALUES", "TABLE" -> SEQUENCE.matcher(sql).find() ? Kind.SEQUENCE : Kind.READ;
			case "WITH" -> MODIFYING.matcher(sql).find() ? Kind.WRITE : Kind.READ;
			case "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT" -> Kind.WRITE;
			default -> Kind.OTHER;
		};
	}

	/**
	 * Where the string literal, quoted identifier or comment that starts at {@code i}
	 * ends: after its closing quote (a doubled quote being part of it), after the line of
	 * a {@code --} comment or after the {@code *}{@code /} of a block comment, or at the
	 * end of the text if it never closes; {@code i} itself when none starts there. What
	 * reads statement text by hand (the placeholders, the panel's layout) passes over
	 * these, whose content is never SQL.
	 */
	public static int skipQuoted(String sql, int i) {
		char c = sql.charAt(i);
		int next = i + 1;
		if (c == '\'' || c == '"' || c == '`') {
			return closing(sql, c, next);
		}
		boolean twoChars = next < sql.length();
		if (c == '-' && twoChars && sql.charAt(next) == '-') {
			int line = sql.indexOf('\n', next);
			return (line < 0) ? sql.length() : line + 1;
		}
		if (c == '/' && twoChars && sql.charAt(next) == '*') {
			int close = sql.indexOf("*/", next + 1);
			return (close < 0) ? sql.length() : close + 2;
		}
		return i;
	}

	/**
	 * Where a quoted text that opened before {@code from} ends: after its closing quote,
	 * a doubled quote being part of the text.
	 */
	private static int closing(String sql, char quote, int from) {
		int i = from;
		while (i < sql.length()) {
			if (sql.charAt(i) == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return sql.length();
	}

	public enum Kind {

		/** A query: its answer may be asked for once per row, or twice. */
		READ,

		/** A change to rows: repeated per row, it is a batch not sent as one. */
		WRITE,

		/**
		 * The next value of a sequence: a new value each time, so never a duplicate,
		 * whatever the text.
		 */
		SEQUENCE,

		/** Anything else: session settings, calls, transaction control. */
		OTHER

	}

}
