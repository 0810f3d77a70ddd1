package dev.nplusonelab.diagnostics.detect;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.diagnostics.capture.DataAccess;
import dev.nplusonelab.diagnostics.capture.Fetched;
import dev.nplusonelab.diagnostics.capture.Fingerprint;
import dev.nplusonelab.diagnostics.capture.Statements;

/**
 * Something the detector found in one request's statements.
 *
 * @param kind a potential N+1, a loop of them, batches smaller than their list, a
 * duplicate, unbatched writes or a read of large values
 * @param sql the statement text of the first one; for a loop, of its first member
 * @param callSite the line of application code that issued them; for a duplicate, the
 * first of {@code sites}; for a loop, the nearest line every member's statements came
 * through, or its first member's line when they share none
 * @param count how many statements (for large values: how many large values, over all the
 * runs of {@code indexes}; for a loop, the statements of all its members)
 * @param distinctParameterSets how many different statements and values among them: for a
 * potential N+1, the distinct keys it looked up; for batches, the distinct keys they
 * loaded; for a loop, how many times it went round; for a duplicate, the statements that
 * ran more than once; for large values, the runs with values of their own
 * @param millis their summed driver time
 * @param indexes their positions in the request
 * @param source the statement that most likely produced the rows they were issued for
 * @param suggestion the fix, from the first {@link FixSuggester} that named one
 * @param sites every line that issued them, in the order they first ran, with how often
 * each did
 * @param column for large values, the column they were read from, as the result set
 * labels it; {@code null} for the other kinds
 * @param members for a loop, the potential N+1s it is made of, in the order each round
 * runs them; empty for the other kinds
 * @param batchSize for batches, the most keys one of them loaded; 0 for the other kinds
 * @param indexHint the column they filter on that no index leads, when the database's
 * metadata says so; {@code null} when it has one, or nobody looked
 */
