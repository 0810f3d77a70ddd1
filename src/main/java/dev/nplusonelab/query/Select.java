package dev.nplusonelab.query;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The statement that loads the root rows of a view: the columns the view needs (a
 * projection, Django's {@code only()}), its to-one relations joined in (Django's
 * {@code select_related}) and per-row values over to-many relations ({@link Lateral}).
 * <p>
 * Immutable: each method returns a new {@code Select}, so a plan can be a constant.
 *
 * <pre>{@code
 * Select.from(BOOK)
 *     .columns("b.id", "b.title", "a.name AS author_name", "p.name AS publisher_name")
 *     .join(BOOK_AUTHOR, AUTHOR_PUBLISHER)     // chained: book -> author -> publisher
 *     .join(BOOK_EDITOR)                       // nullable, so LEFT JOIN
 *     .annotate(Lateral.over(BOOK_REVIEWS, "stats", "count(*) AS review_count"))
 *     .orderBy("b.id")
 *     .paged();
 * }</pre>
 */
public final class Select {

	/** Named parameters of a {@link #paged()} statement. */
	static final String LIMIT = "limit";

	static final String OFFSET = "offset";

	/** The named parameter of a {@link #pagedAfter} statement: the last key seen. */
	static final String AFTER = "after";

	private final Table root;

	private final List<String> columns;

	private final List<ToOne> joins;

	private final List<Lateral> laterals;

	private final List<String> conditions;

	private final List<String> order;

	private final Window window;

	private Select(Table root, List<String> columns, List<ToOne> joins, List<Lateral> laterals, List<String> conditions,
			List<String> order, Window window) {
		this.root = root;
		this.columns = columns;
		this.joins = joins;
		this.laterals = laterals;
		this.conditions = conditions;
		this.order = order;
		this.window = window;
	}

	public static Select from(Table root) {
		return new Select(root, List.of(), List.of(), List.of(), List.of(), List.of(), Window.ALL);
	}

	/**
	 * The columns to load, qualified by table alias, renamed with {@code AS} where
	 * needed.
	 */
	public Select columns(String... columns) {
		return new Select(this.root, Sql.append(this.columns, columns), this.joins, this.laterals, this.conditions,
				this.order, this.window);
	}

	/**
	 * Joins to-one relations. A path is followed in order, each step starting from a
	 * table that is already in the statement:
	 * {@code join(BOOK_AUTHOR, AUTHOR_PUBLISHER)}.
	 */
	public Select join(ToOne... path) {
		return new Select(this.root, this.columns, ToOne.extend(this.root, this.joins, path, "the statement"),
				this.laterals, this.conditions, this.order, this.window);
	}

	/**
	 * Adds values computed per row over a to-many relation of a table in the statement.
	 */
	public Select annotate(Lateral lateral) {
		if (!ToOne.reached(this.root, this.joins).contains(lateral.relation().source())) {
			throw new IllegalArgumentException(
					"Cannot annotate over " + lateral.relation().name() + ": its parent table is not in the statement");
		}
		return new Select(this.root, this.columns, this.joins, Sql.append(this.laterals, lateral), this.conditions,
				this.order, this.window);
	}

	/**
	 * A condition on the root table's columns. Named parameters ({@code :since}) are
	 * bound when the plan runs; values never go into the text.
	 */
	public Select where(String condition) {
		return new Select(this.root, this.columns, this.joins, this.laterals, Sql.append(this.conditions, condition),
				this.order, this.window);
	}

	/**
	 * The order of the root rows, by root columns; end with a unique column so pages are
	 * stable.
	 */
	public Select orderBy(String... order) {
		if (this.window.kind() == Window.Kind.AFTER) {
			throw new IllegalStateException("A page after a key is ordered by that key: " + this.window.key());
		}
		return new Select(this.root, this.columns, this.joins, this.laterals, this.conditions, List.of(order),
				this.window);
	}

	/**
	 * Loads one page, bound as {@code :limit} and {@code :offset}. When the statement
	 * joins anything, the page of root ids is chosen first and only those rows are
	 * joined: under a deep OFFSET the database would otherwise build every skipped row
	 * with all its joins, only to throw it away.
	 */
	public Select paged() {
		return new Select(this.root, this.columns, this.joins, this.laterals, this.conditions, this.order,
				window(Window.Kind.PAGE, 0, null));
	}

	/**
	 * Loads the page after a key (keyset pagination): {@code key > :after ORDER BY key
	 * LIMIT :limit}. The database seeks to the key in its index instead of stepping over
	 * OFFSET rows, so the millionth page costs what the first does; the price is that a
	 * page is reached from the previous one's last key, not by its number.
	 * @param key a unique column of the root table that the page is ordered by, such as
	 * {@code b.id}
	 */
	public Select pagedAfter(String key) {
		if (!key.startsWith(this.root.alias() + ".")) {
			throw new IllegalArgumentException("Page after a column of " + this.root.name() + ", not " + key);
		}
		if (!this.order.isEmpty() && !this.order.equals(List.of(key))) {
			throw new IllegalStateException("A page after " + key + " is ordered by it, not by " + this.order);
		}
		return new Select(this.root, this.columns, this.joins, this.laterals, this.conditions, List.of(key),
				window(Window.Kind.AFTER, 0, key));
	}

