package dev.nplusonelab.diagnostics.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.diagnostics.detect.Finding.Kind;
import dev.nplusonelab.diagnostics.detect.Finding.Site;
import dev.nplusonelab.diagnostics.detect.Finding.Source;
import dev.nplusonelab.diagnostics.detect.Finding.Suggestion;

import dev.nplusonelab.diagnostics.capture.DataAccess;
import dev.nplusonelab.diagnostics.capture.Failures;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.diagnostics.capture.Statements;
import dev.nplusonelab.diagnostics.capture.TextCache;

/**
 * Finds the N+1 pattern in one request's statements.
 * <ul>
 * <li>A read with parameters, issued from one line of application code once per row of an
 * earlier one, is a <em>potential N+1</em>, whatever values the rows hold: rows that
 * share a key are counted in the finding ("4 distinct keys"), not reported instead of it.
 * With the same values every time, it is one only when an earlier list returned a row for
 * each run. The list, the <em>source</em>, is the nearest preceding statement that
 * returned at least as many rows as there are repeats and from whose table a
 * {@link FixSuggester} knows a relation to what they read.</li>
 * <li>The same read with the same values, twice or more, from any lines, and not as part
 * of one potential N+1, is a <em>duplicate</em>: reusing the first answer fixes it, not a
 * join. So is a read with no parameters at all, run again and again.</li>
 * <li>Writes are not reads: repeated INSERT, UPDATE or DELETE statements are never a
 * potential N+1 or a duplicate. From one line, one at a time, at least
 * {@code unbatchedWrites} of them are <em>unbatched writes</em>, which a JDBC batch
 * answers. The next value of a sequence is neither.</li>
 * <li>A statement that binds an array ({@code = ANY(?)}) loads a batch of keys at once;
 * it is the fix, not the problem, and is never counted as a repeat.</li>
 * <li>So are statements that each read a list of keys ({@code IN (?, ?, …)}, which
 * Hibernate's batch fetching pads to its batch size) when they are one statement for
 * several parents: each parent's key in one of them only, at least two keys per statement
 * on average, and at most half as many statements as the list they were issued for
 * returned rows. A list of keys per row of that list (each book's tags by their ids)
 * remains a potential N+1.</li>
 * <li>Two or more such batches, of arrays or of key lists, from one line and of one
 * statement, for one list, are <em>batch+1</em>: the batch is smaller than the list
 * (Hibernate's {@code default_batch_fetch_size=2} over ten owners sends five
 * {@code IN (?, ?)}; a loop of {@code findAllById} over chunks does the same). The keys
 * are counted from the bound values, without Hibernate's {@code NULL} padding. The fix is
 * a batch size of at least that many keys for Hibernate, and one statement with all of
 * them for JDBC code. One batch for the whole list is no finding.</li>
 * <li>Potential N+1s that make one loop are one <em>loop</em> finding, which lists them:
 * two or more of them issued for the same list (the same source statement), each run the
 * same number of times, whose statements interleave in one repeating order: round one
 * runs a, b, c, round two a, b, c again, and no round starts before the one before it has
 * run all of them. N+1s whose counts differ (Hibernate skipped keys its persistence
 * context already held), that were issued for different lists, or that run one after the
 * other (two loops over one list) stay findings of their own. A loop counts as one
 * potential N+1 ({@link Finding#isNPlusOne()}): one place to change, one fix.</li>
 * <li>A statement that reads the rows after a key ({@code WHERE id > ? ... LIMIT n}) and
 * runs again from where it stopped is a chunked read of a large result (a keyset loop),
 * not a query per row: it is not counted either.</li>
 * <li>A statement that read ten or more large values of one column is reported as
 * <em>large values</em>: one finding for the statement, its line and the column, with
 * every run that read as many.</li>
 * </ul>
 * Names are read through any quoting ({@code "book"}, {@code `book`}, {@code [book]}) and
 * schema. The fix comes from the suggesters, in order, and the starter's own last: in the
 * terms of the code that issued the statements, valid on the database they ran on.
 */
public class NPlusOneDetector {