public record Finding(Kind kind, String sql, String callSite, int count, int distinctParameterSets, double millis,
		List<Integer> indexes, @Nullable Source source, @Nullable Suggestion suggestion, List<Site> sites,
		@Nullable String column, List<Finding> members, int batchSize, @Nullable IndexHint indexHint) {

	/** A finding before anything looked at the indexes of its table. */
	public Finding(Kind kind, String sql, String callSite, int count, int distinctParameterSets, double millis,
			List<Integer> indexes, @Nullable Source source, @Nullable Suggestion suggestion, List<Site> sites,
			@Nullable String column, List<Finding> members, int batchSize) {
		this(kind, sql, callSite, count, distinctParameterSets, millis, indexes, source, suggestion, sites, column,
				members, batchSize, null);
	}

	/** The same finding, with what the indexes of its table say. */
	public Finding withIndexHint(@Nullable IndexHint hint) {
		return new Finding(this.kind, this.sql, this.callSite, this.count, this.distinctParameterSets, this.millis,
				this.indexes, this.source, this.suggestion, this.sites, this.column, this.members, this.batchSize,
				hint);
	}

	/** The same loop, with its members as given (each with its own index hint). */
	public Finding withMembers(List<Finding> members) {
		return new Finding(this.kind, this.sql, this.callSite, this.count, this.distinctParameterSets, this.millis,
				this.indexes, this.source, this.suggestion, this.sites, this.column, members, this.batchSize,
				this.indexHint);
	}

	/**
	 * The index hint in words, {@code no index on visits.pet_id: each of the 6 lookups
	 * scans the table}, or {@code null} without one.
	 */
	public @Nullable String indexHintText() {
		if (this.indexHint == null) {
			return null;
		}
		String what = switch (this.kind) {
			case N_PLUS_ONE -> "lookups";
			case DUPLICATE -> "runs";
			default -> Statements.verb(this.sql) + " statements";
		};
		return this.indexHint.text(this.count, what);
	}

	/** How large a large value is, in words. */
	private static final String LARGE = (Fetched.LARGE_VALUE_BYTES / 1024) + " KB";

	public Finding {
		members = List.copyOf(members);
	}

	/** A finding that is neither a loop nor batches. */
	public Finding(Kind kind, String sql, String callSite, int count, int distinctParameterSets, double millis,
			List<Integer> indexes, @Nullable Source source, @Nullable Suggestion suggestion, List<Site> sites,
			@Nullable String column) {
		this(kind, sql, callSite, count, distinctParameterSets, millis, indexes, source, suggestion, sites, column,
				List.of(), 0);
	}

	/**
	 * A potential N+1, or a loop of them: what budgets of N+1s, strict mode and the
	 * {@code app.sql.nplusone} metric count. A loop counts once, as it is one loop with
	 * one fix, however many statements each round runs; batches smaller than their list
	 * are not counted, as they already load many rows per statement and need a larger
	 * batch, not a rewrite.
	 */
	public boolean isNPlusOne() {
		return this.kind == Kind.N_PLUS_ONE || this.kind == Kind.LOOP;
	}

	/** One line, as the log and the panel show it. */
	public String message() {
		StringBuilder message = new StringBuilder();
		switch (this.kind) {
			case LARGE_VALUES -> {
				message.append("large values: ");
				if (this.indexes.size() == 1) {
					message.append('#').append(this.indexes.get(0));
				}
				else {
					message.append(this.indexes.size())
						.append(" statements (first #")
						.append(this.indexes.get(0))
						.append(')');
				}
				message.append(" read ")
					.append(plural(this.count, "value"))
					.append(" of " + LARGE + " or more from column ")
					.append(this.column)
					.append(", from ")
					.append(this.callSite);
			}
			case N_PLUS_ONE -> {
				message.append("potential N+1: ").append(this.count);
				if (this.source != null && this.source.rows() >= this.count) {
					message.append(" statements from ")
						.append(this.callSite)
						.append(" for the ")
						.append(plural(this.source.rows(), "row"))
						.append(" of #")
						.append(this.source.index())
						.append(" (")
						.append(Fingerprint.brief(this.source.sql()))
						.append(')');
				}
				else if (this.source != null) {
					// More statements than the list has rows: a loop inside the loop over
					// it.
					message.append(" statements from ")
						.append(this.callSite)
						.append(" after #")
						.append(this.source.index())
						.append(" (")
						.append(Fingerprint.brief(this.source.sql()))
						.append(", ")
						.append(plural(this.source.rows(), "row"))
						.append(')');
				}
				else {
					message.append(" similar statements from ").append(this.callSite);
				}
				if (this.distinctParameterSets < this.count) {
					message.append(", ").append(plural(this.distinctParameterSets, "distinct key"));
				}
			}
			case LOOP -> {
				int rounds = this.distinctParameterSets;
				message.append("loop: ")
					.append(plural(this.members.size(), "statement"))
					.append(" × ")
					.append(plural(rounds, "row"))
					.append(" = ")
					.append(this.count)
					.append(" statements from ")
					.append(this.callSite);
				if (this.source != null) {
					message.append(", over the ")
						.append(plural(this.source.rows(), "row"))
						.append(" of #")
						.append(this.source.index())
						.append(" (")
						.append(Fingerprint.brief(this.source.sql()))
						.append(')');
				}
				message.append(String.format(Locale.ROOT, ", %.1f ms: ", this.millis));
				for (int i = 0; i < this.members.size(); i++) {
					Finding member = this.members.get(i);
					message.append((i > 0) ? "; " : "")
						.append(Fingerprint.brief(member.sql()))
						.append(" from ")
						.append(member.callSite());
				}
				if (this.suggestion != null) {
					message.append(". Fix: ").append(this.suggestion.text());
				}
				for (Finding member : this.members) {
					IndexHint missing = member.indexHint();
					if (missing != null) {
						message.append(". Also ")
							.append(member.indexHintText())
							.append(" (")
							.append(missing.create())
							.append(')');
					}
				}
				return message.toString();
			}
			case BATCH_PLUS_ONE -> {
				message.append("batch+1: ")
					.append(plural(this.count, "batch"))
					.append(" of ")
					.append((this.distinctParameterSets < this.count * this.batchSize) ? "up to " : "")
					.append(plural(this.batchSize, "key"));
				if (this.source != null) {
					message.append(" for the ")
						.append(plural(this.source.rows(), "row"))
						.append(" of #")
						.append(this.source.index())
						.append(" (")
						.append(Fingerprint.brief(this.source.sql()))
						.append(')');
				}
				message.append(" from ")
					.append(this.callSite)
					.append(", ")
					.append(plural(this.distinctParameterSets, "key"))
					.append(" in all");
			}
			case DUPLICATE -> {
				message.append("duplicate: ");
				if (this.distinctParameterSets == 1) {
					message.append("the same statement with the same values ran ").append(this.count).append(" times");
				}
				else {
					message.append(this.distinctParameterSets)
						.append(" statements ran again with the same values, ")
						.append(this.count)
						.append(" runs in all");
				}
				message.append(", from ").append(sitesText());
			}
			case UNBATCHED_WRITES -> message.append("unbatched writes: ")
				.append(this.count)
				.append(' ')
				.append(Statements.verb(this.sql))
				.append(" statements from ")
				.append(this.callSite)
				.append(", one at a time");
		}
		message.append(String.format(Locale.ROOT, ", %.1f ms: %s", this.millis, Fingerprint.brief(this.sql)));
		if (this.suggestion != null) {
			message.append(". Fix: ").append(this.suggestion.text());
		}
		if (this.indexHint != null) {
			message.append(". Also ").append(indexHintText()).append(" (").append(this.indexHint.create()).append(')');
		}
		return message.toString();
	}

	/**
	 * Every line that issued them with how often: {@code A.java:3 (2×), B.java:9 (1×)}.
	 */
	public String sitesText() {
		StringBuilder text = new StringBuilder();
		for (Site site : this.sites) {
			text.append((text.length() > 0) ? ", " : "").append(site.callSite()).append(" (").append(site.runs());
			text.append("×)");
		}
		return text.toString();
	}

	/** How the panel labels it. */
	public String label() {
		return switch (this.kind) {
			case N_PLUS_ONE -> "potential N+1 · " + this.count + " statements";
			case LOOP -> "loop · " + this.members.size() + " statements × " + plural(this.distinctParameterSets, "row")
					+ " = " + this.count + " statements";
			case BATCH_PLUS_ONE -> "batch+1 · " + plural(this.count, "batch") + " of "
					+ ((this.distinctParameterSets < this.count * this.batchSize) ? "up to " : "")
					+ plural(this.batchSize, "key");
			case DUPLICATE -> "duplicate · " + this.count + " runs";
			case UNBATCHED_WRITES -> "unbatched writes · " + this.count + " statements";
			case LARGE_VALUES -> "large values · " + this.count + " of " + LARGE + " or more in " + this.column
					+ ((this.indexes.size() == 1) ? "" : " · " + this.indexes.size() + " statements");
		};
	}

	private static String plural(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : noun.endsWith("ch") ? "es" : "s");
	}

	public enum Kind {

		/**
		 * A read issued from one line once per row of an earlier one, whatever values the
		 * rows hold.
		 */
		N_PLUS_ONE,

		/**
		 * Potential N+1s that run together, once per row of one list, in one repeating
		 * order: one loop, with one fix for all of them.
		 */
		LOOP,

		/**
		 * Two or more statements from one line that each load a batch of the keys of one
		 * list ({@code IN (?, ?)} or {@code = ANY(?)}), and together all of them: the
		 * batch is smaller than the list.
		 */
		BATCH_PLUS_ONE,

		/**
		 * A read with the same text and values asked for again, from the same line or
		 * from another, and not as part of an N+1.
		 */
		DUPLICATE,

		/**
		 * Writes (INSERT, UPDATE, DELETE) sent from one line one at a time, more of them
		 * than {@code nplusone.writes.unbatched-threshold}: a batch not sent as one.
		 */
		UNBATCHED_WRITES,

		/**
		 * Many large values of one column (a text column) read by one statement from one
		 * line, in one run or in each of many: often a list that loads every column when
		 * it shows a few.
		 */
		LARGE_VALUES

	}

	/**
	 * The statement a repeated one is issued for.
	 *
	 * @param index its position in the request
	 * @param sql its text
	 * @param rows the rows it returned
	 * @param issuer the code that sent it: an association of an ORM is only what loads
	 * the repeats when the ORM loaded the list too
	 */
	public record Source(int index, String sql, long rows, DataAccess issuer) {
	}

	/**
	 * A line that issued statements of a finding.
	 *
	 * @param callSite the line
	 * @param runs how many of them it issued
	 */
	public record Site(String callSite, int runs) {
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
