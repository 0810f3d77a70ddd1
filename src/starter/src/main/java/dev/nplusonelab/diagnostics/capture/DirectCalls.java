package dev.nplusonelab.diagnostics.capture;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * The result set methods an application calls for every row, called on the driver's
 * result set as plain calls instead of through reflection. A proxied result set is the
 * starter's most frequent cost: a page of 50 rows of 10 columns makes more than 500 of
 * these calls, and each one through {@code Method.invoke} also checks access again. Any
 * other method, or an overload not listed here, is left to reflection as before.
 */
final class DirectCalls {

	/** Returned for a call this class does not make. */
	static final Object NOT_DIRECT = new Object();

	private DirectCalls() {
	}

	/**
	 * What {@code name(args)} returns on {@code target}, primitives boxed as reflection
	 * boxes them, or {@link #NOT_DIRECT}. The overload is told by the arguments: a column
	 * index is an {@link Integer}, a label a {@link String}.
	 */
	static @Nullable Object call(ResultSet target, String name, Object @Nullable [] args) throws SQLException {
		int count = (args != null) ? args.length : 0;
		if (count == 0) {
			return switch (name) {
				case "next" -> target.next();
				case "wasNull" -> target.wasNull();
				default -> NOT_DIRECT;
			};
		}
		if (count == 1 && args[0] instanceof Integer index) {
			return byIndex(target, name, index);
		}
		if (count == 1 && args[0] instanceof String label) {
			return byLabel(target, name, label);
		}
		return NOT_DIRECT;
	}

	private static @Nullable Object byIndex(ResultSet target, String name, int index) throws SQLException {
		return switch (name) {
			case "getString" -> target.getString(index);
			case "getLong" -> target.getLong(index);
			case "getInt" -> target.getInt(index);
			case "getObject" -> target.getObject(index);
			case "getBoolean" -> target.getBoolean(index);
			case "getDouble" -> target.getDouble(index);
			case "getBigDecimal" -> target.getBigDecimal(index);
			case "getTimestamp" -> target.getTimestamp(index);
			case "getDate" -> target.getDate(index);
			case "getBytes" -> target.getBytes(index);
			case "getShort" -> target.getShort(index);
			case "getFloat" -> target.getFloat(index);
			default -> NOT_DIRECT;
		};
	}

	private static @Nullable Object byLabel(ResultSet target, String name, String label) throws SQLException {
		return switch (name) {
			case "getString" -> target.getString(label);
			case "getLong" -> target.getLong(label);
			case "getInt" -> target.getInt(label);
			case "getObject" -> target.getObject(label);
			case "getBoolean" -> target.getBoolean(label);
			case "getDouble" -> target.getDouble(label);
			case "getBigDecimal" -> target.getBigDecimal(label);
			case "getTimestamp" -> target.getTimestamp(label);
			case "getDate" -> target.getDate(label);
			case "getBytes" -> target.getBytes(label);
			case "getShort" -> target.getShort(label);
			case "getFloat" -> target.getFloat(label);
			default -> NOT_DIRECT;
		};
	}

}
