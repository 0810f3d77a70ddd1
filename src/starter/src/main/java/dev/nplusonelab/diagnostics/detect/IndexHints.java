package dev.nplusonelab.diagnostics.detect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.diagnostics.capture.Failures;
import dev.nplusonelab.diagnostics.capture.Statements;
import dev.nplusonelab.diagnostics.capture.TextCache;

/**
 * Tells findings whose statements filter on a column no index leads. The filtered columns
 * come from the statement's text (the same names the detector reads); the indexes from
 * the database's own metadata ({@link DatabaseMetaData#getIndexInfo} and the primary
 * key), read on a connection of its own, only for a table a finding names, and then kept
 * for {@code refresh}: a request without findings never pays for it, and a page served a
 * thousand times asks once. The read runs on a thread of its own, and a request waits for
 * it at most {@link #WAIT}: past that (a pool with no connection to spare, a slow
 * catalog) the request goes on without the hint, and the read, once done, serves the
 * next. Whatever goes wrong (no such table, a driver without metadata) means no hint,
 * never a failed request.
 * <p>
 * It says nothing it cannot be sure of: not for a statement with a subquery, a union or
 * an {@code OR}, whose plan it cannot guess; not when the column is not one of the
 * table's; and not when any column the statement filters that table on leads an index,
 * which the database may use instead.
 */
final class IndexHints {

	/** Tables remembered; past it, all are forgotten and read again when needed. */
	static final int TABLES = 1_000;

	/**
	 * How long a request waits for a table's indexes: reading them takes milliseconds,
	 * unless the pool has no connection to give, which can take its whole timeout.
	 */
	static final Duration WAIT = Duration.ofSeconds(1);

	private static final Pattern NAME_PART = Pattern.compile("(?i)" + NPlusOneDetector.NAME);

	/** A condition's column, before any comparison: {@code v.pet_id =}, {@code id IN}. */
	private static final Pattern CONDITION = Pattern.compile("(?is)^\\s*\\(*\\s*(" + NPlusOneDetector.QUALIFIED
			+ ")\\s*(=|<>|!=|<=|>=|<|>|IN\\b|LIKE\\b|BETWEEN\\b|IS\\b)\\s*(.*)");

	private static final Pattern AND = Pattern.compile("(?i)\\bAND\\b");

	/** What is left of a {@code BETWEEN ? AND ?} once split at its AND. */
	private static final Pattern VALUE = Pattern.compile("(?s)\\s*(?:\\?|\\d+|'[^']*')\\s*\\)*\\s*");

	/** What makes a plan more than one lookup in one table: it is left alone. */
	private static final Pattern UNSURE = Pattern.compile("(?is)\\bOR\\b|\\bUNION\\b|\\(\\s*SELECT\\b|\\bEXISTS\\b");

	private static final Pattern WHERE = Pattern.compile("(?i)\\bWHERE\\b");

	private static final TextCache<Optional<Filter>> FILTERS = new TextCache<>(IndexHints::read);

	private final DataSource dataSource;

	private final long refreshNanos;

	private final LongSupplier clock;

	private final Map<String, Read> tables = new ConcurrentHashMap<>();

	/** The reads under way, so that requests showing the same table wait for one. */
	private final Map<String, CompletableFuture<Optional<Columns>>> reading = new ConcurrentHashMap<>();

