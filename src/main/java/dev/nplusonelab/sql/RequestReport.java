package dev.nplusonelab.sql;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * Every statement that one HTTP request ran, in order, including those run while its view
 * rendered. Created by {@link SqlReportFilter}, filled by {@link StatementListener}.
 */
public final class RequestReport {

	/** The request attribute that holds the report of the current request. */
	public static final String ATTRIBUTE = RequestReport.class.getName();

	private final long id;

	private final String method;

	private final String path;

	private final Instant startedAt = Instant.now();

	private final List<StatementRecord> statements = Collections.synchronizedList(new ArrayList<>());

	/**
	 * Statements whose results may still be read; forgotten when the request completes.
	 */
	private final Map<Statement, Fetched> open = Collections.synchronizedMap(new IdentityHashMap<>());

	private volatile Duration latency;

	private final Duration maxInjected;

	/** The delay granted so far; only the request's own thread asks for more. */
	private long grantedNanos;

	private volatile @Nullable Integer firstUndelayed;

	private volatile StatementRecord.Phase phase = StatementRecord.Phase.REQUEST;

	private volatile @Nullable Integer budget;

	private volatile String route = "UNKNOWN";

	private volatile String mode = "none";

	private volatile int status;

	private volatile long elapsedNanos;

	/** Running totals, so the history can sort thousands of reports by time cheaply. */
	private final LongAdder sqlNanos = new LongAdder();

	private final LongAdder injectedNanos = new LongAdder();

	RequestReport(long id, String method, String path, Duration latency, Duration maxInjected) {
		this.id = id;
		this.method = method;
		this.path = path;
		this.latency = latency;
		this.maxInjected = maxInjected;
	}

	void add(StatementRecord statement, @Nullable Statement jdbcStatement) {
		this.statements.add(statement);
		this.sqlNanos.add(statement.nanos());
		this.injectedNanos.add(statement.injectedNanos());
		if (jdbcStatement != null) {
			this.open.put(jdbcStatement, statement.fetched());
		}
	}

	@Nullable Fetched fetchedBy(@Nullable Statement jdbcStatement) {
		return (jdbcStatement != null) ? this.open.get(jdbcStatement) : null;
	}

	int nextIndex() {
		return this.statements.size() + 1;
	}

	void complete(String route, String mode, int status, long elapsedNanos) {
		this.route = route;
		this.mode = mode;
		this.status = status;
		this.elapsedNanos = elapsedNanos;
		this.open.clear();
	}

	/**
	 * The delay injected before each statement, to emulate a database across a network.
	 */
	public Duration latency() {
		return this.latency;
	}

	void latency(Duration latency) {
		this.latency = latency;
	}

	/**
	 * The delay to add before the statement about to run: the latency, as long as the
	 * request's total stays within {@link #maxInjected()}; once a delay would pass it,
	 * none, for that statement and every later one.
	 */
	synchronized long nextDelayNanos() {
		long delay = this.latency.toNanos();
		if (delay == 0) {
			return 0;
		}
		if (this.firstUndelayed != null || this.grantedNanos + delay > this.maxInjected.toNanos()) {
			if (this.firstUndelayed == null) {
				this.firstUndelayed = nextIndex();
			}
			return 0;
		}
		this.grantedNanos += delay;
		return delay;
	}

	/** The most delay this request is given in all ({@code lab.sql.max-injected}). */
	public Duration maxInjected() {
		return this.maxInjected;
	}

	/**
	 * Whether the injected delays reached {@link #maxInjected()}, so that later
	 * statements ran without one.
	 */
	public boolean latencyCapped() {
		return this.firstUndelayed != null;
	}

	/**
	 * The position of the first statement that ran without its delay because the cap was
	 * reached, if it was.
	 */
	public @Nullable Integer firstUndelayed() {
		return this.firstUndelayed;
	}

	StatementRecord.Phase phase() {
		return this.phase;
	}

	void phase(StatementRecord.Phase phase) {
		this.phase = phase;
	}

	/**
	 * The most statements the endpoint declared it runs in this mode, if it declared any.
	 */
	public @Nullable Integer budget() {
		return this.budget;
	}

	void budget(@Nullable Integer budget) {
		this.budget = budget;
	}

	public long id() {
		return this.id;
	}

	public String method() {
		return this.method;
	}

	public String path() {
		return this.path;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	/** The route template ({@code /books/{id}}), known once the request completed. */
	public String route() {
		return this.route;
	}

	public String mode() {
		return this.mode;
	}

	public int status() {
		return this.status;
	}

	public Duration elapsed() {
		return Duration.ofNanos(this.elapsedNanos);
	}

	/** A copy of the statements so far, safe to iterate while the request goes on. */
	public List<StatementRecord> statements() {
		synchronized (this.statements) {
			return List.copyOf(this.statements);
		}
	}

	public int statementCount() {
		return this.statements.size();
	}

	public Duration sqlTime() {
		return Duration.ofNanos(this.sqlNanos.sum());
	}

	/** The delay added before the statements, apart from their own time. */
	public Duration injectedTime() {
		return Duration.ofNanos(this.injectedNanos.sum());
	}

	/**
	 * The statements so far, grouped into similar and duplicate runs, for the SQL panel.
	 */
	public StatementSummary summary() {
		return StatementSummary.of(statements());
	}

}
