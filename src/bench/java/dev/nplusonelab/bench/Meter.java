package dev.nplusonelab.bench;

import java.lang.reflect.Method;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts what each strategy sends through its DataSource: statements and the time the
 * driver spent executing them, after an optional sleep that stands for network latency.
 * The timed proxy does nothing per row, so timing pays only for one listener call per
 * statement; a separate accounting proxy counts rows and bytes read, in a run that is not
 * timed.
 */
final class Meter implements QueryExecutionListener, MethodExecutionListener {

	private static final String STARTED = Meter.class.getName() + ".started";

	private volatile long latencyNanos;

	private long statements;

	private long sqlNanos;

	private long rows;

	private long bytes;

	/** The DataSource that times; rows and bytes stay 0. */
	DataSource timed(DataSource target) {
		return ProxyDataSourceBuilder.create("timed", target).listener(this).build();
	}

	/** The DataSource that also counts the rows and bytes read, for one untimed run. */
	DataSource accounting(DataSource target) {
		return ProxyDataSourceBuilder.create("accounting", target)
			.listener(this)
			.proxyResultSet()
			.methodListener(this)
			.build();
	}

	void latency(long millis) {
		this.latencyNanos = TimeUnit.MILLISECONDS.toNanos(millis);
	}

	void reset() {
		this.statements = 0;
		this.sqlNanos = 0;
		this.rows = 0;
		this.bytes = 0;
	}

	long statements() {
		return this.statements;
	}

	long sqlNanos() {
		return this.sqlNanos;
	}

	long rows() {
		return this.rows;
	}

	long bytes() {
		return this.bytes;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		if (this.latencyNanos > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(this.latencyNanos);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		execution.addCustomValue(STARTED, System.nanoTime());
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		Long started = execution.getCustomValue(STARTED, Long.class);
		this.statements++;
		this.sqlNanos += System.nanoTime() - ((started != null) ? started : System.nanoTime());
	}

	@Override
	public void beforeMethod(MethodExecutionContext context) {
	}

	@Override
	public void afterMethod(MethodExecutionContext context) {
		if (!(context.getTarget() instanceof ResultSet) || context.getThrown() != null) {
			return;
		}
		Method method = context.getMethod();
		String name = method.getName();
		if (name.equals("next")) {
			if (Boolean.TRUE.equals(context.getResult())) {
				this.rows++;
			}
		}
		else if (name.startsWith("get") && method.getParameterCount() > 0 && !name.equals("getMetaData")
				&& !name.equals("getStatement")) {
			this.bytes += estimate(context.getResult());
		}
	}

	/** As the application's panel estimates: characters of text, 8 per other value. */
	private static long estimate(Object value) {
		if (value == null) {
			return 0;
		}
		if (value instanceof CharSequence text) {
			return text.length();
		}
		if (value instanceof byte[] bytes) {
			return bytes.length;
		}
		if (value instanceof Array array) {
			try {
				return (array.getArray() instanceof Object[] objects) ? 8L * objects.length : 8;
			}
			catch (SQLException ex) {
				return 8;
			}
		}
		return 8;
	}

}