	/** One identifier: bare, or quoted as PostgreSQL, MySQL or SQL Server quote them. */
	static final String NAME = "(?:\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\]|[a-z_][a-z0-9_$]*)";

	/** An identifier with its schema or table before it: {@code "public"."book"}. */
	static final String QUALIFIED = NAME + "(?:\\s*\\.\\s*" + NAME + ")*";

	private static final String NOT_A_KEYWORD = "(?!(?:WHERE|JOIN|LEFT|RIGHT|FULL|ON|ORDER|GROUP|LIMIT|INNER|OUTER|CROSS|"
			+ "NATURAL|USING|SET|VALUES|UNION|HAVING|OFFSET|FETCH|FOR|WINDOW)\\b)";

	static final Pattern FROM_OR_JOIN = Pattern.compile("(?i)\\b(FROM|JOIN|(?<!FOR\\s)UPDATE|INTO)\\s+(" + QUALIFIED
			+ ")(?:\\s+(?:AS\\s+)?" + NOT_A_KEYWORD + "(" + NAME + "))?");

	static final Pattern WHERE_KEY = Pattern.compile("(?i)\\bWHERE\\s+\\(?\\s*(" + QUALIFIED + ")\\s*(?:=|IN\\b)");

	/** A range on a key followed by a LIMIT: one chunk of a keyset loop. */
	private static final Pattern KEYSET_CHUNK = Pattern
		.compile("(?is)\\bWHERE\\s+" + QUALIFIED + "\\s*>=?\\s*\\?.*\\bLIMIT\\b");

	/** Where the conditions of a WHERE clause end. */
	static final Pattern CLAUSES_AFTER_WHERE = Pattern
		.compile("(?i)\\b(?:ORDER|GROUP)\\s+BY\\b|\\bLIMIT\\b|\\bOFFSET\\b|\\bFETCH\\b|\\bFOR\\s+UPDATE\\b");

	private static final Pattern MORE_CONDITIONS = Pattern.compile("(?i)\\b(?:AND|OR)\\b");

	private static final Pattern SELECT_LIST = Pattern.compile("(?is)^\\s*SELECT\\s+(.+?)\\s+FROM\\b");

	private static final Pattern AGGREGATE = Pattern
		.compile("(?i)^\\s*SELECT\\s+(?:round\\()?\\s*(count|avg|sum|min|max)\\s*\\(");

	private static final Pattern PLAIN_COLUMN = Pattern.compile("(?i)" + NAME);

	private static final Pattern PART = Pattern.compile("(?i)" + NAME);

	/** A list of keys bound one by one: {@code IN (?, ?, ?)}. */
	private static final Pattern IN_LIST = Pattern.compile("(?i)\\bIN\\s*\\(\\s*\\?(?:\\s*,\\s*\\?)*\\s*\\)");

	/** Ten or more large values in one statement: more than a detail page would read. */
	public static final int LARGE_VALUES_PER_STATEMENT = 10;

	/** Writes from one line, one at a time, reported from this many on by default. */
	public static final int UNBATCHED_WRITES = 10;

	/**
	 * What the detector reads from a statement's text, read once per text: the detector
	 * runs after every request.
	 */
	private static final TextCache<Map<String, String>> TABLES = new TextCache<>(NPlusOneDetector::readTables);

	private static final TextCache<Optional<Shape>> SHAPES = new TextCache<>(NPlusOneDetector::shape);

	private static final TextCache<Boolean> CHUNKS = new TextCache<>((sql) -> KEYSET_CHUNK.matcher(sql).find());

	private final List<FixSuggester> suggesters;

	private final BuiltInSuggestions builtIn = new BuiltInSuggestions();

	private final int unbatchedWrites;

	/** A detector with the starter's own suggestions only. */
	public NPlusOneDetector() {
		this(List.of());
	}

	/**
	 * @param suggesters the application's suggesters, in the order they are asked; the
	 * starter's own come after them
	 */
	public NPlusOneDetector(List<? extends FixSuggester> suggesters) {
		this(suggesters, UNBATCHED_WRITES);
	}

