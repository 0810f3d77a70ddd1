package com.example.vets;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The INSERT statements the server has run for one connection: MariaDB's (and MySQL's)
 * {@code Com_insert} of its session, which counts what arrived at the server, not what
 * the application handed the driver. A multi-row INSERT counts once. Read on the
 * application's own pool, so that pool must hold one connection
 * ({@code spring.datasource.hikari.maximum-pool-size=1}): then the test reads the session
 * the request ran on, whatever other clients of the server do meanwhile.
 *
 * @param connection the server's id of the connection, {@code CONNECTION_ID()}
 * @param inserts its {@code Com_insert} so far
 */
record SessionInserts(long connection, long inserts) {

	static SessionInserts of(JdbcTemplate jdbc) {
		return jdbc.execute((Connection connection) -> {
			try (Statement statement = connection.createStatement()) {
				return new SessionInserts(single(statement, "SELECT CONNECTION_ID()", 1),
						single(statement, "SHOW SESSION STATUS LIKE 'Com_insert'", 2));
			}
		});
	}

	/** The INSERTs the server ran since {@code earlier}, on the same connection. */
	long since(SessionInserts earlier) {
		assertThat(this.connection).as("the pool's one connection").isEqualTo(earlier.connection);
		return this.inserts - earlier.inserts;
	}

	private static long single(Statement statement, String sql, int column) throws SQLException {
		try (ResultSet row = statement.executeQuery(sql)) {
			if (!row.next()) {
				throw new IllegalStateException(sql + " answered no row");
			}
			return row.getLong(column);
		}
	}

}
