package dev.nplusonelab.diagnostics.capture;

import java.lang.reflect.Method;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogic;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogicFactory;
import net.ttddyy.dsproxy.proxy.SimpleResultSetProxyLogic;
import org.jspecify.annotations.Nullable;

/**
 * Counts the rows the application reads from each result set, which the detector needs to
 * find the list a repeated statement was issued for, and, with
 * {@code nplusone.result-set.bytes}, estimates the bytes of the values it reads.
 * <p>
 * It is the most frequently called part of the diagnostics (every row, and with bytes
 * every column), so it does little: the result set's record of what was fetched is looked
 * up once, on the first row, and a call that is neither {@code next()} nor a value getter
 * only passes through.
 */
final class CountingResultSets implements ResultSetProxyLogicFactory {

	private final SqlCapture capture;

	private final boolean bytes;

	/**
	 * Set while a call passes through this logic, so that a stacked proxy counts once.
	 */
	private final ThreadLocal<boolean[]> inside = ThreadLocal.withInitial(() -> new boolean[1]);

	CountingResultSets(SqlCapture capture, boolean bytes) {
		this.capture = capture;
		this.bytes = bytes;
	}

	@Override
	public ResultSetProxyLogic create(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
		return new Counting(resultSet, connectionInfo, proxyConfig);
	}

	private final class Counting extends SimpleResultSetProxyLogic {

		private final ResultSet target;

		/**
		 * Whether a call may go straight to the driver's result set. datasource-proxy
		 * builds a method context, starts a stopwatch and calls the method listeners
		 * around every call of every row; with no method listener configured, nothing
		 * reads any of that, and skipping it halves what a proxied row costs.
		 */
		private final boolean direct;

		private boolean looked;

		private @Nullable Fetched fetched;

		private @Nullable ResultSetMetaData metaData;

		Counting(ResultSet target, ConnectionInfo connectionInfo, ProxyConfig proxyConfig) {
			super(target, connectionInfo, proxyConfig);
			this.target = target;
			this.direct = proxyConfig.getMethodListener().getListeners().isEmpty();
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			boolean next = name.equals("next");
			boolean value = CountingResultSets.this.bytes && args != null && args.length > 0 && name.startsWith("get");
			if (!next && !value) {
				return call(proxy, method, args, name);
			}
			boolean[] inside = CountingResultSets.this.inside.get();
			if (inside[0]) {
				return call(proxy, method, args, name);
			}
			inside[0] = true;
			Object result;
			try {
				result = call(proxy, method, args, name);
			}
			finally {
				inside[0] = false;
			}
			Fetched fetched = fetched();
			if (fetched != null) {
				if (next) {
					if (Boolean.TRUE.equals(result)) {
						fetched.row();
					}
				}
				else {
					long bytes = estimateBytes(result);
					fetched.value(bytes, Fetched.isLarge(bytes) ? column(args[0]) : null);
				}
			}
			return result;
		}

		private Object call(Object proxy, Method method, Object[] args, String name) throws Throwable {
			if (this.direct) {
				Object result = DirectCalls.call(this.target, name, args);
				if (result != DirectCalls.NOT_DIRECT) {
					return result;
				}
				if (!isCommonMethod(name)) {
					return proceedExecution(method, this.target, args);
				}
			}
			return super.invoke(proxy, method, args);
		}

		/**
		 * The name of the column a getter read: the label it was given, or the one the
		 * metadata has at the index it was given. Asked for large values only.
		 */
		private @Nullable String column(Object column) {
			if (column instanceof String label) {
				return label;
			}
			if (column instanceof Integer index) {
				try {
					ResultSetMetaData metaData = this.metaData;
					if (metaData == null) {
						metaData = this.target.getMetaData();
						this.metaData = metaData;
					}
					return metaData.getColumnLabel(index);
				}
				catch (SQLException | RuntimeException ex) {
					return null;
				}
			}
			return null;
		}

		private @Nullable Fetched fetched() {
			if (!this.looked) {
				this.looked = true;
				this.fetched = Failures.guard("result set counting", this::lookUp, null);
			}
			return this.fetched;
		}

		private @Nullable Fetched lookUp() {
			RequestReport report = CountingResultSets.this.capture.current();
			if (report == null) {
				return null;
			}
			try {
				return report.fetchedBy(StatementListener.unwrap(this.target.getStatement()));
			}
			catch (SQLException ex) {
				return null;
			}
		}

	}

	private static long estimateBytes(@Nullable Object value) {
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
				Object elements = array.getArray();
				return (elements instanceof Object[] objects) ? 8L * objects.length : 8;
			}
			catch (SQLException ex) {
				return 8;
			}
		}
		return 8;
	}

}
