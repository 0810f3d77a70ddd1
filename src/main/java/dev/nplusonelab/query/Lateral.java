package dev.nplusonelab.query;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A value computed per row from a to-many relation, inside the row's own statement: a
 * count or an average of the children (Django's {@code annotate(Count(...))}), or one
 * chosen child, such as the latest, with {@code ORDER BY ... LIMIT 1} (Django's
 * {@code Subquery(OuterRef(...))}).
 * <p>
 * It is written as {@code LEFT JOIN LATERAL (...) ON TRUE}: one subquery per row that can
 * use the foreign key index, that keeps rows without children (a count of 0, an average
 * of NULL), and that can return several values at once. That suits a page of rows. When
 * the statement must compute the value for most parents, for instance to rank all authors
 * by sales, {@link #grouped()} aggregates the children in one pass instead.
 */
public final class Lateral {

	private final ToMany relation;

	private final List<ToMany> path;

	private final String alias;

	private final List<String> expressions;

	private final List<String> conditions;

	private final List<String> order;

	private final int limit;

	private final boolean grouped;

	/**
	 * A subquery written by another building block ({@link Prefetch#asJson}), used as is.
	 */
	private final @Nullable String subquery;

	private Lateral(List<ToMany> path, String alias, List<String> expressions, List<String> conditions,
			List<String> order, int limit, boolean grouped) {
		this(path, alias, expressions, conditions, order, limit, grouped, null);
	}

	private Lateral(List<ToMany> path, String alias, List<String> expressions, List<String> conditions,
			List<String> order, int limit, boolean grouped, @Nullable String subquery) {
		this.relation = path.get(0);
		this.path = path;
		this.alias = Sql.requireIdentifier(alias);
		this.expressions = expressions;
		this.conditions = conditions;
		this.order = order;
		this.limit = limit;
		this.grouped = grouped;
		this.subquery = subquery;
		expressions.forEach(Sql::outputName);
	}

	/**
	 * A lateral whose subquery is already written and returns one column, {@code name}.
	 */
	static Lateral written(ToMany relation, String alias, String name, String subquery) {
		return new Lateral(List.of(relation), alias, List.of("subquery AS " + name), List.of(), List.of(), 0, false,
				subquery);
	}

	/**
	 * Values over the children of {@code relation}, available to the outer statement as
	 * {@code alias.name} for each {@code expression AS name}.
	 */
	public static Lateral over(ToMany relation, String alias, String... expressions) {
		return new Lateral(List.of(relation), alias, List.of(expressions), List.of(), List.of(), 0, false);
	}

	/**
	 * Values over the end of a path of to-many relations, e.g. every review of every book
	 * of an author:
	 * {@code over(List.of(AUTHOR_BOOKS, BOOK_REVIEWS), "ratings", "avg(r.rating) AS average")}.
	 */
	public static Lateral over(List<ToMany> path, String alias, String... expressions) {
		for (int i = 1; i < path.size(); i++) {
			if (!path.get(i).source().equals(path.get(i - 1).target())) {
				throw new IllegalArgumentException(path.get(i).name() + " does not continue " + path.get(i - 1).name());
			}
		}
		return new Lateral(List.copyOf(path), alias, List.of(expressions), List.of(), List.of(), 0, false);
	}

	/** The to-many relations it computes over, from the row it is computed for. */
	public List<ToMany> path() {
		return this.path;
	}

	/** Only children that match the condition count. */
	public Lateral where(String condition) {
		requireBuildable();
		return new Lateral(this.path, this.alias, this.expressions, Sql.append(this.conditions, condition), this.order,
				this.limit, this.grouped);
	}

	/** The first child in this order: {@code orderBy("b.published_on DESC")}. */
	public Lateral first(String... order) {
		requireBuildable();
		if (this.grouped) {
			throw new IllegalStateException("A grouped aggregate has no first child");
		}
		return new Lateral(this.path, this.alias, this.expressions, this.conditions, List.of(order), 1, false);
	}

	/**
	 * Aggregates every parent's children in one {@code GROUP BY} and joins the result,
	 * instead of one subquery per row: one pass over the child table, better when the
	 * statement needs the value for most parents (a ranking), worse for a page of 50.
	 * Parents without children get NULL rather than a count of 0, so wrap counts in
	 * {@code coalesce} where it matters.
	 */
	public Lateral grouped() {
		requireBuildable();
		if (this.limit > 0 || this.path.size() > 1) {
			throw new IllegalStateException("Only a plain aggregate over one relation can be grouped");
		}
		return new Lateral(this.path, this.alias, this.expressions, this.conditions, this.order, 0, true);
	}

	private void requireBuildable() {
		if (this.subquery != null) {
			throw new IllegalStateException("A nested JSON lateral is complete; shape it on its Prefetch instead");
		}
	}

	ToMany relation() {
		return this.relation;
	}

	List<String> outputColumns() {
		return this.expressions.stream().map((expression) -> this.alias + "." + Sql.outputName(expression)).toList();
	}

	String joinClause() {
		if (this.subquery != null) {
			return "LEFT JOIN LATERAL (\n" + Sql.indent(this.subquery) + "\n) AS " + this.alias + " ON TRUE";
		}
		if (this.grouped) {
			String key = this.relation.parentKeyColumn();
			String subquery = Sql
				.selectList(Sql.append(List.of(key + " AS parent_id"), this.expressions.toArray(String[]::new))) + "\n"
					+ fromClause() + Sql.where(this.conditions) + "\nGROUP BY " + key;
			return "LEFT JOIN (\n" + Sql.indent(subquery) + "\n) AS " + this.alias + " ON " + this.alias
					+ ".parent_id = " + this.relation.source().column("id");
		}
		List<String> where = Sql.append(
				List.of(this.relation.parentKeyColumn() + " = " + this.relation.source().column("id")),
				this.conditions.toArray(String[]::new));
		String subquery = Sql.selectList(this.expressions) + "\n" + fromClause() + Sql.where(where)
				+ Sql.orderBy(this.order) + ((this.limit > 0) ? "\nLIMIT " + this.limit : "");
		return "LEFT JOIN LATERAL (\n" + Sql.indent(subquery) + "\n) AS " + this.alias + " ON TRUE";
	}

	/** From the last table of the path back to the first relation's children. */
	private String fromClause() {
		StringBuilder from = new StringBuilder(this.path.get(this.path.size() - 1).fromClause());
		for (int i = this.path.size() - 2; i >= 0; i--) {
			ToMany step = this.path.get(i);
			from.append("\nJOIN ")
				.append(step.target().declaration())
				.append(" ON ")
				.append(step.target().column("id"))
				.append(" = ")
				.append(this.path.get(i + 1).parentKeyColumn())
				.append(step.linkJoin());
		}
		return from.toString();
	}

}
