package com.example.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One real PostgreSQL for every test of the starter, started once per run: the shop's
 * tables in {@code postgres}, and a second database, {@code other}, for routing.
 */
public final class TestDatabase {

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			EmbeddedPostgres postgres;
			try {
				postgres = EmbeddedPostgres.builder()
					.setServerConfig("fsync", "off")
					.setServerConfig("synchronous_commit", "off")
					.setPGStartupWait(Duration.ofSeconds(30))
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			EmbeddedPostgres started = postgres;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ex) {
					// the JVM is going away
				}
			}));
			seed(postgres);
			TestDatabase.postgres = postgres;
		}
		return TestDatabase.postgres;
	}

	public static String url(String database) {
		return postgres().getJdbcUrl("postgres", database);
	}

	/** A DataSource without a pool, for tests that build their own contexts. */
	public static DataSource dataSource(String database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url(database));
		dataSource.setUser("postgres");
		return dataSource;
	}

	private static void seed(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE TABLE author (id bigint PRIMARY KEY, name text NOT NULL);
					CREATE TABLE book (id bigint PRIMARY KEY, title text NOT NULL,
					  author_id bigint NOT NULL REFERENCES author (id), content text NOT NULL);
					CREATE INDEX ON book (author_id);
					CREATE TABLE review (id bigint PRIMARY KEY, book_id bigint NOT NULL REFERENCES book (id),
					  rating int NOT NULL);
					CREATE INDEX ON review (book_id);
					INSERT INTO author SELECT n, 'Author ' || n FROM generate_series(1, 5) n;
					INSERT INTO book SELECT n, 'Book ' || n, 1 + n % 5, repeat('x', 2000) FROM generate_series(1, 20) n;
					INSERT INTO review SELECT n, 1 + n % 20, 1 + n % 5 FROM generate_series(1, 60) n;
					""");
			statement.execute("CREATE DATABASE other");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		PGSimpleDataSource other = new PGSimpleDataSource();
		other.setUrl(postgres.getJdbcUrl("postgres", "other"));
		other.setUser("postgres");
		try (Connection connection = other.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE marker (name text); INSERT INTO marker VALUES ('other')");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Points {@code spring.datasource.url} at the embedded database. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			if (context.getEnvironment().containsProperty("spring.datasource.url")) {
				return;
			}
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("embeddedPostgres",
						Map.of("spring.datasource.url", url("postgres"), "spring.datasource.username", "postgres")));
		}

	}

}
