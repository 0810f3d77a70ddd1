package dev.nplusonelab.sql;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.jspecify.annotations.Nullable;

/**
 * Called by datasource-proxy around every execution on the application's DataSource. It
 * times the execution and adds it to the report of the current request, if there is one.
 */
class StatementListener implements QueryExecutionListener {

	private static final String STARTED = StatementListener.class.getName() + ".started";

	private static final String INJECTED = StatementListener.class.getName() + ".injected";

	private static final int SHOWN_ARRAY_ELEMENTS = 12;

	private static final int SHOWN_STRING_LENGTH = 80;

	private final SqlCapture capture;

	private final CallSites callSites;

	StatementListener(SqlCapture capture, CallSites callSites) {
		this.capture = capture;
		this.callSites = callSites;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		RequestReport report = this.capture.current();
		long delay = (report != null) ? report.nextDelayNanos() : 0;
		if (delay > 0) {
			long slept = System.nanoTime();
			try {
				java.util.concurrent.TimeUnit.NANOSECONDS.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			// What was asked for, or less if interrupted: the scheduler's overshoot is
			// not
			// part of it, so the request's total never passes lab.sql.max-injected.
			execution.addCustomValue(INJECTED, Math.min(System.nanoTime() - slept, delay));
		}
		execution.addCustomValue(STARTED, System.nanoTime());
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		RequestReport report = this.capture.current();
		if (report == null) {
			return;
		}
		Long started = execution.getCustomValue(STARTED, Long.class);
		long nanos = (started != null) ? System.nanoTime() - started : execution.getElapsedTime() * 1_000_000;
		String sql = queries.stream().map(QueryInfo::getQuery).collect(Collectors.joining(";\n"));
		List<List<String>> shown = new ArrayList<>();
		List<@Nullable Object> first = null;
		StringBuilder key = new StringBuilder();
		int keys = 0;
		for (QueryInfo query : queries) {
			for (List<ParameterSetOperation> parameterSet : query.getParametersList()) {
				List<@Nullable Object> values = values(parameterSet).stream().map(StatementListener::unwrap).toList();
				first = (first != null) ? first : values;
				shown.add(values.stream().map(StatementListener::show).toList());
				key.append(Arrays.deepToString(values.toArray())).append('|');
				keys += values.stream().mapToInt((value) -> (value instanceof Object[] array) ? array.length : 0).sum();
			}
		}
		Long injected = execution.getCustomValue(INJECTED, Long.class);
		int batchSize = execution.isBatch() ? execution.getBatchSize() : 1;
		report.add(
				new StatementRecord(report.nextIndex(), sql, Fingerprint.of(sql), List.copyOf(shown), key.toString(),
						nanos, (injected != null) ? injected : 0, batchSize, keys, execution.isSuccess(),
						this.callSites.current(), report.phase(),
						(first != null) ? java.util.Collections.unmodifiableList(first) : List.of(), new Fetched()),
				ResultSetListener.unwrap(execution.getStatement()));
	}

	private static List<@Nullable Object> values(List<ParameterSetOperation> operations) {
		List<ParameterSetOperation> sorted = new ArrayList<>(operations);
		sorted.sort(Comparator.comparing((operation) -> String.valueOf(operation.getArgs()[0]),
				Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())));
		List<@Nullable Object> values = new ArrayList<>(sorted.size());
		for (ParameterSetOperation operation : sorted) {
			if (ParameterSetOperation.isRegisterOutParameterOperation(operation)) {
				continue;
			}
			Object[] args = operation.getArgs();
			boolean isNull = ParameterSetOperation.isSetNullParameterOperation(operation) || args.length < 2;
			values.add(isNull ? null : args[1]);
		}
		return values;
	}

	private static @Nullable Object unwrap(@Nullable Object value) {
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

	static String show(@Nullable Object raw) {
		Object value = unwrap(raw);
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

}
