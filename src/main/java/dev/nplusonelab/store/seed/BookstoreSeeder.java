package dev.nplusonelab.store.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StreamUtils;

/**
 * Fills an empty bookstore with deterministic data, set-based: each table is one
 * {@code INSERT ... SELECT FROM generate_series}, and every value comes from
 * {@code lab_rand(seed)} of the row number, so the same scale always gives the same rows.
 * <p>
 * Authors get a skewed number of books and books a skewed number of reviews (a power of a
 * uniform draw), so some parents have one child and a few have hundreds: the shape that
 * makes per-parent queries hurt in real data.
 * <p>
 * Every statement is a file of its own under {@code db/seed}, next to the schema it
 * fills, read once when the seeder is created; its named parameters are the row counts of
 * {@link SeedScale#counts()}, always bound.
 */
class BookstoreSeeder {

	private static final Logger logger = LoggerFactory.getLogger(BookstoreSeeder.class);

	private static final String LOCATION = "classpath:db/seed/";

	/** Serialises concurrent first starts against one external database. */
	private static final long SEED_LOCK = 0x4e2b_314c_6162L;

	private final JdbcClient jdbc;

	private final JdbcTemplate maintenance;

	private final TransactionTemplate transactions;

	private final SeedScale scale;

	private final String lock;

	private final String countBooks;

	private final String noStatementTimeoutInTransaction;

	private final String skipForeignKeyTriggers;

	private final String commitSynchronously;

	private final List<Step> steps;

	private final String noStatementTimeout;

	private final String vacuum;

	private final String analyze;

	private final String defaultStatementTimeout;

	BookstoreSeeder(DataSource dataSource, TransactionTemplate transactions, SeedScale scale,
			ResourceLoader resources) {
		this.jdbc = JdbcClient.create(dataSource);
		this.maintenance = new JdbcTemplate(dataSource);
		this.transactions = transactions;
		this.scale = scale;
		this.lock = read(resources, "lock");
		this.countBooks = read(resources, "count-books");
		this.noStatementTimeoutInTransaction = read(resources, "no-statement-timeout-in-transaction");
		this.skipForeignKeyTriggers = read(resources, "skip-foreign-key-triggers");
		this.commitSynchronously = read(resources, "commit-synchronously");
		// In the order they run, each with a name for the log.
		this.steps = List.of(new Step("publishers", read(resources, "publishers")),
				new Step("categories", read(resources, "categories")), new Step("editors", read(resources, "editors")),
				new Step("tags", read(resources, "tags")), new Step("authors", read(resources, "authors")),
				new Step("books", read(resources, "books")), new Step("book tags", read(resources, "book-tags")),
				new Step("customers", read(resources, "customers")), new Step("reviews", read(resources, "reviews")),
				new Step("orders", read(resources, "orders")), new Step("order items", read(resources, "order-items")),
				new Step("order totals", read(resources, "order-totals")),
				new Step("hostile strings", read(resources, "hostile-book-title"),
						read(resources, "hostile-customer-name")),
				new Step("identity sequences", read(resources, "identity-sequences")));
		this.noStatementTimeout = read(resources, "no-statement-timeout");
		this.vacuum = read(resources, "vacuum");
		this.analyze = read(resources, "analyze");
		this.defaultStatementTimeout = read(resources, "default-statement-timeout");
	}

	/** A missing file fails the start, before anything is written. */
	private static String read(ResourceLoader resources, String name) {
		Resource resource = resources.getResource(LOCATION + name + ".sql");
		try (InputStream in = resource.getInputStream()) {
			return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the seed statement " + resource, ex);
		}
	}

	void seedIfEmpty() {
		Boolean seeded = this.transactions.execute((status) -> {
			this.jdbc.sql(this.lock).param("lock", SEED_LOCK).query().listOfRows();
			long books = this.jdbc.sql(this.countBooks).query(Long.class).single();
			if (books > 0) {
				logger.info("Bookstore already holds {} books; not seeding again", books);
				return false;
			}
			this.jdbc.sql(this.noStatementTimeoutInTransaction).query().listOfRows();
			this.jdbc.sql(this.skipForeignKeyTriggers).query().listOfRows();
			this.jdbc.sql(this.commitSynchronously).query().listOfRows();
			seed();
			return true;
		});
		if (Boolean.TRUE.equals(seeded)) {
			long started = System.nanoTime();
			vacuumAndAnalyze();
			logger.info("  vacuumed and analyzed in {} ms", elapsedMillis(started));
		}
	}

	/** On one connection, so that lifting the statement timeout applies to both. */
	private void vacuumAndAnalyze() {
		this.maintenance.execute((ConnectionCallback<Void>) (connection) -> {
			try (java.sql.Statement statement = connection.createStatement()) {
				statement.execute(this.noStatementTimeout);
				java.sql.SQLException failure = null;
				try {
					statement.execute(this.vacuum);
					statement.execute(this.analyze);
				}
				catch (java.sql.SQLException ex) {
					failure = ex;
					throw ex;
				}
				finally {
					try {
						statement.execute(this.defaultStatementTimeout);
					}
					catch (java.sql.SQLException resetFailure) {
						// Report the maintenance error, not the reset's that followed it.
						if (failure == null) {
							throw resetFailure;
						}
						failure.addSuppressed(resetFailure);
					}
				}
			}
			return null;
		});
	}

	private void seed() {
		Map<String, Object> counts = this.scale.counts();
		logger.info("Seeding the bookstore at scale {}: {}", this.scale.scale(), counts);
		long started = System.nanoTime();
		for (Step step : this.steps) {
			long stepStarted = System.nanoTime();
			int rows = step.run(this.jdbc, counts);
			logger.info("  {} rows of {} in {} ms", rows, step.name(), elapsedMillis(stepStarted));
		}
		logger.info("Seeded the bookstore in {}", Duration.ofMillis(elapsedMillis(started)));
	}

	private static long elapsedMillis(long startedNanos) {
		return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
	}

	private record Step(String name, String... statements) {

		int run(JdbcClient jdbc, Map<String, Object> counts) {
			int rows = 0;
			for (String statement : this.statements) {
				rows += jdbc.sql(statement).params(counts).update();
			}
			return rows;
		}

	}

}
