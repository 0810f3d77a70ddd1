package dev.nplusonelab.diagnostics.capture;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import org.jspecify.annotations.Nullable;

/**
 * Called by datasource-proxy around every execution on a wrapped DataSource. It times the
 * execution and adds it to the report of the current request, if there is one, or counts
 * it as unattributed.
 * <p>
 * Where two of the starter's proxies are stacked (a routing DataSource over wrapped
 * targets, say), only the outermost records: every execution counts once.
 */
final class StatementListener implements QueryExecutionListener {

	private static final CallSiteWalker.CallSite CALL_SITES_OFF = new CallSiteWalker.CallSite("(call sites off)",
			DataAccess.UNKNOWN);

	/**
	 * The line of a statement whose request was not sampled: counted and grouped by its
	 * statement, with a fix in no framework's vocabulary.
	 */
	static final CallSiteWalker.CallSite NOT_SAMPLED = new CallSiteWalker.CallSite(
			"(not sampled: nplusone.call-sites.sample-interval)", DataAccess.UNKNOWN);

	private static final int SHOWN_ARRAY_ELEMENTS = 12;

	private static final int SHOWN_STRING_LENGTH = 80;

	/**
	 * The executions the current thread is inside, outermost first: kept per thread
	 * rather than as custom values of each execution, whose map cost more than the rest
	 * of the listener's bookkeeping.
	 */
	private final ThreadLocal<Executions> executions = ThreadLocal.withInitial(Executions::new);

	private final SqlCapture capture;

	private final @Nullable CallSiteWalker callSites;

	private final Databases databases = new Databases();

