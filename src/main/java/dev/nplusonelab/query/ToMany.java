package dev.nplusonelab.query;

import org.jspecify.annotations.Nullable;

/**
 * A relation followed backwards, or through a link table: each {@code source} row has any
 * number of {@code target} rows. A JOIN would repeat the parent once per child, so it is
 * loaded with one extra statement for all parents at once (Django's
 * {@code prefetch_related}), or summarised in SQL when only a count or an average is
 * needed.
 *
 * @param name e.g. {@code author.books}
 * @param source the parent table
 * @param target the child table
 * @param foreignKey for a reverse foreign key, the column in {@code target} that points
 * at the parent; for a many-to-many, the column in the link table that does
 * @param link the link table of a many-to-many, or {@code null}
 */
public record ToMany(String name, Table source, Table target, String foreignKey,
		@Nullable Link link) implements Relation {

	public ToMany {
		Sql.requireIdentifier(foreignKey);
	}

	/** Children whose {@code foreignKey} column points at the parent. */
	public static ToMany reverse(String name, Table source, Table target, String foreignKey) {
		return new ToMany(name, source, target, foreignKey, null);
	}

	/**
	 * Children reached through {@code link}, whose {@code parentKey} points at the
	 * parent.
	 */
	public static ToMany through(String name, Table source, Link link, Table target) {
		return new ToMany(name, source, target, link.parentKey(), link);
	}

	/**
	 * The column that holds the parent's id, qualified: {@code b.author_id} or
	 * {@code bt.book_id}.
	 */
	String parentKeyColumn() {
		return (this.link != null) ? this.link.table().column(this.foreignKey) : this.target.column(this.foreignKey);
	}

	/**
	 * {@code FROM} and {@code JOIN} lines that reach the children, without any condition.
	 */
	String fromClause() {
		return "FROM " + this.target.declaration() + linkJoin();
	}

	/**
	 * For a many-to-many, the line that joins the link table to the children; empty
	 * otherwise.
	 */
	String linkJoin() {
		if (this.link == null) {
			return "";
		}
		return "\nJOIN " + this.link.table().declaration() + " ON " + this.link.table().column(this.link.childKey())
				+ " = " + this.target.column("id");
	}

	/**
	 * The link table of a many-to-many.
	 *
	 * @param table the link table
	 * @param parentKey its column that points at the parent
	 * @param childKey its column that points at the child
	 */
	public record Link(Table table, String parentKey, String childKey) {

		public Link {
			Sql.requireIdentifier(parentKey);
			Sql.requireIdentifier(childKey);
		}

	}

}
