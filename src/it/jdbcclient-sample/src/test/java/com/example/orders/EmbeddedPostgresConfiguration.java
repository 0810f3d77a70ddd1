package com.example.orders;

import java.io.IOException;
import java.time.Duration;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real PostgreSQL 17, started in-process for the tests and for
 * {@code spring-boot:test-run}, and the application's pool pointed at it.
 */
@TestConfiguration(proxyBeanMethods = false)
class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres() throws IOException {
		return EmbeddedPostgres.builder()
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "off")
			.setPGStartupWait(Duration.ofSeconds(30))
			.start();
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		return DataSourceBuilder.create().url(postgres.getJdbcUrl("postgres", "postgres")).username("postgres").build();
	}

}