	/**
	 * @param callSites where statements come from, or {@code null} when call sites are
	 * switched off
	 */
	StatementListener(SqlCapture capture, @Nullable CallSiteWalker callSites) {
		this.capture = capture;
		this.callSites = callSites;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		Executions executions = this.executions.get();
		int entered = executions.enter(execution);
		if (entered > 0) {
			return;
		}
		executions.timed = false;
		executions.injected = 0;
		Failures.guard("statement listener", () -> {
			RequestReport report = this.capture.current();
			long delay = (report != null) ? report.nextDelayNanos() : 0;
			if (delay > 0) {
				long slept = System.nanoTime();
				try {
					TimeUnit.NANOSECONDS.sleep(delay);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				// What was asked for, or less if interrupted: the scheduler's overshoot
				// is not part of it, so the request's total never passes
				// nplusone.max-injected.
				executions.injected = Math.min(System.nanoTime() - slept, delay);
			}
			executions.started = System.nanoTime();
			executions.timed = true;
		});
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		Executions executions = this.executions.get();
		// Back to the depth this execution entered at, even if an inner afterQuery was
		// lost.
		int entered = executions.leave(execution);
		if (entered > 0) {
			return;
		}
		boolean timed = entered == 0 && executions.timed;
		long started = executions.started;
		long injected = (entered == 0) ? executions.injected : 0;
		Failures.guard("statement listener", () -> record(execution, queries, timed, started, injected));
	}

	/**
	 * The executions one thread is inside, and when the outermost started; only the
	 * outermost of stacked proxies records.
	 */
	private static final class Executions {

		private @Nullable ExecutionInfo[] entered = new ExecutionInfo[4];

		private int depth;

		/** When the outermost execution started, if {@link #timed}. */
		long started;

		/** Whether the outermost execution's start was read. */
		boolean timed;

		/** The latency injected before the outermost execution. */
		long injected;

		/** The depth {@code execution} enters at: 0 for the outermost. */
		int enter(ExecutionInfo execution) {
			if (this.depth == this.entered.length) {
				this.entered = Arrays.copyOf(this.entered, this.depth * 2);
			}
			this.entered[this.depth] = execution;
			return this.depth++;
		}

		/**
		 * The depth {@code execution} entered at, now the current depth again, or -1 (and
		 * depth 0) if it never entered.
		 */
		int leave(ExecutionInfo execution) {
			int entered = -1;
			for (int i = this.depth - 1; i >= 0; i--) {
				if (this.entered[i] == execution) {
					entered = i;
					break;
				}
			}
			int depth = Math.max(entered, 0);
			Arrays.fill(this.entered, depth, this.depth, null);
			this.depth = depth;
			return entered;
		}

	}

	/**
	 * @param timed whether the start was read; if not, datasource-proxy's own elapsed
	 * time is used
	 */
	private void record(ExecutionInfo execution, List<QueryInfo> queries, boolean timed, long started, long injected) {
		SqlCapture.Scope scope = this.capture.scope();
		long nanos = timed ? System.nanoTime() - started : execution.getElapsedTime() * 1_000_000;
		if (scope == null) {
			this.capture.unattributed();
			return;
		}
		Statement jdbcStatement = unwrap(execution.getStatement());
		// Found when any report that keeps the statement wants it: a test observing a
		// request that was not sampled still sees every line.
		boolean findCallSite = false;
		for (SqlCapture.Scope reports = scope; reports != null && !findCallSite; reports = reports.enclosing()) {
			findCallSite = (reports == scope || reports.seesNested()) && reports.report().findsCallSites();
		}
		Draft draft = new Draft(execution, queries, nanos, injected, findCallSite);
		// The phase of the innermost report: a test that observes a request sees which of
		// its statements ran while its view rendered.
		StatementRecord.Phase phase = scope.report().phase();
		String view = (phase == StatementRecord.Phase.VIEW) ? scope.report().view() : null;
		boolean attributed = false;
		boolean innermost = true;
		for (SqlCapture.Scope reports = scope; reports != null; reports = reports.enclosing()) {
			if (innermost || reports.seesNested()) {
				RequestReport report = reports.report();
				attributed |= report.add(nanos, innermost ? injected : 0, (index) -> draft.record(index, phase, view),
						innermost ? jdbcStatement : null);
			}
			innermost = false;
		}
		if (!attributed) {
			this.capture.unattributed();
		}
	}

	/**
	 * The parts of a record that cost something to make, made once and only when a report
	 * keeps the statement.
	 */
	private final class Draft {

		private final ExecutionInfo execution;

		private final List<QueryInfo> queries;

		private final long nanos;

		private final long injected;

		private final boolean findCallSite;

		private final String thread = Thread.currentThread().getName();

		private @Nullable StatementRecord made;

		Draft(ExecutionInfo execution, List<QueryInfo> queries, long nanos, long injected, boolean findCallSite) {
			this.execution = execution;
			this.queries = queries;
			this.nanos = nanos;
			this.injected = injected;
			this.findCallSite = findCallSite;
		}

		/**
		 * The record at {@code index} of one report; every report that keeps the
		 * statement shares what it fetched.
		 */
		StatementRecord record(int index, StatementRecord.Phase phase, @Nullable String view) {
			StatementRecord made = this.made;
			if (made == null) {
				made = make(phase, view);
				this.made = made;
			}
			return made.at(index);
		}

		private StatementRecord make(StatementRecord.Phase phase, @Nullable String view) {
			String sql = (this.queries.size() == 1) ? this.queries.get(0).getQuery()
					: this.queries.stream().map(QueryInfo::getQuery).collect(Collectors.joining(";\n"));
			List<List<String>> shown = new ArrayList<>();
			List<@Nullable Object> first = null;
			StringBuilder key = new StringBuilder();
			int keys = 0;
			// Once per statement: plain loops, no streams.
			for (QueryInfo query : this.queries) {
				for (List<ParameterSetOperation> parameterSet : query.getParametersList()) {
					List<@Nullable Object> values = values(parameterSet);
					first = (first != null) ? first : values;
					List<String> shownSet = new ArrayList<>(values.size());
					for (Object value : values) {
						shownSet.add(show(value));
						String text;
						if (value instanceof Object[] array) {
							keys += array.length;
							text = Arrays.deepToString(array);
						}
						else {
							text = String.valueOf(value);
						}
						// Length-prefixed, so that no two different sets of values
						// share a key.
						key.append(text.length()).append(':').append(text);
					}
					shown.add(Collections.unmodifiableList(shownSet));
					key.append('|');
				}
			}
			int batchSize = this.execution.isBatch() ? this.execution.getBatchSize() : 1;
			CallSiteWalker callSites = StatementListener.this.callSites;
			CallSiteWalker.CallSite site = (callSites == null) ? CALL_SITES_OFF
					: this.findCallSite ? callSites.current() : NOT_SAMPLED;
			return new StatementRecord(0, sql, Collections.unmodifiableList(shown), key.toString(), this.nanos,
					this.injected, batchSize, keys, this.execution.isSuccess(), site.line(), phase,
					(first != null) ? Collections.unmodifiableList(first) : List.of(), new Fetched(), this.thread,
					site.issuer(), StatementListener.this.databases.of(this.execution), site.callers(), view);
		}

	}

	/**
	 * The values of one parameter set in parameter order, arrays read into Java arrays.
	 * The driver was given them in the order the code set them, which is almost always
	 * the parameter order already.
	 */
	private static List<@Nullable Object> values(List<ParameterSetOperation> operations) {
		List<ParameterSetOperation> ordered = operations;
		if (!inIndexOrder(operations)) {
			ordered = new ArrayList<>(operations);
			ordered.sort(Comparator.comparing((operation) -> String.valueOf(operation.getArgs()[0]),
					Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())));
		}
		List<@Nullable Object> values = new ArrayList<>(ordered.size());
		for (ParameterSetOperation operation : ordered) {
			if (ParameterSetOperation.isRegisterOutParameterOperation(operation)) {
				continue;
			}
			Object[] args = operation.getArgs();
			boolean isNull = ParameterSetOperation.isSetNullParameterOperation(operation) || args.length < 2;
			values.add(isNull ? null : unwrapValue(args[1]));
		}
		return values;
	}

