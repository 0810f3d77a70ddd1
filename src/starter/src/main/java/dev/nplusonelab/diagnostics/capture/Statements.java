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