	/**
	 * One thread, started when a table must be read and gone once idle: reads are rare,
	 * and an application without findings never has it.
	 */
	private final ExecutorService reader = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
			new LinkedBlockingQueue<>(), (task) -> {
				Thread thread = new Thread(task, "nplusone-index-hints");
				thread.setDaemon(true);
				return thread;
			});

	private final AtomicInteger reads = new AtomicInteger();

	IndexHints(DataSource dataSource, Duration refresh) {
		this(dataSource, refresh, System::nanoTime);
	}

	IndexHints(DataSource dataSource, Duration refresh, LongSupplier clock) {
		this.dataSource = dataSource;
		this.refreshNanos = refresh.toNanos();
		this.clock = clock;
	}

	/**
	 * The findings, each with its hint where its statement filters on a column no index
	 * leads.
	 */
	List<Finding> annotate(List<Finding> findings) {
		if (findings.isEmpty()) {
			return findings;
		}
		List<Finding> annotated = new ArrayList<>(findings.size());
		Map<String, Optional<Columns>> now = new HashMap<>();
		for (Finding finding : findings) {
			annotated.add(annotate(finding, now));
		}
		return List.copyOf(annotated);
	}

	/**
	 * One finding with its hint. A loop's lookups are its members: each gets its own, as
	 * each filters a table of its own, and the loop keeps them where the panel and the
	 * endpoint show them.
	 */
	private Finding annotate(Finding finding, Map<String, Optional<Columns>> now) {
		if (finding.kind() == Finding.Kind.LOOP) {
			List<Finding> members = new ArrayList<>(finding.members().size());
			finding.members().forEach((member) -> members.add(annotate(member, now)));
			return members.equals(finding.members()) ? finding : finding.withMembers(members);
		}
		Filter filter = applies(finding) ? filter(finding.sql()) : null;
		IndexHint hint = null;
		if (filter != null) {
			Columns columns = now.computeIfAbsent(filter.table().written(), (k) -> columns(filter)).orElse(null);
			hint = (columns != null) ? hint(filter, columns) : null;
		}
		return (hint != null) ? finding.withIndexHint(hint) : finding;
	}

	/** How many times a table's indexes were read from the database. */
	int reads() {
		return this.reads.get();
	}

	/**
	 * Reads that repeat a lookup: a potential N+1 or a duplicate. Updates and deletes
	 * sent one at a time find their rows the same way; inserts filter nothing.
	 */
	private static boolean applies(Finding finding) {
		return switch (finding.kind()) {
			case N_PLUS_ONE, DUPLICATE -> true;
			case UNBATCHED_WRITES -> {
				String verb = Statements.verb(finding.sql());
				yield verb.equals("UPDATE") || verb.equals("DELETE");
			}
			default -> false;
		};
	}

	private Optional<Columns> columns(Filter filter) {
		String key = filter.table().written();
		long now = this.clock.getAsLong();
		Read known = this.tables.get(key);
		if (known != null && now - known.at() < this.refreshNanos) {
			return Optional.ofNullable(known.columns());
		}
		CompletableFuture<Optional<Columns>> read = this.reading.computeIfAbsent(key,
				(k) -> CompletableFuture.supplyAsync(() -> load(filter.table(), key, now), this.reader));
		try {
			return read.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		catch (ExecutionException | TimeoutException ex) {
			return Optional.empty();
		}
	}

	/** Reads a table's indexes on a connection of its own, and keeps what it read. */
	private Optional<Columns> load(Table table, String key, long now) {
		this.reads.incrementAndGet();
		Columns columns = null;
		try (Connection connection = this.dataSource.getConnection()) {
			columns = read(connection, table);
		}
		catch (SQLException | RuntimeException ex) {
			Failures.failed("index hints", ex);
		}
		finally {
			if (this.tables.size() >= TABLES) {
				this.tables.clear();
			}
			this.tables.put(key, new Read(columns, now));
			this.reading.remove(key);
		}
		return Optional.ofNullable(columns);
	}

	/**
	 * The hint for a statement on a table with these columns and indexes: none when the
	 * column is not the table's, or when a column it filters the table on leads an index.
	 */
	static @Nullable IndexHint hint(Filter filter, Columns columns) {
		String column = columns.find(filter.key());
		if (column == null) {
			return null;
		}
		for (Identifier filtered : filter.columns()) {
			String name = columns.find(filtered);
			if (name != null && columns.leading().contains(name)) {
				return null;
			}
		}
		return new IndexHint(columns.table(), column, create(filter.table(), filter.key(), columns.indexNames()));
	}

	/**
	 * {@code CREATE INDEX visits_pet_id_idx ON visits (pet_id)}: the table and column
	 * written as the statement wrote them (it ran, so they are valid there), and a name
	 * of the table's and the column's, unless an index already has it.
	 */
	static String create(Table table, Identifier column, Set<String> taken) {
		String stem = (table.name().name() + "_" + column.name()).toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9_]+", "_");
		if (!Character.isLetter(stem.charAt(0))) {
			stem = "ix_" + stem;
		}
		// PostgreSQL cuts names at 63 characters, MySQL refuses more than 64.
		stem = stem.substring(0, Math.min(stem.length(), 56));
		String name = stem + "_idx";
		for (int n = 2; taken.contains(name); n++) {
			name = stem + "_idx" + n;
		}
		return "CREATE INDEX " + name + " ON " + table.written() + " (" + column.written() + ")";
	}

	/** What a statement filters, or {@code null} when it is not sure. */
	static @Nullable Filter filter(String sql) {
		return FILTERS.get(sql).orElse(null);
	}

	private static Optional<Filter> read(String sql) {
		Matcher key = NPlusOneDetector.WHERE_KEY.matcher(sql);
		if (!key.find() || UNSURE.matcher(sql).find() || count(WHERE, sql) != 1) {
			return Optional.empty();
		}
		Map<String, Table> tables = tables(sql);
		if (tables.isEmpty()) {
			return Optional.empty();
		}
		String where = sql.substring(key.start() + "WHERE".length());
		where = NPlusOneDetector.CLAUSES_AFTER_WHERE.split(where, 2)[0];
		Table table = null;
		Identifier keyColumn = null;
		List<Identifier> columns = new ArrayList<>();
		List<Condition> conditions = new ArrayList<>();
		for (String conjunct : AND.split(where)) {
			Matcher condition = CONDITION.matcher(conjunct);
			if (!condition.find()) {
				if (VALUE.matcher(conjunct).matches()) {
					continue;
				}
				// A function of a column, or anything else it cannot read: an index on
				// an expression may serve it.
				return Optional.empty();
			}
			List<String> parts = parts(condition.group(1));
			Identifier column = Identifier.of(parts.get(parts.size() - 1));
			Table of;
			if (parts.size() > 1) {
				of = tables.get(Identifier.of(parts.get(parts.size() - 2)).folded());
			}
			else {
				// A bare column belongs to the only table; with several, any of them.
				of = (distinct(tables) == 1) ? tables.values().iterator().next() : null;
			}
			conditions.add(new Condition(of, column));
			// The key is the first column looked up by a bound value, = ? or IN (?, …):
			// a condition on a constant (deleted = false) only narrows the lookup.
			String operator = condition.group(2).toUpperCase(Locale.ROOT);
			String compared = condition.group(3).strip();
			boolean bound = (operator.equals("=") && compared.startsWith("?"))
					|| (operator.equals("IN") && compared.matches("(?s)\\(\\s*\\?.*"));
			if (keyColumn == null && bound && of != null) {
				table = of;
				keyColumn = column;
			}
		}
		if (table == null || keyColumn == null) {
			return Optional.empty();
		}
		for (Condition condition : conditions) {
			if (condition.table() == null || condition.table().equals(table)) {
				columns.add(condition.column());
			}
		}
		return Optional.of(new Filter(table, keyColumn, List.copyOf(columns)));
	}

	private static long distinct(Map<String, Table> tables) {
		return tables.values().stream().distinct().count();
	}

	private static int count(Pattern pattern, String sql) {
		Matcher matcher = pattern.matcher(sql);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	/** Alias and table name, folded, → the table as written. */
	private static Map<String, Table> tables(String sql) {
		Map<String, Table> tables = new LinkedHashMap<>();
		Matcher matcher = NPlusOneDetector.FROM_OR_JOIN.matcher(sql);
		while (matcher.find()) {
			List<String> parts = parts(matcher.group(2));
			Identifier name = Identifier.of(parts.get(parts.size() - 1));
			Identifier schema = (parts.size() > 1) ? Identifier.of(parts.get(parts.size() - 2)) : null;
			Table table = new Table(schema, name);
			tables.putIfAbsent(name.folded(), table);
			if (matcher.group(3) != null) {
				tables.putIfAbsent(Identifier.of(matcher.group(3)).folded(), table);
			}
		}
		return tables;
	}

	private static List<String> parts(String qualified) {
		List<String> parts = new ArrayList<>();
		Matcher part = NAME_PART.matcher(qualified);
		while (part.find()) {
			parts.add(part.group());
		}
		return parts;
	}

	/**
	 * The table's columns and the columns its indexes and primary key lead with, as the
	 * database names them; {@code null} when the database has no such table, or more than
	 * one where the statement does not say which.
	 */
	static @Nullable Columns read(Connection connection, Table table) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		String catalog = current(connection, true);
		String schema = current(connection, false);
		if (table.schema() != null) {
			// MySQL and MariaDB call a database a catalog, and write it where PostgreSQL
			// writes a schema.
			String qualifier = stored(meta, table.schema());
			if (meta.supportsSchemasInDataManipulation()) {
				schema = qualifier;
			}
			else {
				catalog = qualifier;
				schema = null;
			}
		}
		String name = stored(meta, table.name());
		Folding folding = Folding.of(meta);
		Columns columns = locate(meta, catalog, schema, name, folding);
		if (columns == null && table.schema() == null && schema != null) {
			// Not in the current schema: another on PostgreSQL's search path, if only
			// one has it.
			columns = locate(meta, catalog, null, name, folding);
		}
		return columns;
	}

	private static @Nullable String current(Connection connection, boolean catalog) {
		try {
			return catalog ? connection.getCatalog() : connection.getSchema();
		}
		catch (SQLException | RuntimeException | AbstractMethodError ex) {
			return null;
		}
	}

	/**
	 * How the database stores a name: a quoted one as it is written, an unquoted one
	 * folded as the database folds it (PostgreSQL to lower case, H2 and Oracle to upper
	 * case, MySQL and MariaDB not at all).
	 */
	private static String stored(DatabaseMetaData meta, Identifier identifier) throws SQLException {
		if (identifier.quoted()) {
			return identifier.name();
		}
		if (meta.storesUpperCaseIdentifiers()) {
			return identifier.name().toUpperCase(Locale.ROOT);
		}
		if (meta.storesLowerCaseIdentifiers()) {
			return identifier.name().toLowerCase(Locale.ROOT);
		}
		return identifier.name();
	}

	private static @Nullable Columns locate(DatabaseMetaData meta, @Nullable String catalog, @Nullable String schema,
			String table, Folding folding) throws SQLException {
		String escape = meta.getSearchStringEscape();
		Map<List<@Nullable String>, List<String>> found = new LinkedHashMap<>();
		try (ResultSet rows = meta.getColumns(catalog, pattern(schema, escape), pattern(table, escape), "%")) {
			while (rows.next()) {
				// The name is a pattern, whose _ matches any character: only the
				// table itself counts.
				if (table.equals(rows.getString("TABLE_NAME"))) {
					found
						.computeIfAbsent(Arrays.asList(rows.getString("TABLE_CAT"), rows.getString("TABLE_SCHEM")),
								(k) -> new ArrayList<>())
						.add(rows.getString("COLUMN_NAME"));
				}
			}
		}
		if (found.size() != 1) {
			return null;
		}
		Map.Entry<List<@Nullable String>, List<String>> only = found.entrySet().iterator().next();
		String tableCatalog = only.getKey().get(0);
		String tableSchema = only.getKey().get(1);
		Set<String> leading = new LinkedHashSet<>();
		Set<String> indexNames = new LinkedHashSet<>();
		try (ResultSet rows = meta.getIndexInfo(tableCatalog, tableSchema, table, false, true)) {
			while (rows.next()) {
				if (rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
					continue;
				}
				String index = rows.getString("INDEX_NAME");
				if (index != null) {
					indexNames.add(index.toLowerCase(Locale.ROOT));
				}
				if (rows.getShort("ORDINAL_POSITION") == 1 && rows.getString("COLUMN_NAME") != null) {
					leading.add(rows.getString("COLUMN_NAME"));
				}
			}
		}
		// Some drivers leave the primary key's own index out of the index list.
		try (ResultSet rows = meta.getPrimaryKeys(tableCatalog, tableSchema, table)) {
			while (rows.next()) {
				if (rows.getShort("KEY_SEQ") == 1) {
					leading.add(rows.getString("COLUMN_NAME"));
				}
			}
		}
		return new Columns(table, List.copyOf(only.getValue()), Set.copyOf(leading), Set.copyOf(indexNames), folding);
	}

	private static @Nullable String pattern(@Nullable String name, @Nullable String escape) {
		if (name == null || escape == null || escape.isEmpty()) {
			return name;
		}
		return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
	}

	/**
	 * An identifier as the statement wrote it, and its name without quotes.
	 *
	 * @param written with its quotes, if it had them
	 * @param name without them
	 * @param quoted whether it had them, which makes its case exact
	 */
	record Identifier(String written, String name, boolean quoted) {

		static Identifier of(String written) {
			char first = written.charAt(0);
			boolean quoted = first == '"' || first == '`' || first == '[';
			return new Identifier(written, quoted ? written.substring(1, written.length() - 1) : written, quoted);
		}

		/** As the detector keys tables and aliases: lower case, without quotes. */
		String folded() {
			return this.name.toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A table as the statement wrote it.
	 *
	 * @param schema its schema (a database, on MySQL and MariaDB), if the statement named
	 * one
	 * @param name its name
	 */
	record Table(@Nullable Identifier schema, Identifier name) {

		String written() {
			return (this.schema != null) ? this.schema.written() + "." + this.name.written() : this.name.written();
		}

	}

	/**
	 * What a statement filters.
	 *
	 * @param table the table of the key it looks up
	 * @param key the column it looks up by, compared with a bound value
	 * @param columns every column of that table its conditions name, the key first
	 */
	record Filter(Table table, Identifier key, List<Identifier> columns) {
	}

	private record Condition(@Nullable Table table, Identifier column) {
	}

	/**
	 * A table's columns, as the database names them.
	 *
	 * @param table its name
	 * @param columns its columns
	 * @param leading the columns its indexes and its primary key start with
	 * @param indexNames the names its indexes have, in lower case
	 * @param folding how the database reads a name written without quotes
	 */
	record Columns(String table, List<String> columns, Set<String> leading, Set<String> indexNames, Folding folding) {

		/** The column a statement names, as the database names it. */
		@Nullable String find(Identifier column) {
			for (String name : this.columns) {
				if (column.quoted() ? name.equals(column.name()) : this.folding.matches(column.name(), name)) {
					return name;
				}
			}
			return null;
		}

	}

	/** How a database reads a name written without quotes. */
	enum Folding {

		/** As written in upper case: H2, Oracle. */
		UPPER,

		/** As written in lower case: PostgreSQL. */
		LOWER,

		/** In any case: MySQL's and MariaDB's columns. */
		ANY;

		static Folding of(DatabaseMetaData meta) throws SQLException {
			return meta.storesUpperCaseIdentifiers() ? UPPER : meta.storesLowerCaseIdentifiers() ? LOWER : ANY;
		}

		boolean matches(String written, String stored) {
			return switch (this) {
				case UPPER -> written.toUpperCase(Locale.ROOT).equals(stored);
				case LOWER -> written.toLowerCase(Locale.ROOT).equals(stored);
				case ANY -> written.equalsIgnoreCase(stored);
			};
		}

	}

	/** What a table's metadata said, and when it was read. */
	private record Read(@Nullable Columns columns, long at) {
	}

}
