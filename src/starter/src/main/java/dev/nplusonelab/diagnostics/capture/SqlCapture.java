package dev.nplusonelab.diagnostics.capture;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * Binds a {@link RequestReport} to the thread that serves a request, so the statement
 * listener knows where each statement belongs.
 * <ul>
 * <li>The servlet filter opens a report per request; {@link #capture(Runnable)} opens one
 * for a block of code, setting aside the report of an enclosing request meanwhile.</li>
 * <li>Tasks handed to an executor that applies the starter's {@code TaskDecorator}
 * (Spring Boot's own executor does) carry the report of the thread that submitted them:
 * their statements count for that request, marked with their thread.</li>
 * <li>Statements on a thread with no report (start-up, scheduled work, a parallel stream
 * in the common pool, a thread the application started itself) belong to no request: they
 * are counted as unattributed ({@code app.sql.statements.unattributed}), never added to
 * another request's report.</li>
 * </ul>
 */
public class SqlCapture {

	private final ThreadLocal<@Nullable Scope> current = new ThreadLocal<>();

	private final AtomicLong ids = new AtomicLong();

	private final LongAdder unattributed = new LongAdder();

	private final int maxStatementsPerRequest;

	/**
	 * Told of every completed request; empty but in tests that record baselines, so a
	 * request pays one emptiness check for it.
	 */
	private final List<CompletionListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * @param maxStatementsPerRequest the statements a report keeps; beyond that they are
	 * counted only
	 */
	public SqlCapture(int maxStatementsPerRequest) {
		this.maxStatementsPerRequest = maxStatementsPerRequest;
	}

	/**
	 * Opens a report on this thread, for a unit of work that is not an HTTP request (a
	 * message, a job): close it with {@link #end()} in a {@code finally} block. The
	 * report of an enclosing unit is set aside until then.
	 * @param latency the delay before each statement
	 * @param maxInjected the most delay the unit is given in all
	 */
	public RequestReport begin(String method, String path, Duration latency, Duration maxInjected) {
		RequestReport report = new RequestReport(this.ids.incrementAndGet(), method, path, latency, maxInjected,
				this.maxStatementsPerRequest);
		this.current.set(new Scope(report, false, this.current.get()));
		return report;
	}

	/** Closes the report {@link #begin} opened and restores the enclosing one. */
	public void end() {
		Scope scope = this.current.get();
		if (scope == null || scope.enclosing() == null) {
			this.current.remove();
		}
		else {
			this.current.set(scope.enclosing());
		}
	}

	/**
	 * Sets the delay before each further statement of the current request, to emulate a
	 * database across a network; does nothing outside a request. The application decides
	 * whether a request may ask ({@code nplusone.request-latency},
	 * {@code nplusone.max-latency}); the report caps the total at
	 * {@code nplusone.max-injected}.
	 */
	public void injectLatency(Duration latency) {
		RequestReport report = current();
		if (report != null) {
			report.latency(latency);
		}
	}

	/** The report of the request this thread is serving, if any. */
	public @Nullable RequestReport current() {
		Scope scope = this.current.get();
		return (scope != null) ? scope.report() : null;
	}

	/**
	 * Runs a block with its own report and returns it: the statements the block ran, and
	 * only those. The report of an enclosing request, if any, is set aside meanwhile.
	 */
	public RequestReport capture(Runnable block) {
		RequestReport report = begin("BLOCK", "", Duration.ZERO, Duration.ZERO);
		try {
			block.run();
		}
		finally {
			end();
		}
		return report;
	}

	/**
	 * Runs a block with its own report that also sees the statements of every report
	 * opened inside it on this thread (a MockMvc request made by a test, say), and
	 * returns it. This is what {@code @ExpectStatements} uses.
	 */
	public RequestReport observe(String name, Callable<?> block) throws Exception {
		RequestReport report = new RequestReport(this.ids.incrementAndGet(), "TEST", name, Duration.ZERO, Duration.ZERO,
				this.maxStatementsPerRequest);
		Scope enclosing = this.current.get();
		this.current.set(new Scope(report, true, enclosing));
		try {
			block.call();
		}
		finally {
			this.current.set(enclosing);
			if (enclosing == null) {
				this.current.remove();
			}
		}
		return report;
	}

	/**
	 * Tells {@code listener} of every HTTP request that completes, on whatever thread
	 * served it, until the returned handle is closed: a test that makes requests over
	 * real HTTP sees their reports too, not only those of MockMvc requests made on its
	 * own thread.
	 */
	public AutoCloseable listen(CompletionListener listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	/**
	 * Hands a request's report to the listeners, once it is complete; the starter's web
	 * filter calls it.
	 * @param query the request's query string as sent, if it had one
	 */
	public void completed(RequestReport report, @Nullable String query) {
		if (this.listeners.isEmpty()) {
			return;
		}
		for (CompletionListener listener : this.listeners) {
			Failures.guard("completion listener", () -> listener.completed(report, query));
		}
	}

	/**
	 * Statements that ran on a thread with no report, or after their request completed,
	 * since the application started.
	 */
	public long unattributedStatements() {
		return this.unattributed.sum();
	}

	@Nullable Scope scope() {
		return this.current.get();
	}

	void scope(@Nullable Scope scope) {
		if (scope == null) {
			this.current.remove();
		}
		else {
			this.current.set(scope);
		}
	}

	void unattributed() {
		this.unattributed.increment();
	}

	/** Told of each request's report once the request is complete. */
	@FunctionalInterface
	public interface CompletionListener {

		/**
		 * @param report the complete report, its route known
		 * @param query the request's query string as sent, if it had one
		 */
		void completed(RequestReport report, @Nullable String query);

	}

	/**
	 * What a thread records into: its innermost report, and any enclosing report that
	 * sees nested ones.
	 *
	 * @param report the innermost report
	 * @param seesNested whether this report also gets the statements of reports opened
	 * inside it
	 * @param enclosing the scope this one was opened in
	 */
	record Scope(RequestReport report, boolean seesNested, @Nullable Scope enclosing) {
	}

}
