package dev.nplusonelab.query;

/**
 * A table and the alias every generated statement gives it, so that the SQL in the panel
 * reads the same from one page to the next.
 *
 * @param name the table name
 * @param alias a short alias, unique within the schema
 */
public record Table(String name, String alias) {

	public Table {
		Sql.requireIdentifier(name);
		Sql.requireIdentifier(alias);
	}

	/** A column of this table, qualified with its alias: {@code b.title}. */
	public String column(String column) {
		return this.alias + "." + Sql.requireIdentifier(column);
	}

	String declaration() {
		return this.name + " " + this.alias;
	}

}