	/**
	 * @param suggesters the application's suggesters, in the order they are asked, and
	 * the starter's that read the application's mapping, which are asked after them; the
	 * built-in one comes last
	 * @param unbatchedWrites how many writes from one line, one at a time, make unbatched
	 * writes
	 */
	public NPlusOneDetector(List<? extends FixSuggester> suggesters, int unbatchedWrites) {
		// The application's own first, in their order, then the starter's that read the
		// mapping, then the built-in one.
		List<FixSuggester> all = new ArrayList<>();
		suggesters.stream().filter((suggester) -> !(suggester instanceof MappingSuggester)).forEach(all::add);
		suggesters.stream().filter(MappingSuggester.class::isInstance).forEach(all::add);
		all.add(this.builtIn);
		this.suggesters = List.copyOf(all);
		this.unbatchedWrites = unbatchedWrites;
	}

	/** The findings of statements that ran outside a request, or in a test block. */
	public List<Finding> findings(List<StatementRecord> statements) {
		return findings(statements, null);
	}

	/**
	 * The findings of one request's statements.
	 * @param route the request's route template, which suggesters may read
	 */
	public List<Finding> findings(List<StatementRecord> statements, @Nullable String route) {
		Map<String, Integer> runs = new HashMap<>();
		Map<String, List<StatementRecord>> bySite = new LinkedHashMap<>();
		Map<String, List<StatementRecord>> writes = new LinkedHashMap<>();
		for (StatementRecord statement : statements) {
			Statements.Kind kind = Statements.kind(statement.sql());
			if (kind == Statements.Kind.READ) {
				runs.merge(statement.fingerprint(), 1, Integer::sum);
				bySite
					.computeIfAbsent(statement.fingerprint() + '\u0000' + statement.callSite(),
							(k) -> new ArrayList<>())
					.add(statement);
			}
			else if (kind == Statements.Kind.WRITE && statement.batchSize() <= 1) {
				writes
					.computeIfAbsent(statement.fingerprint() + '\u0000' + statement.callSite(),
							(k) -> new ArrayList<>())
					.add(statement);
			}
		}
		List<Finding> found = new ArrayList<>();
		Set<String> perRowSites = new HashSet<>();
		Map<Finding, List<StatementRecord>> ran = new IdentityHashMap<>();
		for (Map.Entry<String, List<StatementRecord>> group : bySite.entrySet()) {
			Finding repeat = perRow(statements, runs, group.getValue(), route);
			if (repeat != null) {
				found.add(repeat);
				ran.put(repeat, group.getValue());
				perRowSites.add(group.getKey());
			}
		}
		found = loops(found, ran);
		found.sort((a, b) -> Integer.compare(b.count(), a.count()));
		found.addAll(duplicates(bySite, perRowSites));
		for (List<StatementRecord> group : writes.values()) {
			if (group.size() >= this.unbatchedWrites) {
				StatementRecord first = group.get(0);
				found.add(new Finding(Kind.UNBATCHED_WRITES, first.sql(), first.callSite(), group.size(),
						distinct(group), millis(group), indexes(group), null, this.builtIn.forWrites(first),
						List.of(new Site(first.callSite(), group.size())), null));
			}
		}
		found.addAll(largeValues(statements));
		return List.copyOf(found);
	}

