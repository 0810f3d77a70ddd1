package dev.nplusonelab.diagnostics.capture;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.example.shop.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result set calls made without reflection answer exactly what the same call through
 * reflection answers, on a real PostgreSQL row of every common column type; whatever is
 * not listed is left to reflection.
 */
class DirectCallsTests {

	private static final String ROW = """
			SELECT 7::bigint AS big, 3::int AS whole, 'text'::text AS words, 12.50::numeric AS exact,
			  2.25::double precision AS wide, 1.5::real AS narrow, true AS flag,
			  TIMESTAMP '2026-12-07 10:00:00' AS moment, DATE '2026-12-07' AS day, '\\x0102'::bytea AS raw,
			  5::smallint AS small, NULL::text AS nothing""";

	private static final List<String> GETTERS = List.of("getString", "getLong", "getInt", "getObject", "getBoolean",
			"getDouble", "getBigDecimal", "getTimestamp", "getDate", "getBytes", "getShort", "getFloat");

	@Test
	void everyDirectGetterAnswersAsReflectionDoesByIndexAndByLabel() throws Exception {
		try (Connection connection = TestDatabase.dataSource("postgres").getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(ROW)) {
			assertThat(DirectCalls.call(rows, "next", null)).isEqualTo(true);
			int columns = rows.getMetaData().getColumnCount();
			List<String> compared = new ArrayList<>();
			for (String getter : GETTERS) {
				for (int index = 1; index <= columns; index++) {
					String label = rows.getMetaData().getColumnLabel(index);
					compare(rows, ResultSet.class.getMethod(getter, int.class), index, compared);
					compare(rows, ResultSet.class.getMethod(getter, String.class), label, compared);
				}
			}
			// Every getter answered for at least one column, by index and by label.
			assertThat(compared).hasSizeGreaterThan(2 * GETTERS.size());
			rows.getString("nothing");
			assertThat(DirectCalls.call(rows, "wasNull", new Object[0])).isEqualTo(rows.wasNull()).isEqualTo(true);
			assertThat(DirectCalls.call(rows, "next", new Object[0])).isEqualTo(false);
		}
	}

	@Test
	void anyOtherCallIsLeftToReflection() throws Exception {
		try (Connection connection = TestDatabase.dataSource("postgres").getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(ROW)) {
			rows.next();
			assertThat(DirectCalls.call(rows, "getArray", new Object[] { 1 })).isSameAs(DirectCalls.NOT_DIRECT);
			assertThat(DirectCalls.call(rows, "getObject", new Object[] { 1, Long.class }))
				.isSameAs(DirectCalls.NOT_DIRECT);
			assertThat(DirectCalls.call(rows, "close", null)).isSameAs(DirectCalls.NOT_DIRECT);
			assertThat(DirectCalls.call(rows, "absolute", new Object[] { 1 })).isSameAs(DirectCalls.NOT_DIRECT);
			assertThat(DirectCalls.call(rows, "findColumn", new Object[] { "big" })).isSameAs(DirectCalls.NOT_DIRECT);
			assertThat(rows.isClosed()).isFalse();
		}
	}

	/**
	 * Both ways on one column, when reflection answers at all (PostgreSQL refuses, say, a
	 * timestamp read as a long): the same value, or the same refusal.
	 */
	private static void compare(ResultSet rows, Method method, Object column, List<String> compared) throws Exception {
		Object expected;
		try {
			expected = method.invoke(rows, column);
		}
		catch (InvocationTargetException ex) {
			Object direct = null;
			Throwable thrown = null;
			try {
				direct = DirectCalls.call(rows, method.getName(), new Object[] { column });
			}
			catch (Exception failure) {
				thrown = failure;
			}
			assertThat(thrown).as("%s(%s) returned %s", method.getName(), column, direct)
				.isInstanceOf(ex.getCause().getClass());
			return;
		}
		Object direct = DirectCalls.call(rows, method.getName(), new Object[] { column });
		assertThat(Objects.deepEquals(direct, expected))
			.as("%s(%s): %s, not %s", method.getName(), column, direct, expected)
			.isTrue();
		if (expected != null) {
			assertThat(direct).hasSameClassAs(expected);
		}
		compared.add(method.getName() + "(" + column + ")");
	}

}
