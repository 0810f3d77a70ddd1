package dev.nplusonelab.sql;

import java.util.ArrayList;
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

import dev.nplusonelab.query.Relation;
import dev.nplusonelab.query.Relations;
import dev.nplusonelab.query.ToMany;
import dev.nplusonelab.query.ToOne;
import dev.nplusonelab.sql.Finding.Kind;
import dev.nplusonelab.sql.Finding.Source;
import dev.nplusonelab.sql.Finding.Suggestion;

/**
 * Finds the N+1 pattern in one request's statements.
 * <ul>
 * <li>Statements with the same fingerprint, issued from the same line of application code
 * with different parameters, are a <em>potential N+1</em>: one query per row of an
 * earlier one. The earlier one, the <em>source</em>, is the nearest preceding statement
 * that returned at least as many rows as there are repeats.</li>
 * <li>The same fingerprint with the same parameters, twice or more, is a
 * <em>duplicate</em>, reported apart: caching or reusing the first answer fixes it, not a
 * join.</li>
 * <li>A statement that binds an array ({@code = ANY(?)}) loads a batch of keys at once;
 * it is the fix, not the problem, and is never counted as a repeat.</li>
 * <li>A statement that reads the rows after a key ({@code WHERE id > ? ... LIMIT n}) and
 * runs again from where it stopped is a chunked read of a large result (a keyset loop, as
 * the CSV export does), not a query per row: it is not counted either.</li>
 * </ul>
 * The suggestion names the relation the repeated statement walks, from the schema's
 * {@link Relations}: the table it reads and the column its WHERE clause matches.
 */
public class NPlusOneDetector {

	private static final Pattern FROM_OR_JOIN = Pattern.compile(
			"(?i)\\b(FROM|JOIN)\\s+\"?([a-z_][a-z0-9_]*)\"?(?:\\s+(?:AS\\s+)?\"?(?!(?:WHERE|JOIN|LEFT|ON|ORDER|GROUP|LIMIT|INNER|CROSS)\\b)([a-z_][a-z0-9_]*)\"?)?");

	private static final Pattern WHERE_KEY = Pattern
		.compile("(?i)\\bWHERE\\s+(?:\"?([a-z_][a-z0-9_]*)\"?\\.)?\"?([a-z_][a-z0-9_]*)\"?\\s*(?:=|IN\\b)");

	/** A range on a key followed by a LIMIT: one chunk of a keyset loop. */
	private static final Pattern KEYSET_CHUNK = Pattern
		.compile("(?is)\\bWHERE\\s+(?:\"?[a-z_][a-z0-9_]*\"?\\.)?\"?[a-z_][a-z0-9_]*\"?\\s*>=?\\s*\\?.*\\bLIMIT\\b");

	private static final Pattern AGGREGATE = Pattern
		.compile("(?i)^\\s*SELECT\\s+(?:round\\()?\\s*(count|avg|sum|min|max)\\(");

	/** Ten or more large values in one statement: more than a detail page would read. */
	static final int LARGE_VALUES_PER_STATEMENT = 10;

	private final Relations relations;

	public NPlusOneDetector(Relations relations) {
		this.relations = relations;
	}

