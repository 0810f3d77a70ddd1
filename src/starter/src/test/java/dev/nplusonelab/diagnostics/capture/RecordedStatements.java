package dev.nplusonelab.diagnostics.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * One request's statements written out by hand, as the listener would record them, for
 * the detector's tests: from one line of code unless told otherwise, issued by the code
 * and run on the database it is told.
 */
public final class RecordedStatements {

	private static final AtomicLong unseen = new AtomicLong();

	private final List<StatementRecord> statements = new ArrayList<>();

	private String callSite = "OwnerSummary.java:9";

	private DataAccess issuer = DataAccess.JDBC;

	private Database database = Database.of("PostgreSQL", "17.6");

	private int batchSize = 1;

	private long nanos = 100_000;

	private StatementRecord.Phase phase = StatementRecord.Phase.HANDLER;

	private java.time.Duration latency = java.time.Duration.ZERO;

	private java.time.Duration maxInjected = java.time.Duration.ZERO;

	private final List<Values> values = new ArrayList<>();

	private List<String> callers = List.of();

	private @Nullable String view;

	/** The statements that follow come from {@code callSite}. */
	public RecordedStatements from(String callSite) {
		this.callSite = callSite;
		return this;
	}

	/** The statements that follow were sent by {@code issuer}. */
	public RecordedStatements issuedBy(DataAccess issuer) {
		this.issuer = issuer;
		return this;
	}

	/** The statements that follow ran on {@code database}. */
	public RecordedStatements on(Database database) {
		this.database = database;
		return this;
	}

	/** The statements that follow are JDBC batches of {@code size}. */
	public RecordedStatements batchesOf(int size) {
		this.batchSize = size;
		return this;
	}

	/**
	 * The statements that follow each took {@code time} in the driver (0.1 ms unless
	 * told).
	 */
	public RecordedStatements taking(java.time.Duration time) {
		this.nanos = time.toNanos();
		return this;
	}

	/**
	 * The statements that follow were called from these lines of the application, above
	 * their call site, nearest first (none unless told).
	 */
	public RecordedStatements calledBy(String... callers) {
		this.callers = List.of(callers);
		return this;
	}

	/**
	 * The statements that follow ran while {@code view} rendered, in the view phase;
	 * {@code null}: a view whose name is unknown.
	 */
	public RecordedStatements rendering(@Nullable String view) {
		this.phase = StatementRecord.Phase.VIEW;
		this.view = view;
		return this;
	}

	/** The statements that follow ran in {@code phase} of the request. */
	public RecordedStatements during(StatementRecord.Phase phase) {
		this.phase = phase;
		return this;
	}

	/**
	 * The report delays each statement by {@code latency}, up to {@code maxInjected} in
	 * all, as {@code nplusone.latency} and {@code nplusone.max-injected} do.
	 */
	public RecordedStatements delayed(java.time.Duration latency, java.time.Duration maxInjected) {
		this.latency = latency;
		this.maxInjected = maxInjected;
		return this;
	}

	/**
	 * The statements that follow each had values of these sizes read from their result,
	 * from a column named {@code content}, as {@code nplusone.result-set.bytes} measures
	 * them (none unless told).
	 */
	public RecordedStatements readingValuesOf(long... bytes) {
		return readingValuesOf("content", bytes);
	}

	/**
	 * The statements that follow each had values of these sizes read from {@code column},
	 * and nothing else.
	 */
	public RecordedStatements readingValuesOf(String column, long... bytes) {
		this.values.clear();
		return andValuesOf(column, bytes);
	}

	/**
	 * The statements that follow also had values of these sizes read from {@code column},
	 * after the others.
	 */
	public RecordedStatements andValuesOf(String column, long... bytes) {
		this.values.add(new Values(column, bytes.clone()));
		return this;
	}

	private record Values(String column, long[] bytes) {
	}

	/**
	 * {@code sql} as a text no cache has seen yet: with trailing whitespace of its own,
	 * which every rule folds away. What the starter reads from a text is kept for the
	 * life of the JVM, and PIT runs its mutants one after the other in one JVM: a rule
	 * that reads text is only tested on a text read under the mutant.
	 */
	public static String unseen(String sql) {
		String bits = Long.toBinaryString(unseen.incrementAndGet());
		return sql + " " + bits.replace('0', ' ').replace('1', '\t');
	}

	/** A statement that returned {@code rows} rows, with the values it bound. */
	public RecordedStatements ran(String sql, long rows, @Nullable Object... values) {
		Fetched fetched = new Fetched();
		for (long row = 0; row < rows; row++) {
			fetched.row();
		}
		for (Values read : this.values) {
			for (long bytes : read.bytes()) {
				fetched.value(bytes, read.column());
			}
		}
		List<@Nullable Object> bound = Collections.unmodifiableList(Arrays.asList(values));
		this.statements.add(new StatementRecord(this.statements.size() + 1, sql,
				List.of(bound.stream().map(StatementListener::show).toList()), Arrays.deepToString(values) + "|",
				this.nanos, 0, this.batchSize, keys(values), true, this.callSite, this.phase, bound, fetched, "main",
				this.issuer, this.database, this.callers, this.view));
		return this;
	}

	/** A completed report of the statements, for code that reads reports. */
	public RequestReport report() {
		return report(7, "/owners");
	}

	/**
	 * A completed report of the statements with this id and route, each statement asking
	 * for its delay first, as the listener does.
	 */
	public RequestReport report(long id, String route) {
		return report(id, "GET", "/owners", route);
	}

	/** A completed report of the statements, of a request with this method and path. */
	public RequestReport report(long id, String method, String path, String route) {
		RequestReport report = new RequestReport(id, method, path, this.latency, this.maxInjected,
				Math.max(this.statements.size(), 1));
		for (StatementRecord statement : this.statements) {
			long delay = report.nextDelayNanos();
			report.add(statement.nanos(), delay, statement::at, null);
		}
		report.complete(route, 200, 0);
		return report;
	}

	/** The keys of the arrays among the values, as {@code = ANY(?)} binds them. */
	private static int keys(@Nullable Object[] values) {
		int keys = 0;
		for (Object value : values) {
			keys += (value instanceof Object[] array) ? array.length : 0;
		}
		return keys;
	}

	public List<StatementRecord> list() {
		return List.copyOf(this.statements);
	}

}
