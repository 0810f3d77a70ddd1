package dev.nplusonelab.diagnostics.capture;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One JDBC execution seen by the proxy. A batch is one execution, as it is one round
 * trip.
 *
 * @param index position in the request, from 1
 * @param sql the statement text as the driver received it
 * @param parameters the bound values, rendered for display (one list per batch entry)
 * @param parameterKey the bound values in full, to tell duplicates from similar
 * statements
 * @param nanos time spent in the driver for this execution
 * @param injectedNanos delay added before it to emulate a network round trip
 * @param batchSize how many parameter sets the execution carried (1 unless batched)
 * @param keys how many keys an array parameter carried ({@code = ANY(?)}), 0 without one
 * @param success whether the driver returned without an exception
 * @param callSite the first frame of application code that led to it, e.g.
 * {@code BookReader.java:88}
 * @param phase whether it ran in the handler or while the view rendered
 * @param values the first parameter set as bound, kept to EXPLAIN the statement later
 * @param fetched what the application read from its result, filled as it reads
 * @param thread the name of the thread it ran on
 * @param issuer the code that sent it to the driver, read from the stack with its call
 * site
 * @param database the database it ran on
 * @param callers the lines of application code that led to {@code callSite}, nearest
 * first: a few, read in the same walk of the stack, and none when the call site was not
 * looked for
 * @param view the view that was rendering when it ran ({@code books/list}), if it ran
 * while one did and its name is known
 */
public record StatementRecord(int index, String sql, List<List<String>> parameters, String parameterKey, long nanos,
		long injectedNanos, int batchSize, int keys, boolean success, String callSite, Phase phase,
		List<@Nullable Object> values, Fetched fetched, String thread, DataAccess issuer, Database database,
		List<String> callers, @Nullable String view) {

	/** Its call site and the application's lines that led to it, nearest first. */
	public List<String> stack() {
		List<String> stack = new java.util.ArrayList<>(this.callers.size() + 1);
		stack.add(this.callSite);
		stack.addAll(this.callers);
		return List.copyOf(stack);
	}

	/**
	 * Its shape without values ({@link Fingerprint}), which similar statements share.
	 * Read when asked, by the detector and the summary, not while the statement runs: a
	 * request nobody looks into further than its count never pays for it, and each text
	 * is read once for all requests.
	 */
	public String fingerprint() {
		return Fingerprint.of(this.sql);
	}

	public double millis() {
		return this.nanos / 1_000_000.0;
	}

	/**
	 * Whether it is one SELECT, which reads and changes nothing, and can be run again
	 * under EXPLAIN.
	 */
	public boolean isSelect() {
		String verb = Statements.verb(this.sql);
		return (verb.equals("SELECT") || verb.equals("WITH")) && Statements.kind(this.sql) == Statements.Kind.READ
				&& !this.sql.contains(";");
	}

	/** The same statement at another position of a request. */
	StatementRecord at(int index) {
		return new StatementRecord(index, this.sql, this.parameters, this.parameterKey, this.nanos, this.injectedNanos,
				this.batchSize, this.keys, this.success, this.callSite, this.phase, this.values, this.fetched,
				this.thread, this.issuer, this.database, this.callers, this.view);
	}

	/** Where in a request a statement ran. */
	public enum Phase {

		/** Before the controller or after the response (filters, error handling). */
		REQUEST,

		/**
		 * In the controller, including what it calls and, for JSON, the serialization.
		 */
		HANDLER,

		/** While the view rendered. */
		VIEW

	}

}
