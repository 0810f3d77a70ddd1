package dev.nplusonelab.diagnostics.detect;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.diagnostics.capture.DataAccess;
import dev.nplusonelab.diagnostics.capture.Database;

/**
 * What a statement repeated once per row looks up, read from its SQL and from how it ran,
 * for a {@link FixSuggester}.
 *
 * @param sql the text of the first repeat
 * @param callSite where it was issued from
 * @param count how many times it ran
 * @param distinctKeys how many different values it ran with: fewer than {@code count}
 * when rows share a key
 * @param table the table whose key its WHERE clause matches, without quotes or schema, in
 * lower case
 * @param column that key, the same way
 * @param mainTable the table it reads first, which the key's table may join
 * @param aggregate whether it only computes a count, an average or the like
 * @param filtered whether more conditions follow the key's
 * @param columns the plain columns it selects, if that is all it selects
 * @param source the list it was issued for, when that is known
 * @param issuer the code that sent it: a fix is named in its terms
 * @param database where it ran: a fix's SQL is valid there
 * @param route the route template of the request it ran in, when there is one
 * @param keyType the Java type of the key's value as bound ({@code Long}), when known
 */
public record RepeatedLookup(String sql, String callSite, int count, int distinctKeys, String table, String column,
		String mainTable, boolean aggregate, boolean filtered, List<String> columns, Finding.@Nullable Source source,
		DataAccess issuer, Database database, @Nullable String route, @Nullable String keyType) {

	private static final Pattern PAGED = Pattern
		.compile("(?i)\\bLIMIT\\s|\\bOFFSET\\s|\\bFETCH\\s+(?:FIRST|NEXT)\\b|\\bROWNUM\\b|\\bSELECT\\s+TOP\\b");

	/** Whether it looks rows up by their own key, {@code id}. */
	public boolean byId() {
		return this.column.equals("id");
	}

	/** The table the list it was issued for reads first, when that list is known. */
	public @Nullable String sourceTable() {
		return (this.source != null) ? NPlusOneDetector.tableOf(this.source.sql()) : null;
	}

	/**
	 * Whether the list it was issued for is one page of a longer one ({@code LIMIT},
	 * {@code OFFSET}, {@code FETCH FIRST}): a fix must not make the database return every
	 * row to page them in memory.
	 */
	public boolean sourcePaged() {
		return this.source != null && PAGED.matcher(this.source.sql()).find();
	}

	/** The same lookup, issued for the rows {@code source} returned. */
	public RepeatedLookup from(Finding.@Nullable Source source) {
		return new RepeatedLookup(this.sql, this.callSite, this.count, this.distinctKeys, this.table, this.column,
				this.mainTable, this.aggregate, this.filtered, this.columns, source, this.issuer, this.database,
				this.route, this.keyType);
	}

}
