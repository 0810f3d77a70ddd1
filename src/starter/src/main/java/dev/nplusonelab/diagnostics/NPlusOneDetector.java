package dev.nplusonelab.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.diagnostics.Finding.Kind;
import dev.nplusonelab.diagnostics.Finding.Source;
import dev.nplusonelab.diagnostics.Finding.Suggestion;

/**
 * Finds the N+1 pattern in one request's statements.
 * <ul>
 * <li>Statements with the same fingerprint, issued from the same line of application code
 * with different parameters, are a <em>potential N+1</em>: one query per row of an
 * earlier one. The earlier one, the <em>source</em>, is the nearest preceding statement
 * that returned at least as many rows as there are repeats and from whose table a
 * {@link FixSuggester} knows a relation to what they read.</li>
 * <li>The same fingerprint with the same parameters, twice or more, is a
 * <em>duplicate</em>, reported apart: caching or reusing the first answer fixes it, not a
 * join.</li>
 * <li>A statement that binds an array ({@code = ANY(?)}) loads a batch of keys at once;
 * it is the fix, not the problem, and is never counted as a repeat.</li>
 * <li>So are statements that each read a list of keys ({@code IN (?, ?, …)}, which
 * Hibernate's batch fetching pads to its batch size) when they are one statement for
 * several parents: each parent's key in one of them only, at least two keys per statement
 * on average, and at most half as many statements as the list they were issued for
 * returned rows. A list of keys per row of that list (each book's tags by their ids)
 * remains a potential N+1.</li>
 * <li>A statement that reads the rows after a key ({@code WHERE id > ? ... LIMIT n}) and
 * runs again from where it stopped is a chunked read of a large result (a keyset loop),
 * not a query per row: it is not counted either.</li>
 * <li>A statement that read ten or more large values is reported as <em>large
 * values</em>.</li>
 * </ul>
 * The fix comes from the suggesters, in order, and the starter's own last: the table and
 * the key column the repeated statement matches.
 */
public class NPlusOneDetector {

	private static final Pattern FROM_OR_JOIN = Pattern.compile(
			"(?i)\\b(FROM|JOIN)\\s+\"?([a-z_][a-z0-9_]*)\"?(?:\\s+(?:AS\\s+)?\"?(?!(?:WHERE|JOIN|LEFT|ON|ORDER|GROUP|LIMIT|INNER|CROSS)\\b)([a-z_][a-z0-9_]*)\"?)?");

	private static final Pattern WHERE_KEY = Pattern
		.compile("(?i)\\bWHERE\\s+(?:\"?([a-z_][a-z0-9_]*)\"?\\.)?\"?([a-z_][a-z0-9_]*)\"?\\s*(?:=|IN\\b)");

	/** A range on a key followed by a LIMIT: one chunk of a keyset loop. */
	private static final Pattern KEYSET_CHUNK = Pattern
		.compile("(?is)\\bWHERE\\s+(?:\"?[a-z_][a-z0-9_]*\"?\\.)?\"?[a-z_][a-z0-9_]*\"?\\s*>=?\\s*\\?.*\\bLIMIT\\b");

	/** Where the conditions of a WHERE clause end. */
	private static final Pattern CLAUSES_AFTER_WHERE = Pattern
		.compile("(?i)\\b(?:ORDER|GROUP)\\s+BY\\b|\\bLIMIT\\b|\\bOFFSET\\b");

	private static final Pattern MORE_CONDITIONS = Pattern.compile("(?i)\\b(?:AND|OR)\\b");

	private static final Pattern SELECT_LIST = Pattern.compile("(?is)^\\s*SELECT\\s+(.+?)\\s+FROM\\b");

	private static final Pattern AGGREGATE = Pattern
		.compile("(?i)^\\s*SELECT\\s+(?:round\\()?\\s*(count|avg|sum|min|max)\\(");

	private static final Pattern PLAIN_COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");

