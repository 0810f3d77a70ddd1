package dev.nplusonelab.diagnostics.detect;

/**
 * A column a finding's statement filters on that no index leads, read from the database's
 * metadata: each of the finding's statements reads the whole table to find its rows.
 *
 * @param table the table, as the database names it
 * @param column the column, as the database names it
 * @param create the statement that adds the index, valid on the database the statement
 * ran on: {@code CREATE INDEX visits_pet_id_idx ON visits (pet_id)}
 */
public record IndexHint(String table, String column, String create) {

	/**
	 * What it means for {@code count} statements:
	 * {@code no index on visits.pet_id: each of the 6 lookups scans the table}.
	 * @param what the statements, in the plural: {@code lookups}
	 */
	public String text(int count, String what) {
		return "no index on " + this.table + "." + this.column + ": each of the " + count + " " + what
				+ " scans the table";
	}

}
