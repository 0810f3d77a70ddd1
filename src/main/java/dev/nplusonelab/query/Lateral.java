package dev.nplusonelab.query;

import java.util.List;

/**
 * A value computed per row from a to-many relation, inside the row's own statement: a
 * count or an average of the children (Django's {@code annotate(Count(...))}), or one
 * chosen child, such as the latest, with {@code ORDER BY ... LIMIT 1} (Django's
 * {@code Subquery(OuterRef(...))}).
 * <p>
 * It is written as {@code LEFT JOIN LATERAL (...) ON TRUE}: one subquery per row that can
 * use the foreign key index, that keeps rows without children (a count of 0, an average
 * of NULL), and that can return several values at once.
 */
public final class Lateral {

	private final ToMany relation;

	private final String alias;

	private final List<String> expressions;

	private final List<String> conditions;

	private final List<String> order;

	private final int limit;

	private Lateral(ToMany relation, String alias, List<String> expressions, List<String> conditions,
			List<String> order, int limit) {
		this.relation = relation;
		this.alias = Sql.requireIdentifier(alias);
		this.expressions = expressions;
		this.conditions = conditions;
		this.order = order;
		this.limit = limit;
		expressions.forEach(Sql::outputName);
	}

	/**
	 * Values over the children of {@code relation}, available to the outer statement as
	 * {@code alias.name} for each {@code expression AS name}.
	 */
	public static Lateral over(ToMany relation, String alias, String... expressions) {
		return new Lateral(relation, alias, List.of(expressions), List.of(), List.of(), 0);
	}

	/** Only children that match the condition count. */
	public Lateral where(String condition) {
		return new Lateral(this.relation, this.alias, this.expressions, Sql.append(this.conditions, condition),
				this.order, this.limit);
	}

	/** The first child in this order: {@code orderBy("b.published_on DESC")}. */
	public Lateral first(String... order) {
		return new Lateral(this.relation, this.alias, this.expressions, this.conditions, List.of(order), 1);
	}

	ToMany relation() {
		return this.relation;
	}

	List<String> outputColumns() {
		return this.expressions.stream().map((expression) -> this.alias + "." + Sql.outputName(expression)).toList();
	}

	String joinClause() {
		List<String> where = Sql.append(
				List.of(this.relation.parentKeyColumn() + " = " + this.relation.source().column("id")),
				this.conditions.toArray(String[]::new));
		String subquery = Sql.selectList(this.expressions) + "\n" + this.relation.fromClause() + Sql.where(where)
				+ Sql.orderBy(this.order) + ((this.limit > 0) ? "\nLIMIT " + this.limit : "");
		return "LEFT JOIN LATERAL (\n" + Sql.indent(subquery) + "\n) AS " + this.alias + " ON TRUE";
	}

}
