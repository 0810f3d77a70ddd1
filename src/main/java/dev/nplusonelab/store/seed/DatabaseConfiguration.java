package dev.nplusonelab.store.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Where the bookstore lives. Without {@code spring.datasource.url} (or
 * {@code SPRING_DATASOURCE_URL}) a real PostgreSQL 17 starts in-process, so a clone runs
 * with nothing but a JDK; with one, Spring Boot connects to that server as usual. Either
 * way Flyway migrates first and the seeder fills an empty database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SeedScale.class)
class DatabaseConfiguration {

	@Bean
	FlywayMigrationStrategy migrateThenSeed(DataSource dataSource, TransactionTemplate transactions, SeedScale scale,
			ResourceLoader resources) {
		BookstoreSeeder seeder = new BookstoreSeeder(dataSource, transactions, scale, resources);
		return (flyway) -> {
			flyway.migrate();
			seeder.seedIfEmpty();
		};
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoDataSourceUrl.class)
	static class EmbeddedDatabase {

		private static final Logger logger = LoggerFactory.getLogger(EmbeddedDatabase.class);

		@Bean(destroyMethod = "close")
		EmbeddedPostgres embeddedPostgres() {
			long started = System.nanoTime();
			try {
				// A throw-away database: durability settings buy nothing here and slow
				// the seeding down.
				EmbeddedPostgres postgres = EmbeddedPostgres.builder()
					.setServerConfig("fsync", "off")
					.setServerConfig("synchronous_commit", "off")
					.setServerConfig("full_page_writes", "off")
					.setPGStartupWait(Duration.ofSeconds(30))
					.start();
				logger.info("Started an embedded PostgreSQL on port {} in {} ms (no spring.datasource.url was set)",
						postgres.getPort(), Duration.ofNanos(System.nanoTime() - started).toMillis());
				return postgres;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL; set SPRING_DATASOURCE_URL "
						+ "to use an existing server instead", ex);
			}
		}

		@Bean
		@ConfigurationProperties("spring.datasource.hikari")
		HikariDataSource dataSource(EmbeddedPostgres postgres) {
			HikariDataSource dataSource = new HikariDataSource();
			dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
			dataSource.setUsername("postgres");
			return dataSource;
		}

	}

	static class NoDataSourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
