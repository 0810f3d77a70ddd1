package dev.nplusonelab.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The children of many parents over one to-many relation, in one statement: {@code WHERE
 * parent_key = ANY(:parent_ids)} with the parents' ids bound as a single array. That is
 * one statement whether there are 5 parents or 5,000, and none at all when there are no
 * parents.
 * <p>
 * Django's {@code Prefetch} object, with its options:
 * <ul>
 * <li>{@link #where} and {@link #orderBy}: filter and order the children (Django's
 * {@code queryset=});</li>
 * <li>where the children land is up to the plan that uses this prefetch: the same
 * relation can be prefetched twice, into two attributes (Django's {@code to_attr});</li>
 * <li>{@link #join}: to-one relations of the children in the same statement (a
 * {@code select_related} inside the prefetch);</li>
 * <li>{@link #limitPerParent}: only the first {@code n} children of each parent, still in
 * one statement;</li>
 * <li>{@link #then}: the next level down (e.g. each book's tags under each author's
 * books), one more statement.</li>
 * </ul>
 *
 * @param <C> the child row
 */
public final class Prefetch<C> {

	/** The named parameter that carries the parents' ids. */
	public static final String PARENT_IDS = "parent_ids";

	static final String PARENT_ID = "parent_id";

	private final ToMany relation;

	private final RowMapper<C> mapper;

	private final List<String> columns;

	private final List<ToOne> joins;

	private final List<Lateral> laterals;

	private final List<String> conditions;

	private final List<String> order;

	private final int limitPerParent;

	private final List<Nested<C, ?>> nested;

	private Prefetch(ToMany relation, RowMapper<C> mapper, List<String> columns, List<ToOne> joins,
			List<Lateral> laterals, List<String> conditions, List<String> order, int limitPerParent,
			List<Nested<C, ?>> nested) {
		this.relation = relation;
		this.mapper = mapper;
		this.columns = columns;
		this.joins = joins;
		this.laterals = laterals;
		this.conditions = conditions;
		this.order = order;
		this.limitPerParent = limitPerParent;
		this.nested = nested;
	}

	/**
	 * The children of {@code relation}, loading only {@code columns} and mapping each row
	 * with {@code mapper}. The mapper can also read {@code parent_id}.
	 */
	public static <C> Prefetch<C> of(ToMany relation, RowMapper<C> mapper, String... columns) {
		if (columns.length == 0) {
			throw new IllegalArgumentException("Name the columns to load; a prefetch never loads every column");
		}
		return new Prefetch<>(relation, mapper, List.of(columns), List.of(), List.of(), List.of(), List.of(), 0,
				List.of());
	}

	/** Joins to-one relations of the children, e.g. each order item's book. */
	public Prefetch<C> join(ToOne... path) {
		return new Prefetch<>(this.relation, this.mapper, this.columns,
				ToOne.extend(this.relation.target(), this.joins, path, "the prefetch of " + this.relation.name()),
				this.laterals, this.conditions, this.order, this.limitPerParent, this.nested);
	}

	/**
	 * Adds values computed per child over one of the child's own to-many relations, e.g.
	 * each order's item count, or each book's tag names as an array: still one statement.
	 */
	public Prefetch<C> annotate(Lateral lateral) {
		if (!ToOne.reached(this.relation.target(), this.joins).contains(lateral.relation().source())) {
			throw new IllegalArgumentException("Cannot annotate over " + lateral.relation().name()
					+ " inside the prefetch of " + this.relation.name() + ": its parent table is not in it");
		}
		return new Prefetch<>(this.relation, this.mapper, this.columns, this.joins, Sql.append(this.laterals, lateral),
				this.conditions, this.order, this.limitPerParent, this.nested);
	}

	/**
	 * Loads only the children that match; named parameters are bound from the plan's
	 * parameters.
	 */
	public Prefetch<C> where(String condition) {
		return new Prefetch<>(this.relation, this.mapper, this.columns, this.joins, this.laterals,
				Sql.append(this.conditions, condition), this.order, this.limitPerParent, this.nested);
	}

	/** The order of each parent's children. */
	public Prefetch<C> orderBy(String... order) {
		return new Prefetch<>(this.relation, this.mapper, this.columns, this.joins, this.laterals, this.conditions,
				List.of(order), this.limitPerParent, this.nested);
	}

	/**
	 * Keeps the first {@code n} children of each parent in {@link #orderBy} order, still
	 * in one statement. A plain {@code LIMIT} would limit all parents together, so the
	 * parents' ids are unnested and each gets its own {@code LATERAL} subquery with
	 * {@code ORDER BY ... LIMIT n}. With an index that leads with the foreign key and
	 * follows the order, each subquery reads n index entries and stops, where a window
	 * function over all children would read every child of every parent first.
	 */
	public Prefetch<C> limitPerParent(int n) {
		if (n < 1) {
			throw new IllegalArgumentException("limitPerParent must be at least 1");
		}
		if (this.order.isEmpty()) {
			throw new IllegalStateException("limitPerParent needs an orderBy: the first n by what?");
		}
		return new Prefetch<>(this.relation, this.mapper, this.columns, this.joins, this.laterals, this.conditions,
				this.order, n, this.nested);
	}

	/**
	 * Prefetches the next level for all children at once and attaches it to each child.
	 * @param prefetch the grandchildren, over a relation whose parent is this prefetch's
	 * child
	 * @param into returns the child with its grandchildren set
	 * @param idOf the id of a child, which the grandchildren's parent key refers to
	 */
	public <G> Prefetch<C> then(Prefetch<G> prefetch, BiFunction<C, List<G>, C> into, ToLongFunction<C> idOf) {
		if (!prefetch.relation.source().equals(this.relation.target())) {
			throw new IllegalArgumentException(prefetch.relation.name() + " does not start from "
					+ this.relation.target().name() + ", the child of " + this.relation.name());
		}
		List<Nested<C, ?>> nested = new ArrayList<>(this.nested);
		nested.add(new Nested<>(prefetch, into, idOf));
		return new Prefetch<>(this.relation, this.mapper, this.columns, this.joins, this.laterals, this.conditions,
				this.order, this.limitPerParent, List.copyOf(nested));
	}

	public ToMany relation() {
		return this.relation;
	}

	/**
	 * The relations this prefetch reaches, for rows reached from {@code root} by
	 * {@code prefix}: its own, the joins and laterals of its children, and its nested
	 * prefetches.
	 */
	List<Reach> reaches(Table root, List<Relation> prefix) {
		List<Relation> here = Sql.append(prefix, this.relation);
		List<Reach> reaches = new ArrayList<>();
		reaches.add(new Reach(root, here, Reach.How.PREFETCH));
		reaches.addAll(Select.reaches(root, here, this.relation.target(), this.joins, this.laterals));
		this.nested.forEach((nested) -> reaches.addAll(nested.prefetch().reaches(root, here)));
		return List.copyOf(reaches);
	}

	/** The text, written on first use: a plan runs it on every request. */
	private volatile @Nullable String sql;

	/**
	 * The statement text; {@code :parent_ids} is the only parameter the layer binds
	 * itself.
	 */
	public String sql() {
		String sql = this.sql;
		if (sql == null) {
			sql = write();
			this.sql = sql;
		}
		return sql;
	}

	/** The children's table, its link table, the joins and the laterals. */
	private StringBuilder from() {
		StringBuilder from = new StringBuilder(this.relation.fromClause());
		this.joins.forEach((join) -> from.append('\n').append(join.joinClause()));
		this.laterals.forEach((lateral) -> from.append('\n').append(lateral.joinClause()));
		return from;
	}

	private String write() {
		List<String> selected = new ArrayList<>();
		selected.add(this.relation.parentKeyColumn() + " AS " + PARENT_ID);
		selected.addAll(this.columns);
		this.laterals.forEach((lateral) -> selected.addAll(lateral.outputColumns()));
		StringBuilder from = from();
		List<String> where = Sql.append(List.of(this.relation.parentKeyColumn() + " = ANY(:" + PARENT_IDS + ")"),
				this.conditions.toArray(String[]::new));
		if (this.limitPerParent == 0) {
			return Sql.selectList(selected) + "\n" + from + Sql.where(where) + Sql.orderBy(this.order);
		}
		// Inside the lateral the parent is the unnested id, not the = ANY(...) array.
		List<String> perParent = Sql.append(List.of(this.relation.parentKeyColumn() + " = parent.id"),
				this.conditions.toArray(String[]::new));
		String firstN = Sql.selectList(selected.subList(1, selected.size())) + "\n" + from + Sql.where(perParent)
				+ Sql.orderBy(this.order) + "\nLIMIT " + this.limitPerParent;
		// row_number() OVER () numbers the rows in the order the limited subquery returns
		// them.
		String ranked = "SELECT first_n.*,\n       row_number() OVER () AS rank_in_parent\nFROM (\n"
				+ Sql.indent(firstN) + "\n) AS first_n";
		return "SELECT parent.id AS " + PARENT_ID + ",\n       child.*\nFROM unnest(CAST(:" + PARENT_IDS
				+ " AS bigint[])) WITH ORDINALITY AS parent (id, position)\nCROSS JOIN LATERAL (\n" + Sql.indent(ranked)
				+ "\n) AS child\nORDER BY parent.position, child.rank_in_parent";
	}

	/**
	 * This prefetch inside the parent's own statement instead of after it: a
	 * {@code LEFT JOIN LATERAL} subquery gathers each parent's children into a JSON array
	 * with {@code json_agg}, nested levels ({@link #then}) included, so a whole tree
	 * comes back in one statement (the idea of jOOQ's {@code MULTISET}). Add it to the
	 * parent {@link Select} with {@code annotate}, and read column {@code name} with
	 * {@link JsonRow#list}.
	 * <p>
	 * One round trip instead of one per level pays off when each round trip is expensive
	 * (a database across a network). Otherwise it usually costs more than the separate
	 * {@code = ANY(?)} statements: the database builds and the application parses text
	 * for every child, and the subquery runs once per parent row.
	 * <p>
	 * Each child becomes an object whose keys are the column names ({@code t.name} →
	 * {@code name}, {@code ... AS customer_name} → {@code customer_name}); a nested level
	 * is an array under its relation's name ({@code book.tags} → {@code tags}). Rows
	 * without children get an empty array.
	 * @param name the column that holds the array, e.g. {@code books}
	 */
	public Lateral asJson(String name) {
		return Lateral.written(this.relation, Sql.requireIdentifier(name) + "_json", name, jsonSubquery(name));
	}

	private String jsonSubquery(String name) {
		List<String> pairs = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (String column : this.columns) {
			pairs.add(jsonPair(keys, Sql.keyOf(column), Sql.expressionOf(column)));
		}
		for (Lateral lateral : this.laterals) {
			for (String output : lateral.outputColumns()) {
				pairs.add(jsonPair(keys, output.substring(output.indexOf('.') + 1), output));
			}
		}
		StringBuilder from = from();
		for (Nested<C, ?> level : this.nested) {
			String key = level.prefetch().relation().name();
			key = key.substring(key.lastIndexOf('.') + 1);
			Lateral json = level.prefetch().asJson(Sql.requireIdentifier(key));
			pairs.add(jsonPair(keys, key, json.outputColumns().get(0)));
			from.append('\n').append(json.joinClause());
		}
		String object = "json_build_object(" + String.join(", ", pairs) + ")";
		List<String> where = Sql.append(
				List.of(this.relation.parentKeyColumn() + " = " + this.relation.source().column("id")),
				this.conditions.toArray(String[]::new));
		if (this.limitPerParent == 0) {
			String order = this.order.isEmpty() ? "" : " ORDER BY " + String.join(", ", this.order);
			return "SELECT coalesce(json_agg(" + object + order + "), '[]'::json) AS " + name + "\n" + from
					+ Sql.where(where);
		}
		String firstN = "SELECT " + object + " AS item,\n       row_number() OVER (ORDER BY "
				+ String.join(", ", this.order) + ") AS position\n" + from + Sql.where(where) + Sql.orderBy(this.order)
				+ "\nLIMIT " + this.limitPerParent;
		return "SELECT coalesce(json_agg(first_n.item ORDER BY first_n.position), '[]'::json) AS " + name + "\nFROM (\n"
				+ Sql.indent(firstN) + "\n) AS first_n";
	}

	private static String jsonPair(Set<String> keys, String key, String expression) {
		if (!keys.add(key)) {
			throw new IllegalStateException("Two values would be called '" + key + "' in the JSON; rename one with AS");
		}
		return "'" + Sql.requireIdentifier(key) + "', " + expression;
	}

	/**
	 * Loads the children of {@code parentIds}, grouped by parent in the order the
	 * statement returns them. Runs no statement when there are no parents.
	 * @param parameters the plan's named parameters, for conditions such as
	 * {@code :since}
	 */
	public Map<Long, List<C>> load(JdbcClient jdbc, Collection<Long> parentIds, Map<String, ?> parameters) {
		if (parentIds.isEmpty()) {
			return Map.of();
		}
		Long[] ids = new LinkedHashSet<>(parentIds).toArray(Long[]::new);
		List<C> all = new ArrayList<>();
		List<Long> parents = new ArrayList<>();
		jdbc.sql(sql()).params(parameters).param(PARENT_IDS, ids).query((resultSet) -> {
			all.add(this.mapper.mapRow(resultSet, all.size()));
			parents.add(resultSet.getLong(PARENT_ID));
		});
		for (Nested<C, ?> level : this.nested) {
			level.attach(jdbc, all, parameters);
		}
		Map<Long, List<C>> children = new LinkedHashMap<>();
		for (int i = 0; i < all.size(); i++) {
			children.computeIfAbsent(parents.get(i), (id) -> new ArrayList<>()).add(all.get(i));
		}
		return children;
	}

	/**
	 * Gives each of {@code rows} its children, loaded in one statement for all of them:
	 * {@code into} returns the row with its children set, and replaces it in the list.
	 */
	<P> void attachTo(JdbcClient jdbc, List<P> rows, ToLongFunction<P> idOf, BiFunction<P, List<C>, P> into,
			Map<String, ?> parameters) {
		if (rows.isEmpty()) {
			return;
		}
		Map<Long, List<C>> children = load(jdbc, rows.stream().map(idOf::applyAsLong).toList(), parameters);
		rows.replaceAll((row) -> into.apply(row, children.getOrDefault(idOf.applyAsLong(row), List.of())));
	}

	/** One level below: grandchildren attached to each child. */
	private record Nested<C, G>(Prefetch<G> prefetch, BiFunction<C, List<G>, C> into, ToLongFunction<C> idOf) {

		void attach(JdbcClient jdbc, List<C> children, Map<String, ?> parameters) {
			this.prefetch.attachTo(jdbc, children, this.idOf, this.into, parameters);
		}

	}

}
