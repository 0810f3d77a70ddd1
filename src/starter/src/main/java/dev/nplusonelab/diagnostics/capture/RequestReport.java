package dev.nplusonelab.diagnostics.capture;

import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Every statement that one HTTP request (or one captured block) ran, in order, including
 * those run while its view rendered and those of tasks it handed to an executor. It keeps
 * at most {@code nplusone.max-statements-per-request} of them; the rest are counted and
 * timed, not kept.
 */
public final class RequestReport {

	/** The request attribute that holds the report of the current request. */
	public static final String ATTRIBUTE = RequestReport.class.getName();

	private final long id;

	private final String method;

	private final String path;

	private final String thread = Thread.currentThread().getName();

	private final Instant startedAt = Instant.now();

	private final int maxKept;

	/** Guarded by {@code this}. */
	private final List<StatementRecord> statements = new ArrayList<>();

	/** Every statement, kept or not; guarded by {@code this}. */
	private int count;

	/** Guarded by {@code this}: once set, statements are no longer added. */
	private boolean completed;

	/**
	 * Statements whose results may still be read; forgotten when the request completes.
	 */
	private final Map<Statement, Fetched> open = Collections.synchronizedMap(new IdentityHashMap<>());

	private volatile Duration latency;

	private final Duration maxInjected;

	/** The delay granted so far; guarded by {@code this}. */
	private long grantedNanos;

	private volatile @Nullable Integer firstUndelayed;

	private volatile StatementRecord.Phase phase = StatementRecord.Phase.REQUEST;

	private volatile @Nullable Integer budget;

	private volatile @Nullable String view;

	private volatile String route = "UNKNOWN";

	private volatile Map<String, String> tags = Map.of();

	private volatile int status;

	private volatile long elapsedNanos;

	/**
	 * Asked at the first statement whether this report's call sites are found; none: they
	 * all are. Guarded by {@code this}.
	 */
	private @Nullable BooleanSupplier callSiteSampling;

	/** What {@link #callSiteSampling} answered; guarded by {@code this}. */
	private @Nullable Boolean findsCallSites;

	/** Running totals, so the history can sort thousands of reports by time cheaply. */
	private final LongAdder sqlNanos = new LongAdder();

	private final LongAdder injectedNanos = new LongAdder();

	RequestReport(long id, String method, String path, Duration latency, Duration maxInjected, int maxKept) {
		this.id = id;
		this.method = method;
		this.path = path;
		this.latency = latency;
		this.maxInjected = maxInjected;
		this.maxKept = maxKept;
	}

	/**
	 * Counts a statement and keeps the record {@code record} makes for its index, while
	 * there is room. Returns {@code false} once the report is complete: the statement
	 * belongs to no request then.
	 */
	synchronized boolean add(long nanos, long injected, IntFunction<StatementRecord> record,
			@Nullable Statement jdbcStatement) {
		if (this.completed) {
			return false;
		}
		int index = ++this.count;
		this.sqlNanos.add(nanos);
		this.injectedNanos.add(injected);
		if (this.statements.size() < this.maxKept) {
			StatementRecord statement = record.apply(index);
			this.statements.add(statement);
			if (jdbcStatement != null) {
				this.open.put(jdbcStatement, statement.fetched());
			}
		}
		return true;
	}

	/**
	 * Finds the call sites of this report's statements only if {@code sampled} says so.
	 * It is asked once, when the first statement is recorded, so that either every
	 * statement of the report has its line or none has: a group of repeated statements is
	 * never split between lines found and lines not looked for. Without it, every
	 * statement's call site is found, as in a test's capture.
	 */
	public synchronized void sampleCallSites(BooleanSupplier sampled) {
		this.callSiteSampling = sampled;
		this.findsCallSites = null;
	}

	/** Whether the statements of this report have their call sites found. */
	synchronized boolean findsCallSites() {
		Boolean finds = this.findsCallSites;
		if (finds == null) {
			BooleanSupplier sampling = this.callSiteSampling;
			finds = (sampling == null) || sampling.getAsBoolean();
			this.findsCallSites = finds;
		}
		return finds;
	}