	/** A list of keys bound one by one: {@code IN (?, ?, ?)}. */
	private static final Pattern IN_LIST = Pattern.compile("(?i)\\bIN\\s*\\(\\s*\\?(?:\\s*,\\s*\\?)*\\s*\\)");

	/** Ten or more large values in one statement: more than a detail page would read. */
	public static final int LARGE_VALUES_PER_STATEMENT = 10;

	/**
	 * What the detector reads from a statement's text, read once per text: the detector
	 * runs after every request.
	 */
	private static final TextCache<Map<String, String>> TABLES = new TextCache<>(NPlusOneDetector::readTables);

	private static final TextCache<Optional<Shape>> SHAPES = new TextCache<>(NPlusOneDetector::shape);

	private static final TextCache<Boolean> CHUNKS = new TextCache<>((sql) -> KEYSET_CHUNK.matcher(sql).find());

	private final List<FixSuggester> suggesters;

	/** A detector with the starter's own suggestions only. */
	public NPlusOneDetector() {
		this(List.of());
	}

	/**
	 * @param suggesters the application's suggesters, in the order they are asked; the
	 * starter's own come after them
	 */
	public NPlusOneDetector(List<? extends FixSuggester> suggesters) {
		List<FixSuggester> all = new ArrayList<>(suggesters);
		all.add(new BuiltInSuggestions());
		this.suggesters = List.copyOf(all);
	}

	public List<Finding> findings(List<StatementRecord> statements) {
		Map<String, Integer> runs = new HashMap<>();
		statements.forEach((statement) -> runs.merge(statement.fingerprint(), 1, Integer::sum));
		Map<String, List<StatementRecord>> groups = new LinkedHashMap<>();
		for (StatementRecord statement : statements) {
			String key = statement.fingerprint() + '\u0000' + statement.callSite();
			groups.computeIfAbsent(key, (k) -> new ArrayList<>()).add(statement);
		}
		List<Finding> repeats = new ArrayList<>();
		List<Finding> duplicates = new ArrayList<>();
		for (List<StatementRecord> group : groups.values()) {
			if (group.size() < 2) {
				continue;
			}
			Set<String> parameterSets = new HashSet<>();
			group.forEach((statement) -> parameterSets.add(statement.parameterKey()));
			StatementRecord first = group.get(0);
			double millis = group.stream().mapToDouble(StatementRecord::millis).sum();
			List<Integer> indexes = group.stream().map(StatementRecord::index).toList();
			boolean batched = group.stream().allMatch((statement) -> statement.keys() > 0);
			boolean chunked = CHUNKS.get(first.sql());
			if (parameterSets.size() > 1 && !batched && !chunked) {
				RepeatedLookup lookup = lookup(first, group.size());
				StatementRecord source = locate(statements, runs, first, group.size(), lookup);
				if (!loadsInBatches(group, source)) {
					Suggestion suggestion = (lookup != null)
							? suggest(lookup.withSourceTable((source != null) ? tableOf(source.sql()) : null)) : null;
					repeats.add(new Finding(Kind.N_PLUS_ONE, first.sql(), first.callSite(), group.size(),
							parameterSets.size(), millis, indexes, (source != null) ? source(source) : null,
							suggestion));
				}
			}
			if (parameterSets.size() < group.size()) {
				duplicates.add(new Finding(Kind.DUPLICATE, first.sql(), first.callSite(), group.size(),
						parameterSets.size(), millis, indexes, null, null));
			}
		}
		repeats.sort((a, b) -> Integer.compare(b.count(), a.count()));
		repeats.addAll(duplicates);
		for (StatementRecord statement : statements) {
			long large = statement.fetched().largeValues();
			if (large >= LARGE_VALUES_PER_STATEMENT) {
				repeats.add(new Finding(Kind.LARGE_VALUES, statement.sql(), statement.callSite(), (int) large, 1,
						statement.millis(), List.of(statement.index()), null, suggestForLargeValues(statement)));
			}
		}
		return List.copyOf(repeats);
	}

