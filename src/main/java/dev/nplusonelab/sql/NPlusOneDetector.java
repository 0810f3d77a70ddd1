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
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.query.Relation;
import dev.nplusonelab.query.Relations;
import dev.nplusonelab.query.Table;
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
 * that returned at least as many rows as there are repeats and from whose table a
 * relation leads to what they read.</li>
 * <li>The same fingerprint with the same parameters, twice or more, is a
 * <em>duplicate</em>, reported apart: caching or reusing the first answer fixes it, not a
 * join.</li>
 * <li>A statement that binds an array ({@code = ANY(?)}) loads a batch of keys at once;
 * it is the fix, not the problem, and is never counted as a repeat.</li>
 * <li>A statement that reads the rows after a key ({@code WHERE id > ? ... LIMIT n}) and
 * runs again from where it stopped is a chunked read of a large result (a keyset loop, as
 * the CSV export does), not a query per row: it is not counted either.</li>
 * </ul>
 * The suggestion follows the schema's {@link Relations} from the source's table to what
 * the repeated statement reads (the table and the column its WHERE clause matches): a
 * to-one or a chain of two ({@code join}), a to-many or a many-to-many
 * ({@code prefetch}), a to-one of a to-many's children (a {@code join} inside the
 * {@code prefetch}), a to-many under a to-many ({@code then}). Where no relation leads
 * there from the source, it names the table and the key and no relation: a relation the
 * list does not reach would be a wrong fix.
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

	/** Ten or more large values in one statement: more than a detail page would read. */
	static final int LARGE_VALUES_PER_STATEMENT = 10;

	private final Relations relations;

	public NPlusOneDetector(Relations relations) {
		this.relations = relations;
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
			boolean chunked = KEYSET_CHUNK.matcher(first.sql()).find();
			if (parameterSets.size() > 1 && !batched && !chunked) {
				Lookup lookup = lookup(first.sql());
				Located located = locate(statements, runs, first, group.size(), lookup);
				Suggestion suggestion = (lookup != null) ? suggestion(lookup, located.path()) : null;
				repeats.add(new Finding(Kind.N_PLUS_ONE, first.sql(), first.callSite(), group.size(),
						parameterSets.size(), millis, indexes, located.source(), suggestion));
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
						statement.millis(), List.of(statement.index()), null, new Suggestion("project", List.of(),
								"project only the columns the page shows", "Select.columns(...)")));
			}
		}
		return List.copyOf(repeats);
	}

	/**
	 * The list the repeats were issued for, and the relations that lead from its table to
	 * what the repeats read. Only statements that ran once are candidates: statements
	 * that repeat are other loops, not the list. Walking back from the first repeat, it
	 * is the nearest candidate that returned at least as many rows as there are repeats
	 * and from whose table a relation path reaches the repeated one; failing that, the
	 * nearest that returned as many rows; failing that, the nearest.
	 */
	private Located locate(List<StatementRecord> statements, Map<String, Integer> runs, StatementRecord first,
			int repeats, @Nullable Lookup lookup) {
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
			List<Relation> path = (lookup != null) ? path(tableOf(candidate.sql()), lookup) : null;
			if (path != null) {
				return new Located(source(candidate), path);
			}
		}
		StatementRecord source = (enough != null) ? enough : nearest;
		if (source == null) {
			return new Located(null, null);
		}
		return new Located(source(source), (lookup != null) ? path(tableOf(source.sql()), lookup) : null);
	}

	private static Source source(StatementRecord statement) {
		return new Source(statement.index(), statement.sql(), statement.fetched().rows());
	}

	/**
	 * The relations that lead from the rows of {@code from} to the rows {@code lookup}
	 * reads: none when it reads {@code from} again, else one or two steps, never back
	 * through a table already on the way (the books of each book's author are rarely what
	 * a loop over books asked for). Further than two steps, the list is rarely the one
	 * the rows came from. {@code null} when no such path exists.
	 */
	private @Nullable List<Relation> path(@Nullable String from, Lookup lookup) {
		if (from == null) {
			return null;
		}
		if (lookup.byId() && lookup.table().equals(from)) {
			return List.of();
		}
		for (Relation step : this.relations.all()) {
			if (step.source().name().equals(from) && lookup.endsWith(step)) {
				return List.of(step);
			}
		}
		for (Relation step : this.relations.all()) {
			if (!step.source().name().equals(from) || step.target().name().equals(from)) {
				continue;
			}
			for (Relation next : this.relations.all()) {
				if (next.source().equals(step.target()) && lookup.endsWith(next) && !next.target().name().equals(from)
						&& !next.target().equals(step.target())) {
					return List.of(step, next);
				}
			}
		}
		return null;
	}

	/**
	 * The fix for a repeated lookup, reached from the list by {@code path}, in terms of
	 * the query layer; without a path, one that names no relation the list does not
	 * reach.
	 */
	private Suggestion suggestion(Lookup lookup, @Nullable List<Relation> path) {
		if (path == null) {
			return (lookup.relation() != null) ? loadAtOnce(lookup, lookup.relation(), List.of()) : byKeys(lookup);
		}
		if (path.isEmpty()) {
			return sameRows(lookup);
		}
		Relation last = path.get(path.size() - 1);
		if (last instanceof ToOne) {
			if (path.get(0) instanceof ToMany many) {
				return new Suggestion("prefetch", names(path), "prefetch " + many.name() + " with join " + last.name(),
						prefetch(many, "") + ".join(" + Relations.constantName(last) + ")");
			}
			return new Suggestion("join", names(path), "join " + String.join(", ", names(path)),
					"Select.join(" + constants(path) + ")");
		}
		return loadAtOnce(lookup, (ToMany) last, path.subList(0, path.size() - 1));
	}

	/**
	 * The children a repeated statement reads over a to-many relation, for all parents at
	 * once: a prefetch, or a lateral when it only wanted a count or an average.
	 * @param lookup what the repeated statement reads
	 * @param relation the to-many relation, or the many-to-many, that leads to it
	 * @param before the step from the list to the relation's parent, if it is not the
	 * list itself
	 */
	private Suggestion loadAtOnce(Lookup lookup, ToMany relation, List<Relation> before) {
		String where = lookup.filtered() ? ".where(…)" : "";
		String filtered = lookup.filtered() ? " filtered by the same condition" : "";
		Relation step = before.isEmpty() ? null : before.get(0);
		if (lookup.aggregate()) {
			List<ToMany> over = new ArrayList<>();
			if (step instanceof ToMany many) {
				over.add(many);
			}
			over.add(relation);
			toManyTo(relation.target(), lookup.mainTable()).ifPresent(over::add);
			String constants = String.join(", ", over.stream().map(Relations::constantName).toList());
			String lateral = "Lateral.over(" + ((over.size() == 1) ? constants : "List.of(" + constants + ")") + ", …)"
					+ where;
			String names = String.join(", ", over.stream().map(Relation::name).toList());
			if (step instanceof ToOne join) {
				List<String> relations = new ArrayList<>(List.of(join.name()));
				over.forEach((many) -> relations.add(many.name()));
				return new Suggestion("annotate over", List.copyOf(relations),
						"join " + join.name() + ", then annotate over " + names + filtered,
						"Select.join(" + Relations.constantName(join) + ").annotate(" + lateral + ")");
			}
			return new Suggestion("annotate over", over.stream().map(Relation::name).toList(),
					"annotate over " + names + filtered, lateral);
		}
		if (step instanceof ToMany many) {
			return new Suggestion("prefetch", List.of(many.name(), relation.name()),
					"prefetch " + many.name() + " then " + relation.name() + filtered,
					prefetch(many, "") + ".then(" + prefetch(relation, where) + ", …)");
		}
		if (step instanceof ToOne join) {
			return new Suggestion("prefetch", List.of(join.name(), relation.name()),
					"join " + join.name() + ", then prefetch " + relation.name() + filtered,
					"Select.join(" + Relations.constantName(join) + "), then " + prefetch(relation, where));
		}
		return new Suggestion("prefetch", List.of(relation.name()), "prefetch " + relation.name() + filtered,
				prefetch(relation, where));
	}

	/**
	 * The list read the rows already and left out columns a later statement reads one row
	 * at a time: select them with the list.
	 */
	private Suggestion sameRows(Lookup lookup) {
		String alias = this.relations.all()
			.stream()
			.flatMap((relation) -> Stream.of(relation.source(), relation.target()))
			.filter((table) -> table.name().equals(lookup.table()))
			.map(Table::alias)
			.findFirst()
			.orElse(lookup.table());
		if (lookup.columns().isEmpty()) {
			return new Suggestion("select", List.of(),
					"select the columns of " + lookup.table() + " in the statement that read its rows",
					"Select.columns(…)");
		}
		String columns = String.join(", ", lookup.columns());
		String qualified = String.join(", ",
				lookup.columns().stream().map((column) -> "\"" + alias + "." + column + "\"").toList());
		return new Suggestion("select", List.of(),
				"select " + columns + " in the statement that read the " + lookup.table() + " rows",
				"Select.columns(…, " + qualified + ")");
	}

	/** No relation leads there from the list: the statement's own table and key. */
	private static Suggestion byKeys(Lookup lookup) {
		String key = lookup.table() + "." + lookup.column();
		return new Suggestion("load", List.of(),
				"load " + lookup.table() + " by " + lookup.column() + " for all rows at once",
				"WHERE " + key + " = ANY(?)");
	}

	private static String prefetch(ToMany relation, String options) {
		return "Prefetch.of(" + Relations.constantName(relation) + ", …)" + options;
	}

	private static List<String> names(List<Relation> path) {
		return path.stream().map(Relation::name).toList();
	}

	private static String constants(List<Relation> path) {
		return String.join(", ", path.stream().map(Relations::constantName).toList());
	}

	/**
	 * The to-many relation from {@code parent} to {@code table}, if it is another table.
	 */
	private Optional<ToMany> toManyTo(Table parent, String table) {
		if (parent.name().equals(table)) {
			return Optional.empty();
		}
		return this.relations.all()
			.stream()
			.filter(ToMany.class::isInstance)
			.map(ToMany.class::cast)
			.filter((relation) -> relation.source().equals(parent) && relation.target().name().equals(table))
			.findFirst();
	}

	/**
	 * What a statement looks up, from its WHERE clause: {@code null} when it matches no
	 * key with {@code =} or {@code IN}.
	 */
	private @Nullable Lookup lookup(String sql) {
		Map<String, String> tables = tables(sql);
		Matcher where = WHERE_KEY.matcher(sql);
		if (tables.isEmpty() || !where.find()) {
			return null;
		}
		String mainTable = tables.values().iterator().next();
		String table = (where.group(1) != null)
				? tables.getOrDefault(where.group(1).toLowerCase(Locale.ROOT), where.group(1)) : mainTable;
		String column = where.group(2).toLowerCase(Locale.ROOT);
		String rest = CLAUSES_AFTER_WHERE.split(sql.substring(where.end()), 2)[0];
		boolean filtered = MORE_CONDITIONS.matcher(rest).find();
		ToMany relation = column.equals("id") ? null : toManyBy(table, column).orElse(null);
		return new Lookup(table, column, mainTable, relation, AGGREGATE.matcher(sql).find(), filtered, columns(sql));
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
			if (!name.matches("[a-z_][a-z0-9_]*")) {
				return List.of();
			}
			columns.add(name);
		}
		return List.copyOf(columns);
	}

	/**
	 * The table a statement reads first: {@code book} for {@code SELECT … FROM book b …}.
	 */
	static @Nullable String tableOf(String sql) {
		return tables(sql).values().stream().findFirst().orElse(null);
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

	/**
	 * What a repeated statement looks up.
	 *
	 * @param table the table whose key its WHERE clause matches
	 * @param column that key
	 * @param mainTable the table it reads first, which the key's table may join
	 * @param relation the to-many relation whose children it reads, when the key is a
	 * parent's foreign key
	 * @param aggregate whether it only computes a count, an average or the like
	 * @param filtered whether more conditions follow the key's
	 * @param columns the plain columns it selects, if that is all it selects
	 */
	record Lookup(String table, String column, String mainTable, @Nullable ToMany relation, boolean aggregate,
			boolean filtered, List<String> columns) {

		boolean byId() {
			return this.column.equals("id");
		}

		/**
		 * Whether {@code step} reads the rows this lookup reads: a to-one or a
		 * many-to-many into the table by id, or the to-many relation itself.
		 */
		boolean endsWith(Relation step) {
			if (this.relation != null) {
				return step.equals(this.relation);
			}
			if (!byId() || !step.target().name().equals(this.table)) {
				return false;
			}
			return step instanceof ToOne || step instanceof ToMany many && many.link() != null;
		}

	}

	/**
	 * @param source the list, if any statement qualifies
	 * @param path the relations from the list to what the repeats read, {@code null} when
	 * none leads there
	 */
	private record Located(@Nullable Source source, @Nullable List<Relation> path) {
	}

}
