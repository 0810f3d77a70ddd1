package com.example.vets;

import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's pool pointed at a database of the test context's own, on the MariaDB
 * server this machine runs at 127.0.0.1:3306 (user root, no password), through MySQL's
 * driver as the application runs. The database is dropped after the pool is closed, since
 * the pool depends on it.
 * <p>
 * A test class may add driver options to the URL with {@value #URL_OPTIONS} (say
 * {@code ?rewriteBatchedStatements=true}), and size the pool as an application would,
 * with {@code spring.datasource.hikari.*}.
 */
@TestConfiguration(proxyBeanMethods = false)
class MariaDbConfiguration {

	static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";

	static final String USER = "root";

	/** Appended to the test database's URL as it is. */
	static final String URL_OPTIONS = "test.datasource.url-options";

	@Bean(destroyMethod = "drop")
	TestDatabase testDatabase() throws SQLException {
		return TestDatabase.create(SERVER, USER);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(TestDatabase database, @Value("${" + URL_OPTIONS + ":}") String options) {
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(database.url() + options)
			.username(USER)
			.build();
	}

}