	@Nullable Fetched fetchedBy(@Nullable Statement jdbcStatement) {
		return (jdbcStatement != null) ? this.open.get(jdbcStatement) : null;
	}

	/**
	 * Ends the report: later statements belong to no request. The starter's web filter
	 * calls it once the response is complete.
	 */
	public void complete(String route, int status, long elapsedNanos) {
		synchronized (this) {
			this.completed = true;
		}
		this.route = route;
		this.status = status;
		this.elapsedNanos = elapsedNanos;
		this.open.clear();
	}

	/**
	 * The extra tags its metrics are recorded with ({@link #tags()}); the starter's web
	 * filter sets them once the report is complete.
	 */
	public void tags(Map<String, String> tags) {
		this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
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
				this.firstUndelayed = this.count + 1;
			}
			return 0;
		}
		this.grantedNanos += delay;
		return delay;
	}

	/** The most delay this request is given in all ({@code nplusone.max-injected}). */
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

	/** Which phase of the request runs now: statements are tagged with it. */
	public StatementRecord.Phase phase() {
		return this.phase;
	}

	/**
	 * Tells the report which phase of the request runs now. The starter's MVC interceptor
	 * does it for handlers and views; other view technologies can do it themselves, so
	 * that the render guard applies to them too.
	 */
	public void phase(StatementRecord.Phase phase) {
		this.phase = phase;
	}

	/**
	 * The name of the view being rendered ({@code books/list}), if one is and its name is
	 * known: the statements that run while it renders are marked with it.
	 */
	public @Nullable String view() {
		return this.view;
	}

	/**
	 * Names the view about to render; the starter's MVC interceptor does it with the
	 * {@link #phase(StatementRecord.Phase) view phase}.
	 */
	public void view(@Nullable String view) {
		this.view = view;
	}

	/** The most statements the endpoint declared it runs, if it declared any. */
	public @Nullable Integer budget() {
		return this.budget;
	}

	/**
	 * Declares the most statements this request may run; {@link StatementBudget} does it
	 * for a handler method.
	 */
	public void budget(@Nullable Integer budget) {
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

	/** The name of the thread that opened the report, the request's own. */
	public String thread() {
		return this.thread;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	/** The route template ({@code /books/{id}}), known once the request completed. */
	public String route() {
		return this.route;
	}

	/**
	 * The extra tags its metrics were recorded with ({@link SqlReportTags}), known once
	 * the request completed.
	 */
	public Map<String, String> tags() {
		return this.tags;
	}

	/** One of {@link #tags()}, or {@code null}. */
	public @Nullable String tag(String key) {
		return this.tags.get(key);
	}

	public int status() {
		return this.status;
	}

	public Duration elapsed() {
		return Duration.ofNanos(this.elapsedNanos);
	}

	/**
	 * A copy of the statements kept so far, in order, safe to iterate while the request
	 * goes on.
	 */
	public synchronized List<StatementRecord> statements() {
		return List.copyOf(this.statements);
	}

	/** The kept statement at a position, from 1. */
	public synchronized Optional<StatementRecord> statement(int index) {
		return (index >= 1 && index <= this.statements.size()) ? Optional.of(this.statements.get(index - 1))
				: Optional.empty();
	}

	/** Every statement the request ran, whether kept or not. */
	public synchronized int statementCount() {
		return this.count;
	}

	/**
	 * Statements counted but not kept, past {@code nplusone.max-statements-per-request}.
	 */
	public synchronized int droppedStatementCount() {
		return this.count - this.statements.size();
	}

	public Duration sqlTime() {
		return Duration.ofNanos(this.sqlNanos.sum());
	}

	/** The delay added before the statements, apart from their own time. */
	public Duration injectedTime() {
		return Duration.ofNanos(this.injectedNanos.sum());
	}

}