	public List<Finding> findings(List<StatementRecord> statements) {
		List<String> fingerprints = statements.stream().map((statement) -> Fingerprint.of(statement.sql())).toList();
		Map<String, Integer> runs = new HashMap<>();
		fingerprints.forEach((fingerprint) -> runs.merge(fingerprint, 1, Integer::sum));
		Map<String, List<StatementRecord>> groups = new LinkedHashMap<>();
		for (int i = 0; i < statements.size(); i++) {
			String key = fingerprints.get(i) + '\u0000' + statements.get(i).callSite();
			groups.computeIfAbsent(key, (k) -> new ArrayList<>()).add(statements.get(i));
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
			boolean chunked = KEYSET_CHUNK.matcher(first.sql()).find();
			if (parameterSets.size() > 1 && !batched && !chunked) {
				Source source = source(statements, fingerprints, runs, first, group.size());
				repeats.add(new Finding(Kind.N_PLUS_ONE, first.sql(), first.callSite(), group.size(),
						parameterSets.size(), millis, indexes, source, suggestion(first.sql(), source).orElse(null)));
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
						statement.millis(), List.of(statement.index()), null,
						new Suggestion("project", List.of("only the columns the page shows"), "Select.columns(...)")));
			}
		}
		return List.copyOf(repeats);
	}

	/**
	 * The list the repeats were issued for: the nearest earlier statement that ran once
	 * (statements that repeat are other loops, not the list) and returned at least as
	 * many rows as there are repeats; failing that, the nearest earlier statement that
	 * ran once.
	 */
	private static @Nullable Source source(List<StatementRecord> statements, List<String> fingerprints,
			Map<String, Integer> runs, StatementRecord first, int repeats) {
		StatementRecord nearest = null;
		for (int i = first.index() - 2; i >= 0; i--) {
			StatementRecord candidate = statements.get(i);
			if (runs.get(fingerprints.get(i)) > 1) {
				continue;
			}
			nearest = (nearest != null) ? nearest : candidate;
			if (candidate.fetched().rows() >= repeats) {
				return new Source(candidate.index(), candidate.sql(), candidate.fetched().rows());
			}
		}
		return (nearest != null) ? new Source(nearest.index(), nearest.sql(), nearest.fetched().rows()) : null;
	}

	/**
	 * The relation a repeated statement walks, and how the query layer loads it at once.
	 */
	Optional<Suggestion> suggestion(String sql, @Nullable Source source) {
		Map<String, String> tables = tables(sql);
		Matcher where = WHERE_KEY.matcher(sql);
		if (tables.isEmpty() || !where.find()) {
			return Optional.empty();
		}
		String mainTable = tables.values().iterator().next();
		String table = (where.group(1) != null)
				? tables.getOrDefault(where.group(1).toLowerCase(Locale.ROOT), where.group(1)) : mainTable;
		String column = where.group(2).toLowerCase(Locale.ROOT);
		String sourceTable = (source != null) ? tables(source.sql()).values().stream().findFirst().orElse(null) : null;
		if (column.equals("id")) {
			return toOneTo(table, sourceTable).or(() -> manyToManyTo(table, sourceTable));
		}
		boolean aggregate = AGGREGATE.matcher(sql).find();
		return toManyBy(table, column).map((relation) -> aggregate
				? new Suggestion("annotate over", List.of(relation.name()),
						"Lateral.over(" + Relations.constantName(relation) + ", …)")
				: new Suggestion("prefetch", List.of(relation.name()),
						"Prefetch.of(" + Relations.constantName(relation) + ", …)"));
	}

	private Optional<Suggestion> toOneTo(String target, @Nullable String sourceTable) {
		List<ToOne> candidates = this.relations.all()
			.stream()
			.filter(ToOne.class::isInstance)
			.map(ToOne.class::cast)
			.filter((relation) -> relation.target().name().equals(target))
			.toList();
		for (ToOne relation : candidates) {
			if (relation.source().name().equals(sourceTable)) {
				return Optional.of(join(List.of(relation)));
			}
		}
		for (ToOne relation : candidates) {
			Optional<ToOne> step = this.relations.all()
				.stream()
				.filter(ToOne.class::isInstance)
				.map(ToOne.class::cast)
				.filter((first) -> first.source().name().equals(sourceTable)
						&& first.target().equals(relation.source()))
				.findFirst();
			if (step.isPresent()) {
				return Optional.of(join(List.of(step.get(), relation)));
			}
		}
		return candidates.stream().findFirst().map((relation) -> join(List.of(relation)));
	}

	private Optional<Suggestion> manyToManyTo(String target, @Nullable String sourceTable) {
		return this.relations.all()
			.stream()
			.filter(ToMany.class::isInstance)
			.map(ToMany.class::cast)
			.filter((relation) -> relation.link() != null && relation.target().name().equals(target))
			.sorted((a, b) -> Boolean.compare(!a.source().name().equals(sourceTable),
					!b.source().name().equals(sourceTable)))
			.findFirst()
			.map((relation) -> new Suggestion("prefetch", List.of(relation.name()),
					"Prefetch.of(" + Relations.constantName(relation) + ", …)"));
	}

	private Optional<ToMany> toManyBy(String table, String column) {
		return this.relations.all()
			.stream()
			.filter(ToMany.class::isInstance)
			.map(ToMany.class::cast)
			.filter((relation) -> relation.foreignKey().equals(column) && ((relation.link() == null)
					? relation.target().name().equals(table) : relation.link().table().name().equals(table)))
			.findFirst();
	}

	private static Suggestion join(List<ToOne> path) {
		List<String> names = path.stream().map(Relation::name).toList();
		String constants = String.join(", ", path.stream().map(Relations::constantName).toList());
		return new Suggestion("join", names, "Select.join(" + constants + ")");
	}

	/** Alias (or table name) → table name, in the order the statement names them. */
	private static Map<String, String> tables(String sql) {
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
		return tables;
	}

}
