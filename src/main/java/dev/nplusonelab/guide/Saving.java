package dev.nplusonelab.guide;

import java.util.List;
import java.util.Map;

import dev.nplusonelab.query.Relation;

/**
 * What one technique saves on the page that shows it: the statements that load its
 * relations, counted among the statements the page ran in each mode. A count is never
 * written down; it is what the page ran, attributed by what each statement reads.
 *
 * @param what the statements in words, e.g. {@code customer lookups}
 * @param instead what the optimized page does instead, e.g.
 * {@code joined into the orders statement}
 * @param relations the relations the technique loads: a statement loads one when it reads
 * the relation's rows by the relation's key (see {@link StatementShape})
 */
public record Saving(String what, String instead, List<Relation> relations) {

	public Saving {
		if (relations.isEmpty()) {
			throw new IllegalArgumentException("A saving names at least one relation: " + what);
		}
		relations = List.copyOf(relations);
	}

	/** Whether a statement loads one of the relations. */
	boolean loads(String sql) {
		StatementShape shape = StatementShape.of(sql);
		return this.relations.stream().anyMatch(shape::loads);
	}

	/**
	 * How many of a page's statements load the relations.
	 * @param ran how many times the page ran each statement text (or fingerprint)
	 */
	int countIn(Map<String, Integer> ran) {
		return ran.entrySet()
			.stream()
			.filter((statement) -> loads(statement.getKey()))
			.mapToInt(Map.Entry::getValue)
			.sum();
	}

}