	/**
	 * Loads the first {@code n} rows in {@link #orderBy} order, choosing them before the
	 * joins the same way as {@link #paged()} when the order uses only root columns. An
	 * order by a joined or computed value (the top authors by sales) needs every
	 * candidate row joined, so it gets a plain {@code LIMIT}.
	 */
	public Select limit(int n) {
		if (n < 1) {
			throw new IllegalArgumentException("limit must be at least 1");
		}
		return new Select(this.root, this.columns, this.joins, this.laterals, this.conditions, this.order,
				window(Window.Kind.FIRST, n, null));
	}

	/**
	 * The relations this statement reaches from its root: its joins, and the relations
	 * its laterals compute over.
	 */
	public List<Reach> reaches() {
		return reaches(this.root, List.of(), this.root, this.joins, this.laterals);
	}

	/**
	 * The joins and laterals of a statement whose rows come from {@code table}, itself
	 * reached from {@code root} by {@code prefix}.
	 */
	static List<Reach> reaches(Table root, List<Relation> prefix, Table table, List<ToOne> joins,
			List<Lateral> laterals) {
		List<Reach> reaches = new ArrayList<>();
		for (ToOne join : joins) {
			List<Relation> path = new ArrayList<>(prefix);
			path.addAll(ToOne.path(table, joins, join.target()));
			reaches.add(new Reach(root, path, Reach.How.JOIN));
		}
		for (Lateral lateral : laterals) {
			List<Relation> path = new ArrayList<>(prefix);
			path.addAll(ToOne.path(table, joins, lateral.relation().source()));
			path.addAll(lateral.path());
			reaches.add(new Reach(root, path, Reach.How.ANNOTATE));
		}
		return List.copyOf(reaches);
	}

	public Table root() {
		return this.root;
	}

	/** The text, written on first use: a plan runs it on every request. */
	private volatile @Nullable String sql;

	/** The statement text, formatted one clause per line. */
	public String sql() {
		String sql = this.sql;
		if (sql == null) {
			sql = write();
			this.sql = sql;
		}
		return sql;
	}

	private String write() {
		List<String> selected = new ArrayList<>(this.columns);
		this.laterals.forEach((lateral) -> selected.addAll(lateral.outputColumns()));
		StringBuilder joined = new StringBuilder();
		this.joins.forEach((join) -> joined.append('\n').append(join.joinClause()));
		this.laterals.forEach((lateral) -> joined.append('\n').append(lateral.joinClause()));
		boolean joinsAnything = !this.joins.isEmpty() || !this.laterals.isEmpty();
		List<String> conditions = (this.window.kind() == Window.Kind.AFTER)
				? Sql.append(this.conditions, this.window.key() + " > :" + AFTER) : this.conditions;
		String limit = this.window.clause();
		if (limit != null && joinsAnything && ordersByRootColumns()) {
			String page = "SELECT " + this.root.column("id") + "\nFROM " + this.root.declaration()
					+ Sql.where(conditions) + Sql.orderBy(this.order) + "\n" + limit;
			return "WITH page AS (\n" + Sql.indent(page) + "\n)\n" + Sql.selectList(selected) + "\nFROM page\nJOIN "
					+ this.root.declaration() + " ON " + this.root.column("id") + " = page.id" + joined
					+ Sql.orderBy(this.order);
		}
		return Sql.selectList(selected) + "\nFROM " + this.root.declaration() + joined + Sql.where(conditions)
				+ Sql.orderBy(this.order) + ((limit != null) ? "\n" + limit : "");
	}

	/** Pages by {@link #paged()}: LIMIT and OFFSET bound when the plan runs. */
	boolean isPaged() {
		return this.window.kind() == Window.Kind.PAGE;
	}

	/**
	 * Pages by {@link #pagedAfter}: the limit and the last key bound when the plan runs.
	 */
	boolean isPagedAfter() {
		return this.window.kind() == Window.Kind.AFTER;
	}

	/** A statement limits its rows one way only. */
	private Window window(Window.Kind kind, int first, @Nullable String key) {
		if (this.window.kind() != Window.Kind.ALL) {
			throw new IllegalStateException("This statement is already limited (" + this.window.clause() + ")");
		}
		return new Window(kind, first, key);
	}

	private boolean ordersByRootColumns() {
		String prefix = this.root.alias() + ".";
		return this.order.stream().allMatch((expression) -> expression.startsWith(prefix));
	}

	@Override
	public String toString() {
		return sql();
	}

	/**
	 * Which root rows the statement returns: all, the first {@code n}, a page by number,
	 * or a page after a key.
	 */
	private record Window(Kind kind, int first, @Nullable String key) {

		static final Window ALL = new Window(Kind.ALL, 0, null);

		enum Kind {

			ALL, FIRST, PAGE, AFTER

		}

		@Nullable String clause() {
			return switch (this.kind) {
				case ALL -> null;
				case FIRST -> "LIMIT " + this.first;
				case PAGE -> "LIMIT :" + LIMIT + " OFFSET :" + OFFSET;
				case AFTER -> "LIMIT :" + LIMIT;
			};
		}

	}

}