	/**
	 * The list the repeats were issued for. Only statements that ran once are candidates:
	 * statements that repeat are other loops, not the list. Walking back from the first
	 * repeat, it is the nearest candidate that returned at least as many rows as there
	 * are repeats and whose table leads to what the repeats read; failing that, the
	 * nearest that returned as many rows; failing that, the nearest.
	 */
	private @Nullable StatementRecord locate(List<StatementRecord> statements, Map<String, Integer> runs,
			StatementRecord first, int repeats, @Nullable RepeatedLookup lookup) {
		StatementRecord nearest = null;
		StatementRecord enough = null;
		for (int i = first.index() - 2; i >= 0; i--) {
			StatementRecord candidate = statements.get(i);
			if (runs.get(candidate.fingerprint()) > 1) {
				continue;
			}
			nearest = (nearest != null) ? nearest : candidate;
			if (candidate.fetched().rows() < repeats) {
				continue;
			}
			enough = (enough != null) ? enough : candidate;
			String table = tableOf(candidate.sql());
			if (lookup != null && table != null && leadsTo(table, lookup)) {
				return candidate;
			}
		}
		return (enough != null) ? enough : nearest;
	}

	/**
	 * Whether statements that each read a list of keys are batches of the list they were
	 * issued for, as Hibernate's batch fetching sends them ({@code IN (?, ?, ?, ?)},
	 * padded with {@code NULL}s): no key in two of them, so each parent is loaded once;
	 * at least two keys per statement on average; and at most half as many statements as
	 * the list returned rows. A lookup per row by a list of the row's own keys
	 * ({@code findAllById} of each book's tags) runs as many statements as there are
	 * rows, and stays a potential N+1.
	 */
	private static boolean loadsInBatches(List<StatementRecord> group, @Nullable StatementRecord source) {
		if (source == null || source.fetched().rows() < 2L * group.size()) {
			return false;
		}
		Set<Object> keys = new HashSet<>();
		for (StatementRecord statement : group) {
			List<Object> listed = inListKeys(statement);
			if (listed.isEmpty()) {
				return false;
			}
			for (Object key : new HashSet<>(listed)) {
				if (!keys.add(key)) {
					return false;
				}
			}
		}
		return keys.size() >= 2 * group.size();
	}

	/**
	 * The keys a statement binds in its first {@code IN (?, ?, …)} list, without the
	 * {@code NULL}s that pad it; none when it has no such list, or is a JDBC batch.
	 */
	private static List<Object> inListKeys(StatementRecord statement) {
		String sql = statement.sql();
		Matcher list = IN_LIST.matcher(sql);
		if (statement.batchSize() > 1 || !list.find()) {
			return List.of();
		}
		int before = count(sql, 0, list.start());
		int listed = count(sql, list.start(), list.end());
		List<@Nullable Object> values = statement.values();
		if (values.size() < before + listed) {
			return List.of();
		}
		List<Object> keys = new ArrayList<>();
		for (Object value : values.subList(before, before + listed)) {
			if (value != null) {
				keys.add(value);
			}
		}
		return keys;
	}

	/** The {@code ?} placeholders of {@code sql} from {@code start} to {@code end}. */
	private static int count(String sql, int start, int end) {
		int count = 0;
		for (int i = start; i < end; i++) {
			if (sql.charAt(i) == '?') {
				count++;
			}
		}
		return count;
	}

	/**
	 * Whether the rows of {@code table} lead to what {@code lookup} reads: they are the
	 * same rows, or a suggester knows a relation.
	 */
	private boolean leadsTo(String table, RepeatedLookup lookup) {
		if (lookup.byId() && lookup.table().equals(table)) {
			return true;
		}
		for (FixSuggester suggester : this.suggesters) {
			if (Failures.guard(kind(suggester), () -> suggester.leadsTo(table, lookup), false)) {
				return true;
			}
		}
		return false;
	}