	/**
	 * One finding per statement, line and column, however many times the statement ran: a
	 * list that loads every column of each parent's children reads the same column in
	 * every run, and fifty findings of it would bury the rest. Each run counts when it
	 * read at least {@value #LARGE_VALUES_PER_STATEMENT} large values of the column.
	 */
	private List<Finding> largeValues(List<StatementRecord> statements) {
		Map<String, List<StatementRecord>> runs = new LinkedHashMap<>();
		Map<String, Long> values = new HashMap<>();
		for (StatementRecord statement : statements) {
			for (Map.Entry<String, Long> column : statement.fetched().largeValuesByColumn().entrySet()) {
				if (column.getValue() >= LARGE_VALUES_PER_STATEMENT) {
					String key = statement.fingerprint() + '\u0000' + statement.callSite() + '\u0000' + column.getKey();
					runs.computeIfAbsent(key, (k) -> new ArrayList<>()).add(statement);
					values.merge(key, column.getValue(), Long::sum);
				}
			}
		}
		List<Finding> found = new ArrayList<>(runs.size());
		for (Map.Entry<String, List<StatementRecord>> group : runs.entrySet()) {
			List<StatementRecord> ran = group.getValue();
			StatementRecord first = ran.get(0);
			String column = group.getKey().substring(group.getKey().lastIndexOf('\u0000') + 1);
			int count = (int) Math.min(Integer.MAX_VALUE, values.get(group.getKey()));
			found.add(new Finding(Kind.LARGE_VALUES, first.sql(), first.callSite(), count, distinct(ran), millis(ran),
					indexes(ran), null, suggestForLargeValues(first), List.of(new Site(first.callSite(), ran.size())),
					column));
		}
		return found;
	}

	/**
	 * The potential N+1 of one read from one line, if it ran once per row: with
	 * parameters, at least twice, not a batch or a chunk of a keyset loop, and with
	 * different values, or with the same ones for every row of an earlier list.
	 */
	private @Nullable Finding perRow(List<StatementRecord> statements, Map<String, Integer> runs,
			List<StatementRecord> group, @Nullable String route) {
		StatementRecord first = group.get(0);
		if (group.size() < 2 || first.fingerprint().indexOf('?') < 0 || CHUNKS.get(first.sql())) {
			return null;
		}
		int distinct = distinct(group);
		RepeatedLookup lookup = lookup(first, group.size(), distinct, route);
		StatementRecord source = locate(statements, runs, first, group.size(), lookup);
		Set<Object> batched = batchedKeys(group, source);
		if (batched != null) {
			return batchPlusOne(group, source, lookup, batched);
		}
		boolean oneList = source != null && source.fetched().rows() >= group.size();
		if ((distinct == 1 && !oneList) || bindsArrays(group)) {
			return null;
		}
		Source list = (source != null) ? source(source) : null;
		Suggestion suggestion = (lookup != null) ? suggest(lookup.from(list)) : null;
		return new Finding(Kind.N_PLUS_ONE, first.sql(), first.callSite(), group.size(), distinct, millis(group),
				indexes(group), list, suggestion, List.of(new Site(first.callSite(), group.size())), null);
	}

	/**
	 * Batches smaller than the list they were issued for: one finding for all of them,
	 * with the batch size or the single statement that would load every key at once.
	 */
	private Finding batchPlusOne(List<StatementRecord> group, StatementRecord source, @Nullable RepeatedLookup lookup,
			Set<Object> keys) {
		StatementRecord first = group.get(0);
		int largest = 0;
		for (StatementRecord statement : group) {
			largest = Math.max(largest, batchKeys(statement).size());
		}
		Source list = source(source);
		Suggestion suggestion = (lookup != null) ? suggestForBatches(lookup.from(list), keys.size()) : null;
		return new Finding(Kind.BATCH_PLUS_ONE, first.sql(), first.callSite(), group.size(), keys.size(), millis(group),
				indexes(group), list, suggestion, List.of(new Site(first.callSite(), group.size())), null, List.of(),
				largest);
	}

