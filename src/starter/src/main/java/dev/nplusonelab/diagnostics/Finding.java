package dev.nplusonelab.diagnostics;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Something the detector found in one request's statements.
 *
 * @param kind a potential N+1, a duplicate or a read of large values
 * @param sql the statement text of the first one
 * @param callSite the line of application code that issued them
 * @param count how many statements (for large values: how many values)
 * @param distinctParameterSets how many different parameter sets among them
 * @param millis their summed driver time
 * @param indexes their positions in the request
 * @param source the statement that most likely produced the rows they were issued for
 * @param suggestion the fix, from the first {@link FixSuggester} that named one
 */
public record Finding(Kind kind, String sql, String callSite, int count, int distinctParameterSets, double millis,
		List<Integer> indexes, @Nullable Source source, @Nullable Suggestion suggestion) {

	/** A potential N+1, as opposed to a duplicate or a read of large values. */
	public boolean isNPlusOne() {
		return this.kind == Kind.N_PLUS_ONE;
	}

	/** One line, as the log and the panel show it. */
	public String message() {
		StringBuilder message = new StringBuilder();
		if (this.kind == Kind.LARGE_VALUES) {
			message.append("large values: #")
				.append(this.indexes.get(0))
				.append(" read ")
				.append(this.count)
				.append(" values of " + (Fetched.LARGE_VALUE_BYTES / 1024) + " KB or more, from ")
				.append(this.callSite);
		}
		else if (this.kind == Kind.N_PLUS_ONE) {
			message.append("potential N+1: ")
				.append(this.count)
				.append(" similar statements from ")
				.append(this.callSite);
			if (this.source != null) {
				message.append(" after #")
					.append(this.source.index())
					.append(" (")
					.append(Fingerprint.brief(this.source.sql()))
					.append(", ")
					.append(this.source.rows())
					.append((this.source.rows() == 1) ? " row)" : " rows)");
			}
		}
		else {
			message.append("duplicate: ")
				.append(this.count - this.distinctParameterSets)
				.append(" repeated ")
				.append((this.count - this.distinctParameterSets == 1) ? "statement" : "statements")
				.append(" with the same parameters from ")
				.append(this.callSite);
		}
		message.append(String.format(Locale.ROOT, ", %.1f ms: %s", this.millis, Fingerprint.brief(this.sql)));
		if (this.suggestion != null) {
			message.append(". Fix: ").append(this.suggestion.text());
		}
		return message.toString();
	}

	/** How the panel labels it. */
	public String label() {
		return switch (this.kind) {
			case N_PLUS_ONE -> "potential N+1 · " + this.count + " statements";
			case DUPLICATE -> "duplicate · " + (this.count - this.distinctParameterSets) + " repeated";
			case LARGE_VALUES ->
				"large values · " + this.count + " of " + (Fetched.LARGE_VALUE_BYTES / 1024) + " KB or more";
		};
	}

	public enum Kind {

		/** The same query per row of an earlier one. */
		N_PLUS_ONE,

		/** The same query with the same parameters, asked again. */
		DUPLICATE,

		/**
		 * A statement that read many large values (a text column): often a list that
		 * loads every column when it shows a few.
		 */
		LARGE_VALUES

	}

	/**
	 * The statement a repeated one is issued for.
	 *
	 * @param index its position in the request
	 * @param sql its text
	 * @param rows the rows it returned
	 */
	public record Source(int index, String sql, long rows) {
	}

	/**
	 * A fix for what was found.
	 *
	 * @param action what to do: {@code join}, {@code prefetch}, {@code select},
	 * {@code project}, {@code load}, ... as the suggester names it
	 * @param relations the relation or association names the fix walks, in order; empty
	 * when it names none
	 * @param summary the fix in words
	 * @param code the code or SQL that does it
	 */
	public record Suggestion(String action, List<String> relations, String summary, String code) {

		public String text() {
			return this.summary + " (" + this.code + ")";
		}

	}

}
