package dev.nplusonelab.diagnostics.capture;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shape of a statement without its values: whitespace folded, literals replaced by
 * {@code ?}, and {@code IN (?, ?, ?)} lists of any length folded into one, so that a
 * {@code findAllById} with two ids and with three ids count as the same query.
 */
public final class Fingerprint {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");

	private static final Pattern NUMBER = Pattern.compile("(?<![\\w.\"$])-?\\d+(?:\\.\\d+)?(?![\\w.])");

	private static final Pattern IN_LIST = Pattern.compile("(?i)\\bIN\\s*\\(\\s*\\?(?:\\s*,\\s*\\?)*\\s*\\)");

	/** Each text is fingerprinted once; the statements of every report share it. */
	private static final TextCache<String> fingerprints = new TextCache<>(Fingerprint::fold);

	private static final TextCache<String> briefs = new TextCache<>(Fingerprint::shorten);

	private Fingerprint() {
	}

	/** The shape of {@code sql}: {@code SELECT * FROM t WHERE id IN (?…)}. */
	public static String of(String sql) {
		return fingerprints.get(sql);
	}

	private static String fold(String sql) {
		String folded = WHITESPACE.matcher(sql.trim()).replaceAll(" ");
		folded = STRING.matcher(folded).replaceAll("?");
		folded = NUMBER.matcher(folded).replaceAll("?");
		return IN_LIST.matcher(folded).replaceAll("IN (?…)");
	}

	/** Shortened for a one-line message. */
	public static String brief(String sql) {
		return briefs.get(sql);
	}

	private static String shorten(String sql) {
		String folded = WHITESPACE.matcher(sql.trim()).replaceAll(" ");
		int from = folded.toUpperCase(Locale.ROOT).indexOf(" FROM ");
		String shown = (folded.length() > 90 && from > 0) ? "SELECT … " + folded.substring(from + 1) : folded;
		return (shown.length() > 90) ? shown.substring(0, 89) + "…" : shown;
	}

}
