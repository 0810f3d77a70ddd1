package com.example.bookshop;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A database of the tests' own on the machine's MariaDB (127.0.0.1:3306, root, no
 * password), made before anything connects and dropped when the context closes: tests
 * never touch {@code bookshop}, and two builds never share rows.
 */
@TestConfiguration(proxyBeanMethods = false)
class ScratchDatabaseConfiguration {

	private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";

	private static final String USER = "root";

	@Bean
	ScratchDatabase scratchDatabase() throws SQLException {
		return new ScratchDatabase("bookshop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
	}

	/** Closed before the database is dropped: it depends on it. */
	@Bean
	DataSource dataSource(ScratchDatabase database) {
		return DataSourceBuilder.create().url(SERVER + database.name()).username(USER).password("").build();
	}

	/** A database that exists from construction until {@link #close()}. */
	static final class ScratchDatabase implements AutoCloseable {

		private final String name;

		ScratchDatabase(String name) throws SQLException {
			this.name = name;
			execute("CREATE DATABASE " + name);
		}

		String name() {
			return this.name;
		}

		@Override
		public void close() throws SQLException {
			execute("DROP DATABASE IF EXISTS " + this.name);
		}

		/**
		 * Over a plain connection to the server: the pool only knows the new database.
		 */
		private static void execute(String sql) throws SQLException {
			try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

	}

}