	private @Nullable Suggestion suggest(RepeatedLookup lookup) {
		for (FixSuggester suggester : this.suggesters) {
			Suggestion suggestion = Failures.guard(kind(suggester), () -> suggester.suggest(lookup), null);
			if (suggestion != null) {
				return suggestion;
			}
		}
		return null;
	}

	private @Nullable Suggestion suggestForLargeValues(StatementRecord statement) {
		for (FixSuggester suggester : this.suggesters) {
			Suggestion suggestion = Failures.guard(kind(suggester), () -> suggester.suggestForLargeValues(statement),
					null);
			if (suggestion != null) {
				return suggestion;
			}
		}
		return null;
	}

	private static String kind(FixSuggester suggester) {
		return "fix suggester " + suggester.getClass().getName();
	}

	private static Source source(StatementRecord statement) {
		return new Source(statement.index(), statement.sql(), statement.fetched().rows());
	}

	/**
	 * What a repeated statement looks up, from its WHERE clause: {@code null} when it
	 * matches no key with {@code =} or {@code IN}.
	 */
	private static @Nullable RepeatedLookup lookup(StatementRecord first, int count) {
		return SHAPES.get(first.sql())
			.map((shape) -> new RepeatedLookup(first.sql(), first.callSite(), count, shape.table(), shape.column(),
					shape.mainTable(), shape.aggregate(), shape.filtered(), shape.columns(), null))
			.orElse(null);
	}

	private static Optional<Shape> shape(String sql) {
		Map<String, String> tables = tables(sql);
		Matcher where = WHERE_KEY.matcher(sql);
		if (tables.isEmpty() || !where.find()) {
			return Optional.empty();
		}
		String mainTable = tables.values().iterator().next();
		String table = (where.group(1) != null)
				? tables.getOrDefault(where.group(1).toLowerCase(Locale.ROOT), where.group(1)) : mainTable;
		String column = where.group(2).toLowerCase(Locale.ROOT);
		String rest = CLAUSES_AFTER_WHERE.split(sql.substring(where.end()), 2)[0];
		boolean filtered = MORE_CONDITIONS.matcher(rest).find();
		return Optional.of(new Shape(table, column, mainTable, AGGREGATE.matcher(sql).find(), filtered, columns(sql)));
	}

	/** The parts of a {@link RepeatedLookup} that depend on the statement's text only. */
	private record Shape(String table, String column, String mainTable, boolean aggregate, boolean filtered,
			List<String> columns) {
	}

	/**
	 * The plain column names a statement selects, or none when it selects anything else.
	 */
	private static List<String> columns(String sql) {
		Matcher select = SELECT_LIST.matcher(sql);
		if (!select.find()) {
			return List.of();
		}
		List<String> columns = new ArrayList<>();
		for (String column : select.group(1).split(",")) {
			String name = column.strip();
			if (!PLAIN_COLUMN.matcher(name).matches()) {
				return List.of();
			}
			columns.add(name);
		}
		return List.copyOf(columns);
	}

	/**
	 * The table a statement reads first: {@code book} for {@code SELECT … FROM book b …}.
	 */
	public static @Nullable String tableOf(String sql) {
		return tables(sql).values().stream().findFirst().orElse(null);
	}

	/** Alias (or table name) → table name, in the order the statement names them. */
	private static Map<String, String> tables(String sql) {
		return TABLES.get(sql);
	}

	private static Map<String, String> readTables(String sql) {
		Map<String, String> tables = new LinkedHashMap<>();
		Matcher matcher = FROM_OR_JOIN.matcher(sql);
		while (matcher.find()) {
			String table = matcher.group(2).toLowerCase(Locale.ROOT);
			if (table.equals("lateral") || table.equals("unnest")) {
				continue;
			}
			tables.putIfAbsent(table, table);
			if (matcher.group(3) != null) {
				tables.putIfAbsent(matcher.group(3).toLowerCase(Locale.ROOT), table);
			}
		}
		return Collections.unmodifiableMap(tables);
	}

}
