package dev.nplusonelab.sql;

import java.lang.reflect.Method;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import org.jspecify.annotations.Nullable;

/**
 * Counts the rows and the bytes the application reads from each result set, so a page can
 * show what it fetched against what it used. datasource-proxy calls it for every JDBC
 * method; all but {@code ResultSet.next()} and the value getters return at once.
 */
class ResultSetListener implements MethodExecutionListener {

	private final SqlCapture capture;

	ResultSetListener(SqlCapture capture) {
		this.capture = capture;
	}

	@Override
	public void beforeMethod(MethodExecutionContext context) {
	}

	@Override
	public void afterMethod(MethodExecutionContext context) {
		if (!(context.getTarget() instanceof ResultSet resultSet) || context.getThrown() != null) {
			return;
		}
		RequestReport report = this.capture.current();
		if (report == null) {
			return;
		}
		Method method = context.getMethod();
		String name = method.getName();
		boolean next = name.equals("next");
		boolean value = name.startsWith("get") && method.getParameterCount() > 0;
		if (!next && !value) {
			return;
		}
		Fetched fetched = report.fetchedBy(statementOf(resultSet));
		if (fetched == null) {
			return;
		}
		if (next && Boolean.TRUE.equals(context.getResult())) {
			fetched.row();
		}
		else if (value) {
			fetched.value(estimateBytes(context.getResult()));
		}
	}

	private static @Nullable Statement statementOf(ResultSet resultSet) {
		try {
			return unwrap(resultSet.getStatement());
		}
		catch (SQLException ex) {
			return null;
		}
	}

	static <T> @Nullable T unwrap(@Nullable T jdbcObject) {
		if (jdbcObject instanceof ProxyJdbcObject proxy) {
			@SuppressWarnings("unchecked")
			T target = (T) proxy.getTarget();
			return target;
		}
		return jdbcObject;
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
