package dev.nplusonelab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter, witnessed by the database: every count the lab shows comes from its own
 * datasource-proxy listener, so here PostgreSQL's {@code pg_stat_statements} says how
 * many statements it executed for a page, and the two must agree.
 * <p>
 * They agree here because of how this application talks to PostgreSQL; in another set-up
 * they may legitimately differ:
 * <ul>
 * <li>a JDBC batch is one execution for the listener (one round trip, one load) but one
 * execution per set of parameters for PostgreSQL; these pages run no batches;</li>
 * <li>utility statements (BEGIN, COMMIT, SET) are left out of PostgreSQL's record
 * ({@code pg_stat_statements.track_utility=off}): the driver sends BEGIN and COMMIT for a
 * transaction that the listener never sees as statements;</li>
 * <li>the driver's own catalogue lookups (type names, made once per connection on first
 * use) reach PostgreSQL without going through the listener. So the pages are loaded once
 * before anything is measured, and the pool holds a single connection, so that the
 * measured requests run on the warmed one; Flyway, which needs two connections at once,
 * gets its own;</li>
 * <li>statements run inside a function or a DO block count once, as the top-level
 * statement that ran them ({@code pg_stat_statements.track=top}), as they do for the
 * listener.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lab.seed.scale=0.05", "spring.datasource.hikari.maximum-pool-size=1" })
@ContextConfiguration(initializers = StatementCountWitnessTests.Witness.Initializer.class)
class StatementCountWitnessTests {

	private static final List<String> PAGES = List.of("/books?mode=naive&size=10", "/books?mode=optimized&size=10",
			"/authors?mode=naive&size=5", "/authors?mode=optimized&size=5");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private Witness witness;

	@Test
	void postgresqlExecutesExactlyTheStatementsThePageCounts() throws Exception {
		for (String page : PAGES) {
			assertThat(get(page).statusCode()).as(page).isEqualTo(200);
		}
		Map<String, Long> counted = new LinkedHashMap<>();
		Map<String, Long> witnessed = new LinkedHashMap<>();

		for (String page : PAGES) {
			this.witness.forget();
			HttpResponse<String> response = get(page);
			witnessed.put(page, this.witness.statementsExecuted());
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			counted.put(page, Long.parseLong(response.headers().firstValue("X-Sql-Statements").orElseThrow()));
		}

		LoggerFactory.getLogger(StatementCountWitnessTests.class)
			.info("X-Sql-Statements {} and pg_stat_statements calls {}", counted, witnessed);
		assertThat(counted.values()).allSatisfy((count) -> assertThat(count).isPositive());
		assertThat(witnessed).isEqualTo(counted);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html")
			.timeout(Duration.ofSeconds(15))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A PostgreSQL of the test's own that records every statement it executes. The
	 * application gets a database of its own on it, {@code bookstore}, and the witness
	 * reads the record from {@code postgres}, so its own queries never count.
	 */
	static final class Witness {

		private static final String APPLICATION_DATABASE = "bookstore";

		private final EmbeddedPostgres postgres;

		private Witness(EmbeddedPostgres postgres) {
			this.postgres = postgres;
		}

		static Witness start() {
			try {
				Witness witness = new Witness(EmbeddedPostgres.builder()
					.setServerConfig("shared_preload_libraries", "pg_stat_statements")
					.setServerConfig("pg_stat_statements.track_utility", "off")
					.setServerConfig("fsync", "off")
					.setServerConfig("synchronous_commit", "off")
					.setServerConfig("full_page_writes", "off")
					.setPGStartupWait(Duration.ofSeconds(30))
					.start());
				witness.execute("CREATE DATABASE " + APPLICATION_DATABASE);
				witness.execute("CREATE EXTENSION pg_stat_statements");
				return witness;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String applicationUrl() {
			return this.postgres.getJdbcUrl("postgres", APPLICATION_DATABASE);
		}

		/** Forgets every statement recorded so far. */
		void forget() {
			execute("SELECT pg_stat_statements_reset()");
		}

		/** Statements executed in the application's database since {@link #forget()}. */
		long statementsExecuted() throws SQLException {
			try (Connection connection = connect();
					Statement statement = connection.createStatement();
					ResultSet sum = statement.executeQuery("""
							SELECT coalesce(sum(calls), 0)
							FROM pg_stat_statements
							WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '%s')
							""".formatted(APPLICATION_DATABASE))) {
				sum.next();
				return sum.getLong(1);
			}
		}

		void close() throws IOException {
			this.postgres.close();
		}

		private void execute(String sql) {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private Connection connect() throws SQLException {
			return DriverManager.getConnection(this.postgres.getJdbcUrl("postgres", "postgres"));
		}

		/**
		 * Starts the witnessed server before the application, points
		 * {@code spring.datasource.url} at the application's database on it, and offers
		 * the witness to the test as a bean. The server stops with the context.
		 */
		static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

			@Override
			public void initialize(ConfigurableApplicationContext context) {
				Witness witness = start();
				TestPropertyValues
					.of("spring.datasource.url=" + witness.applicationUrl(), "spring.datasource.username=postgres",
							"spring.flyway.url=" + witness.applicationUrl(), "spring.flyway.user=postgres")
					.applyTo(context);
				context.getBeanFactory().registerSingleton("witness", witness);
				// Registered before any other bean, so stopped after the pool has closed.
				((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("witness",
						witness::close);
			}

		}

	}

}