	/**
	 * The potential N+1s that make one loop, as one finding each, in place of the first
	 * of them; the others as they were. Candidates share their list and their count;
	 * among them, those whose statements overlap in the request are checked for one
	 * repeating order (see the class's description).
	 */
	private List<Finding> loops(List<Finding> perRow, Map<Finding, List<StatementRecord>> ran) {
		Map<String, List<Finding>> candidates = new LinkedHashMap<>();
		for (Finding finding : perRow) {
			if (finding.source() != null) {
				candidates
					.computeIfAbsent(finding.source().index() + "\u0000" + finding.count(), (k) -> new ArrayList<>())
					.add(finding);
			}
		}
		Map<Finding, Finding> loopOf = new IdentityHashMap<>();
		for (List<Finding> sameList : candidates.values()) {
			for (List<Finding> overlapping : overlapping(sameList, ran)) {
				List<Finding> order = (overlapping.size() > 1) ? roundOrder(overlapping, ran) : null;
				if (order != null) {
					Finding loop = loop(order, ran);
					overlapping.forEach((member) -> loopOf.put(member, loop));
				}
			}
		}
		if (loopOf.isEmpty()) {
			return perRow;
		}
		List<Finding> found = new ArrayList<>(perRow.size());
		Set<Finding> added = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Finding finding : perRow) {
			Finding loop = loopOf.getOrDefault(finding, finding);
			if (added.add(loop)) {
				found.add(loop);
			}
		}
		return found;
	}

	/**
	 * The findings in groups whose statements overlap in the request: the first statement
	 * of each runs before the last of another in its group. Two loops over one list, one
	 * after the other, are two groups.
	 */
	private static List<List<Finding>> overlapping(List<Finding> findings, Map<Finding, List<StatementRecord>> ran) {
		List<Finding> byStart = new ArrayList<>(findings);
		byStart.sort((a, b) -> Integer.compare(a.indexes().get(0), b.indexes().get(0)));
		List<List<Finding>> groups = new ArrayList<>();
		List<Finding> current = new ArrayList<>();
		int end = -1;
		for (Finding finding : byStart) {
			List<Integer> indexes = finding.indexes();
			if (!current.isEmpty() && indexes.get(0) > end) {
				groups.add(current);
				current = new ArrayList<>();
			}
			current.add(finding);
			end = Math.max(end, indexes.get(indexes.size() - 1));
		}
		if (!current.isEmpty()) {
			groups.add(current);
		}
		return groups;
	}

	/**
	 * The members in the order each round runs them, if their statements run in rounds of
	 * one of each, always in that order; {@code null} if they do not.
	 */
	private static @Nullable List<Finding> roundOrder(List<Finding> members, Map<Finding, List<StatementRecord>> ran) {
		Map<Integer, Finding> byIndex = new TreeMap<>();
		for (Finding member : members) {
			for (StatementRecord statement : ran.get(member)) {
				byIndex.put(statement.index(), member);
			}
		}
		List<Finding> sequence = new ArrayList<>(byIndex.values());
		int size = members.size();
		// The first round sets the order; every member runs once in each round only if
		// the whole sequence repeats it, as a member missing from it would then never
		// run.
		List<Finding> order = sequence.subList(0, size);
		for (int i = size; i < sequence.size(); i++) {
			if (sequence.get(i) != order.get(i % size)) {
				return null;
			}
		}
		return List.copyOf(order);
	}

	/** One finding for the members of a loop, in the order each round runs them. */
	private Finding loop(List<Finding> members, Map<Finding, List<StatementRecord>> ran) {
		List<Integer> indexes = new ArrayList<>();
		List<Site> sites = new ArrayList<>(members.size());
		double millis = 0;
		int count = 0;
		for (Finding member : members) {
			indexes.addAll(member.indexes());
			sites.add(new Site(member.callSite(), member.count()));
			millis += member.millis();
			count += member.count();
		}
		indexes.sort(null);
		Finding first = members.get(0);
		String callSite = commonLine(members, ran);
		return new Finding(Kind.LOOP, first.sql(), (callSite != null) ? callSite : first.callSite(), count,
				first.count(), millis, List.copyOf(indexes), first.source(),
				loopFix(members, ran.get(first).get(0).issuer()), List.copyOf(sites), null, members, 0);
	}

	/**
	 * The nearest line of application code that the first statement of every member came
	 * through, its call site or a caller: where the loop runs, or the method that runs
	 * it.
	 */
	private static @Nullable String commonLine(List<Finding> members, Map<Finding, List<StatementRecord>> ran) {
		List<List<String>> stacks = new ArrayList<>(members.size());
		for (Finding member : members) {
			stacks.add(ran.get(member).get(0).stack());
		}
		for (String line : stacks.get(0)) {
			if (stacks.stream().allMatch((stack) -> stack.contains(line))) {
				return line;
			}
		}
		return null;
	}

	/**
	 * One fix for a loop, from its members' own: each lookup for every row at once, as
	 * many statements as the loop has members, or joined into the list's query, as the
	 * code that sent them joins.
	 */
	private static @Nullable Suggestion loopFix(List<Finding> members, DataAccess issuer) {
		// Members with the same fix (an aggregate and the rows that come with it) are
		// named together, once.
		Map<Suggestion, List<String>> tables = new LinkedHashMap<>();
		for (Finding member : members) {
			Suggestion fix = member.suggestion();
			if (fix != null) {
				tables.computeIfAbsent(fix, (k) -> new ArrayList<>()).add(String.valueOf(tableOf(member.sql())));
			}
		}
		if (tables.isEmpty()) {
			return null;
		}
		List<String> relations = new ArrayList<>();
		StringBuilder summary = new StringBuilder();
		StringBuilder code = new StringBuilder();
		int named = 0;
		for (Map.Entry<Suggestion, List<String>> fix : tables.entrySet()) {
			named++;
			fix.getKey()
				.relations()
				.stream()
				.filter((relation) -> !relations.contains(relation))
				.forEach(relations::add);
			summary.append("; ")
				.append(named)
				.append(") ")
				.append(String.join(", ", fix.getValue()))
				.append(": ")
				.append(fix.getKey().summary());
			code.append((named > 1) ? "; " : "").append(named).append(") ").append(fix.getKey().code());
		}
		Finding first = members.get(0);
		String rows = (first.source() != null) ? "the " + first.source().rows() + " rows of #" + first.source().index()
				: "the list";
		return new Suggestion("load", List.copyOf(relations),
				"load what the loop looks up for all of " + rows + " at once, " + members.size()
						+ " statements instead of " + (members.size() * first.count()) + ", " + join(issuer) + summary,
				code.toString());
	}

	/** How the code that sent a loop's statements reads them with the list instead. */
	private static String join(DataAccess issuer) {
		return switch (issuer) {
			case HIBERNATE -> "or join fetch them in the list's query";
			// Aggregates refer to each other by id: a join across them is a query of
			// its own, mapped to a read model.
			case SPRING_DATA_JDBC ->
				"or read them with the list in one @Query that joins their tables into a read " + "model";
			default -> "or join their tables into the list's statement";
		};
	}

	/**
	 * The same reads with the same values, one finding per statement shape with every
	 * line that ran them; repeats that all belong to one potential N+1 are counted there
	 * instead.
	 */
	private List<Finding> duplicates(Map<String, List<StatementRecord>> bySite, Set<String> perRowSites) {
		Map<Exact, List<StatementRecord>> exact = new LinkedHashMap<>();
		for (Map.Entry<String, List<StatementRecord>> group : bySite.entrySet()) {
			for (StatementRecord statement : group.getValue()) {
				exact.computeIfAbsent(Exact.of(statement), (k) -> new ArrayList<>()).add(statement);
			}
		}
		Map<String, List<List<StatementRecord>>> byShape = new LinkedHashMap<>();
		for (List<StatementRecord> same : exact.values()) {
			if (same.size() < 2) {
				continue;
			}
			StatementRecord first = same.get(0);
			boolean oneSite = same.stream().allMatch((statement) -> statement.callSite().equals(first.callSite()));
			if (oneSite && perRowSites.contains(first.fingerprint() + '\u0000' + first.callSite())) {
				continue;
			}
			byShape.computeIfAbsent(first.fingerprint(), (k) -> new ArrayList<>()).add(same);
		}
		List<Finding> duplicates = new ArrayList<>();
		for (List<List<StatementRecord>> shape : byShape.values()) {
			List<StatementRecord> all = new ArrayList<>();
			shape.forEach(all::addAll);
			all.sort((a, b) -> Integer.compare(a.index(), b.index()));
			Map<String, Integer> sites = new LinkedHashMap<>();
			all.forEach((statement) -> sites.merge(statement.callSite(), 1, Integer::sum));
			List<Site> lines = new ArrayList<>();
			sites.forEach((site, count) -> lines.add(new Site(site, count)));
			StatementRecord first = all.get(0);
			duplicates
				.add(new Finding(Kind.DUPLICATE, first.sql(), first.callSite(), all.size(), shape.size(), millis(all),
						indexes(all), null, this.builtIn.forDuplicate(first, lines.size()), List.copyOf(lines), null));
		}
		return duplicates;
	}

	/** Whether every statement binds an array of keys: batches, not repeats. */
	private static boolean bindsArrays(List<StatementRecord> group) {
		for (StatementRecord statement : group) {
			if (statement.keys() == 0) {
				return false;
			}
		}
		return true;
	}

	private static int distinct(List<StatementRecord> group) {
		Set<Exact> values = new HashSet<>();
		group.forEach((statement) -> values.add(Exact.of(statement)));
		return values.size();
	}

	/**
	 * The same text with the same values. A pair, not the two joined: a statement's text
	 * keeps its hash, and the detector builds no copy of it per statement.
	 */
	private record Exact(String sql, String parameters) {

		static Exact of(StatementRecord statement) {
			return new Exact(statement.sql(), statement.parameterKey());
		}

	}

	private static double millis(List<StatementRecord> group) {
		double millis = 0;
		for (StatementRecord statement : group) {
			millis += statement.millis();
		}
		return millis;
	}

	private static List<Integer> indexes(List<StatementRecord> group) {
		List<Integer> indexes = new ArrayList<>(group.size());
		group.forEach((statement) -> indexes.add(statement.index()));
		return List.copyOf(indexes);
	}

	/**
	 * The list the repeats were issued for. Only reads that ran once are candidates:
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
			Integer ran = runs.get(candidate.fingerprint());
			if (ran == null || ran > 1) {
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
	 * The keys of statements that each read a list of keys, if they are batches of the
	 * list they were issued for, as Hibernate's batch fetching sends them
	 * ({@code IN (?, ?, ?, ?)}, padded with {@code NULL}s, or {@code = ANY(?)}): no key
	 * in two of them, so each parent is loaded once; at least two keys per statement on
	 * average; and at most half as many statements as the list returned rows. A lookup
	 * per row by a list of the row's own keys ({@code findAllById} of each book's tags)
	 * runs as many statements as there are rows, and stays a potential N+1. {@code null}
	 * when they are not batches.
	 */
	private static @Nullable Set<Object> batchedKeys(List<StatementRecord> group, @Nullable StatementRecord source) {
		if (source == null || source.fetched().rows() < 2L * group.size()) {
			return null;
		}
		Set<Object> keys = new HashSet<>();
		for (StatementRecord statement : group) {
			List<Object> listed = batchKeys(statement);
			if (listed.isEmpty()) {
				return null;
			}
			for (Object key : new HashSet<>(listed)) {
				if (!keys.add(key)) {
					return null;
				}
			}
		}
		return (keys.size() >= 2 * group.size()) ? keys : null;
	}

	/**
	 * The keys a statement loads as a batch: the elements of the first array it binds
	 * ({@code = ANY(?)}), else those of its first {@code IN (?, ?, …)} list; none when it
	 * has neither.
	 */
	private static List<Object> batchKeys(StatementRecord statement) {
		if (statement.keys() > 0) {
			for (Object value : statement.values()) {
				if (value instanceof Object[] array) {
					List<Object> keys = new ArrayList<>(array.length);
					for (Object key : array) {
						if (key != null) {
							keys.add(key);
						}
					}
					return keys;
				}
			}
			return List.of();
		}
		return inListKeys(statement);
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

	/**
	 * The {@code ?} placeholders of {@code sql} from {@code start} to {@code end}, as the
	 * driver binds them: not a {@code ?} inside a string literal, a quoted identifier or
	 * a comment, nor the {@code ??} that stands for a literal {@code ?} (PostgreSQL's
	 * JSON operators).
	 */
	static int count(String sql, int start, int end) {
		int count = 0;
		int i = 0;
		while (i < end) {
			int next = Statements.skipQuoted(sql, i);
			if (next == i) {
				boolean doubled = sql.charAt(i) == '?' && i + 1 < sql.length() && sql.charAt(i + 1) == '?';
				if (!doubled && sql.charAt(i) == '?' && i >= start) {
					count++;
				}
				next = doubled ? i + 2 : i + 1;
			}
			i = next;
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

	private @Nullable Suggestion suggestForBatches(RepeatedLookup lookup, int keys) {
		for (FixSuggester suggester : this.suggesters) {
			Suggestion suggestion = Failures.guard(kind(suggester), () -> suggester.suggestForBatches(lookup, keys),
					null);
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
		return new Source(statement.index(), statement.sql(), statement.fetched().rows(), statement.issuer());
	}

	/**
	 * What a repeated statement looks up, from its WHERE clause: {@code null} when it
	 * matches no key with {@code =} or {@code IN}.
	 */
	private static @Nullable RepeatedLookup lookup(StatementRecord first, int count, int distinct,
			@Nullable String route) {
		return SHAPES.get(first.sql()).map((shape) -> {
			Object key = (shape.keyParameter() < first.values().size()) ? first.values().get(shape.keyParameter())
					: null;
			// An array of keys ({@code = ANY(?)}) is named by the type of its keys.
			key = (key instanceof Object[] array) ? ((array.length > 0) ? array[0] : null) : key;
			return new RepeatedLookup(first.sql(), first.callSite(), count, distinct, shape.table(), shape.column(),
					shape.mainTable(), shape.aggregate(), shape.filtered(), shape.columns(), null, first.issuer(),
					first.database(), route, (key != null) ? key.getClass().getSimpleName() : null);
		}).orElse(null);
	}

	private static Optional<Shape> shape(String sql) {
		Map<String, String> tables = tables(sql);
		Matcher where = WHERE_KEY.matcher(sql);
		if (tables.isEmpty() || !where.find()) {
			return Optional.empty();
		}
		List<String> parts = parts(where.group(1));
		String mainTable = tables.values().iterator().next();
		String column = parts.get(parts.size() - 1);
		String qualifier = (parts.size() > 1) ? parts.get(parts.size() - 2) : null;
		String table = (qualifier != null) ? tables.getOrDefault(qualifier, qualifier) : mainTable;
		String rest = CLAUSES_AFTER_WHERE.split(sql.substring(where.end()), 2)[0];
		boolean filtered = MORE_CONDITIONS.matcher(rest).find();
		return Optional.of(new Shape(table, column, mainTable, AGGREGATE.matcher(sql).find(), filtered, columns(sql),
				count(sql, 0, where.end())));
	}

	/**
	 * The parts of a {@link RepeatedLookup} that depend on the statement's text only.
	 *
	 * @param keyParameter the position of the key's value among the bound values
	 */
	private record Shape(String table, String column, String mainTable, boolean aggregate, boolean filtered,
			List<String> columns, int keyParameter) {
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
			columns.add(unquote(name));
		}
		return List.copyOf(columns);
	}

	/** Whether a statement looks rows up by their own key, {@code id}. */
	static boolean byId(String sql) {
		return SHAPES.get(sql).map((shape) -> shape.column().equals("id")).orElse(false);
	}

	/**
	 * The table a statement reads first, without quotes or schema, in lower case:
	 * {@code book} for {@code SELECT … FROM book b …} or {@code FROM `shop`.`book`}.
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
			List<String> parts = parts(matcher.group(2));
			String table = parts.get(parts.size() - 1);
			if (table.equals("lateral") || table.equals("unnest") || table.equals("dual")) {
				continue;
			}
			tables.putIfAbsent(table, table);
			if (matcher.group(3) != null) {
				tables.putIfAbsent(unquote(matcher.group(3)), table);
			}
		}
		return Collections.unmodifiableMap(tables);
	}

	/** The identifiers of a dotted name, unquoted and in lower case. */
	private static List<String> parts(String qualified) {
		List<String> parts = new ArrayList<>();
		Matcher part = PART.matcher(qualified);
		while (part.find()) {
			parts.add(unquote(part.group()));
		}
		return parts;
	}

	/** An identifier as the mapping names it: without its quotes, in lower case. */
	static String unquote(String identifier) {
		return MappingSuggester.name(identifier);
	}

}
