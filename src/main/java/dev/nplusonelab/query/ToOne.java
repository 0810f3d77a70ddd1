package dev.nplusonelab.query;

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

}
