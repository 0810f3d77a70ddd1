package dev.nplusonelab.diagnostics;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a statement repeated once per row looks up, read from its SQL, for a
 * {@link FixSuggester}.
 *
 * @param sql the text of the first repeat
 * @param callSite where it was issued from
 * @param count how many times it ran
 * @param table the table whose key its WHERE clause matches
 * @param column that key
 * @param mainTable the table it reads first, which the key's table may join
 * @param aggregate whether it only computes a count, an average or the like
 * @param filtered whether more conditions follow the key's
 * @param columns the plain columns it selects, if that is all it selects
 * @param sourceTable the table the list it was issued for reads first, when that list is
 * known
 */
public record RepeatedLookup(String sql, String callSite, int count, String table, String column, String mainTable,
		boolean aggregate, boolean filtered, List<String> columns, @Nullable String sourceTable) {

	/** Whether it looks rows up by their own key, {@code id}. */
	public boolean byId() {
		return this.column.equals("id");
	}

	/** The same lookup, issued for the rows of {@code sourceTable}. */
	public RepeatedLookup withSourceTable(@Nullable String sourceTable) {
		return new RepeatedLookup(this.sql, this.callSite, this.count, this.table, this.column, this.mainTable,
				this.aggregate, this.filtered, this.columns, sourceTable);
	}

}
