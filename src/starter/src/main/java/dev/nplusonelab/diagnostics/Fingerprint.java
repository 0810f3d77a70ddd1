package dev.nplusonelab.diagnostics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

	/**
	 * An application runs a few hundred distinct statement texts: each is fingerprinted
	 * once, and the statements of every report share the result. Texts with literals in
	 * them could be endless, so the cache stops growing at this size.
	 */
	private static final int CACHED_TEXTS = 2048;

	private static final Map<String, String> cache = new ConcurrentHashMap<>();

	private static final Map<String, String> briefs = new ConcurrentHashMap<>();

	private Fingerprint() {
	}

	/** The shape of {@code sql}: {@code SELECT * FROM t WHERE id IN (?…)}. */
	public static String of(String sql) {
		String cached = cache.get(sql);
		if (cached != null) {
			return cached;
		}
		String fingerprint = fold(sql);
		if (cache.size() < CACHED_TEXTS) {
			cache.putIfAbsent(sql, fingerprint);
		}
		return fingerprint;
	}

	private static String fold(String sql) {
		String folded = WHITESPACE.matcher(sql.trim()).replaceAll(" ");
		folded = STRING.matcher(folded).replaceAll("?");
		folded = NUMBER.matcher(folded).replaceAll("?");
		return IN_LIST.matcher(folded).replaceAll("IN (?…)");
	}

	/** Shortened for a one-line message. */
	public static String brief(String sql) {
		String cached = briefs.get(sql);
		if (cached != null) {
			return cached;
		}
		String brief = shorten(sql);
		if (briefs.size() < CACHED_TEXTS) {
			briefs.putIfAbsent(sql, brief);
		}
		return brief;
	}

	private static String shorten(String sql) {
		String folded = WHITESPACE.matcher(sql.trim()).replaceAll(" ");
		int from = folded.toUpperCase(Locale.ROOT).indexOf(" FROM ");
		String shown = (folded.length() > 90 && from > 0) ? "SELECT … " + folded.substring(from + 1) : folded;
		return (shown.length() > 90) ? shown.substring(0, 89) + "…" : shown;
	}

}