	/** Whether every operation sets a parameter by index, in ascending order. */
	private static boolean inIndexOrder(List<ParameterSetOperation> operations) {
		int previous = Integer.MIN_VALUE;
		for (ParameterSetOperation operation : operations) {
			if (!(operation.getArgs()[0] instanceof Integer index) || index <= previous) {
				return false;
			}
			previous = index;
		}
		return true;
	}

	private static @Nullable Object unwrapValue(@Nullable Object value) {
		if (value instanceof Array array) {
			try {
				return array.getArray();
			}
			catch (SQLException ex) {
				return array.toString();
			}
		}
		return value;
	}

	/** A bound value as the panel shows it: strings quoted and cut, arrays cut. */
	static String show(@Nullable Object raw) {
		Object value = unwrapValue(raw);
		if (value == null) {
			return "NULL";
		}
		if (value instanceof CharSequence text) {
			String string = text.toString();
			return (string.length() <= SHOWN_STRING_LENGTH) ? "'" + string + "'"
					: "'" + string.substring(0, SHOWN_STRING_LENGTH) + "…' (" + string.length() + " chars)";
		}
		if (value instanceof Object[] array) {
			String shown = Arrays.stream(array)
				.limit(SHOWN_ARRAY_ELEMENTS)
				.map(String::valueOf)
				.collect(Collectors.joining(", "));
			int hidden = array.length - SHOWN_ARRAY_ELEMENTS;
			return "{" + shown + ((hidden > 0) ? ", … " + hidden + " more" : "") + "} (" + array.length + " keys)";
		}
		return String.valueOf(value);
	}

	/** The driver's own statement under any number of proxies. */
	static @Nullable Statement unwrap(@Nullable Statement statement) {
		Statement current = statement;
		while (current instanceof ProxyJdbcObject proxy && proxy.getTarget() instanceof Statement target
				&& target != current) {
			current = target;
		}
		return current;
	}

}
