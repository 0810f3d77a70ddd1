package dev.nplusonelab.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A foreign key followed forward: each {@code source} row has at most one {@code target}
 * row. Loaded with a JOIN in the same statement (Django's {@code select_related}); a
 * nullable key is joined with LEFT JOIN, or rows without a target would silently drop out
 * of the result.
 *
 * @param name e.g. {@code book.editor}
 * @param source the table holding the foreign key
 * @param foreignKey the column in {@code source}
 * @param target the table the key points at, by its {@code id}
 * @param optional whether the key is nullable
 */
public record ToOne(String name, Table source, String foreignKey, Table target, boolean optional) implements Relation {

	public ToOne {
		Sql.requireIdentifier(foreignKey);
	}

	/** A required (NOT NULL) foreign key. */
	public static ToOne required(String name, Table source, String foreignKey, Table target) {
		return new ToOne(name, source, foreignKey, target, false);
	}

	/** A nullable foreign key. */
	public static ToOne optional(String name, Table source, String foreignKey, Table target) {
		return new ToOne(name, source, foreignKey, target, true);
	}

	String joinClause() {
		return (this.optional ? "LEFT JOIN " : "JOIN ") + this.target.declaration() + " ON " + this.target.column("id")
				+ " = " + this.source.column(this.foreignKey);
	}

	/**
	 * The tables a statement reaches from {@code root} through {@code joins}.
	 */
	static Set<Table> reached(Table root, List<ToOne> joins) {
		Set<Table> tables = new HashSet<>();
		tables.add(root);
		joins.forEach((join) -> tables.add(join.target()));
		return tables;
	}

	/**
	 * {@code joins} followed by the steps of {@code path} that are not joined yet. Each
	 * step must start from a table already reached.
	 * @param where the statement, for the error message
	 */
	static List<ToOne> extend(Table root, List<ToOne> joins, ToOne[] path, String where) {
		Set<Table> present = reached(root, joins);
		List<ToOne> joined = new ArrayList<>(joins);
		for (ToOne step : path) {
			if (!present.contains(step.source())) {
				throw new IllegalArgumentException("Cannot join " + step.name() + " in " + where + ": "
						+ step.source().name() + " is not in it yet; join the relation that leads to it first");
			}
			if (present.add(step.target())) {
				joined.add(step);
			}
		}
		return List.copyOf(joined);
	}

	/**
	 * The joins that lead from {@code root} to {@code table}, in order: none for the root
	 * itself.
	 */
	static List<Relation> path(Table root, List<ToOne> joins, Table table) {
		List<Relation> path = new ArrayList<>();
		Table at = table;
		while (!at.equals(root)) {
			ToOne step = null;
			for (ToOne join : joins) {
				if (join.target().equals(at)) {
					step = join;
				}
			}
			if (step == null) {
				throw new IllegalStateException(table.name() + " is not reached from " + root.name());
			}
			path.add(0, step);
			at = step.source();
		}
		return List.copyOf(path);
	}

}
