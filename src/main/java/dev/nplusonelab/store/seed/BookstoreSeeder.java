package dev.nplusonelab.store.seed;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty bookstore with deterministic data, set-based: each table is one
 * {@code INSERT ... SELECT FROM generate_series}, and every value comes from
 * {@code lab_rand(seed)} of the row number, so the same scale always gives the same rows.
 * <p>
 * Authors get a skewed number of books and books a skewed number of reviews (a power of a
 * uniform draw), so some parents have one child and a few have hundreds: the shape that
 * makes per-parent queries hurt in real data.
 */
class BookstoreSeeder {

	private static final Logger logger = LoggerFactory.getLogger(BookstoreSeeder.class);

	/** Serialises concurrent first starts against one external database. */
	private static final long SEED_LOCK = 0x4e2b_314c_6162L;

	private static final String LOCK = """
			SELECT pg_advisory_xact_lock(:lock)
			""";

	/**
	 * The generated rows are consistent by construction, so a superuser can skip the
	 * per-row foreign key triggers while seeding; the constraints stay declared and apply
	 * to later writes.
	 */
	private static final String SKIP_FOREIGN_KEY_TRIGGERS = """
			SELECT set_config('session_replication_role', 'replica', true)
			WHERE (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
			""";

	/**
	 * Gathers statistics and sets the visibility map, so that index-only scans (the page
	 * of ids that paged statements choose first) skip the heap.
	 */
	private static final String VACUUM = """
			VACUUM
			""";

	/**
	 * Separate from VACUUM on purpose: in a combined VACUUM (ANALYZE) of several tables,
	 * the tables after the first were left without an all-visible page.
	 */
	private static final String ANALYZE = """
			ANALYZE
			""";

	/**
	 * VACUUM can only mark a page all-visible once the commit that wrote its rows is
	 * flushed to the WAL. The embedded database runs with synchronous_commit off, so the
	 * seed commits synchronously; otherwise the VACUUM right after it would leave the
	 * visibility map empty.
	 */
	private static final String COMMIT_SYNCHRONOUSLY = """
			SELECT set_config('synchronous_commit', 'on', true)
			""";

	/**
	 * The application's connections cancel any statement after a few seconds (see
	 * {@code statement_timeout} in application.properties); seeding a large scale takes
	 * minutes, so the seed transaction lifts the limit for itself.
	 */
	private static final String NO_STATEMENT_TIMEOUT_IN_TRANSACTION = """
			SELECT set_config('statement_timeout', '0', true)
			""";

	/** The same for VACUUM and ANALYZE, which cannot run inside a transaction. */
	private static final String NO_STATEMENT_TIMEOUT = """
			SET statement_timeout = 0
			""";

	/** Back to the connection's own limit, before it returns to the pool. */
	private static final String DEFAULT_STATEMENT_TIMEOUT = """
			RESET statement_timeout
			""";

	private static final String COUNT_BOOKS = """
			SELECT count(*)
			FROM book
			""";

	private static final List<Step> STEPS = List.of(
			new Step("publishers",
					"""
							INSERT INTO publisher (id, name, country)
							SELECT i,
							       (ARRAY['Harbor', 'Lantern', 'Granite', 'Meridian', 'Juniper', 'Copper', 'Falcon', 'Orchard',
							              'Beacon', 'Willow'])[1 + i % 10]
							           || ' ' || (ARRAY['Press', 'Books', 'House', 'Editions', 'Publishing'])[1 + (i / 10) % 5]
							           || CASE WHEN i > 50 THEN ' ' || i ELSE '' END,
							       (ARRAY['Portugal', 'Canada', 'Japan', 'Kenya', 'Chile', 'Norway', 'India', 'Ireland'])[lab_pick(i, 8)]
							FROM generate_series(1, :publishers) AS i
							"""),
			new Step("categories", """
					INSERT INTO category (id, name)
					SELECT i, name
					FROM unnest(ARRAY['Fiction', 'Mystery', 'Science', 'History', 'Poetry', 'Travel', 'Cooking',
					                  'Philosophy', 'Biography', 'Fantasy', 'Software', 'Economics', 'Art', 'Music',
					                  'Children', 'Horror', 'Romance', 'Politics', 'Nature', 'Sports', 'Health',
					                  'Religion', 'Comics', 'Drama']) WITH ORDINALITY AS c (name, i)
					"""),
			new Step("editors",
					"""
							INSERT INTO editor (id, name)
							SELECT i,
							       (ARRAY['Mara', 'Tomas', 'Ines', 'Kofi', 'Lena', 'Arjun', 'Sofia', 'Yuki', 'Omar', 'Freya'])[lab_pick(i * 16 + 1, 10)]
							           || ' ' || (ARRAY['Ribeiro', 'Novak', 'Okafor', 'Lindqvist', 'Tanaka', 'Moreau', 'Costa',
							                            'Brennan', 'Haddad', 'Iyer'])[lab_pick(i * 16 + 2, 10)]
							FROM generate_series(1, :editors) AS i
							"""),
			new Step("tags",
					"""
							INSERT INTO tag (id, name)
							SELECT i, name
							FROM unnest(ARRAY['classic', 'award-winner', 'debut', 'bestseller', 'series', 'translated', 'illustrated',
							                  'short', 'long-read', 'funny', 'dark', 'hopeful', 'true-story', 'slow-burn', 'twist',
							                  'coming-of-age', 'epic', 'cozy', 'gritty', 'lyrical', 'academic', 'practical', 'visual',
							                  'quiet', 'political', 'family', 'friendship', 'war', 'sea', 'city', 'space', 'island',
							                  'winter', 'summer', 'road-trip', 'heist', 'court', 'hospital', 'school', 'kitchen',
							                  'garden', 'music', 'art', 'letters', 'diary', 'myth', 'ghost', 'robot', 'dragon',
							                  'detective', 'spy', 'pirate', 'village', 'empire', 'exile', 'revolution', 'inventor',
							                  'journey', 'memory', 'time']) WITH ORDINALITY AS t (name, i)
							"""),
			new Step("authors",
					"""
							INSERT INTO author (id, name, bio, born_on, publisher_id)
							SELECT i,
							       (ARRAY['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Niklaus', 'Radia',
							              'Ken', 'Margaret', 'Dennis', 'Joan', 'Tony', 'Hedy', 'John', 'Katherine', 'Linus',
							              'Sophie', 'Tim'])[1 + i % 20]
							           || ' ' || (ARRAY['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen',
							                            'Wirth', 'Perlman', 'Thompson', 'Hamilton', 'Ritchie', 'Clarke', 'Hoare',
							                            'Lamarr', 'Backus', 'Johnson', 'Torvalds', 'Wilson', 'Berners'])[1 + (i * 7 + i / 20) % 20]
							           || CASE WHEN i > 400 THEN ' ' || to_char(i, 'FM99999999') ELSE '' END,
							       'Writes about ' || (ARRAY['the sea', 'machines', 'old cities', 'small towns', 'families',
							                                 'the future', 'lost letters', 'mountains'])[lab_pick(i * 16 + 1, 8)]
							           || ' and has done so since ' || (1960 + lab_pick(i * 16 + 2, 60)) || '.',
							       DATE '1940-01-01' + (lab_rand(i * 16 + 3) * 20000)::int,
							       lab_pick(i * 16 + 4, :publishers)
							FROM generate_series(1, :authors) AS i
							"""),
			new Step("books",
					"""
							INSERT INTO book (id, title, isbn, published_on, price, sales, summary, content, author_id, editor_id,
							                  category_id)
							SELECT i,
							       (ARRAY['The', 'A', 'Our', 'No', 'Every', 'The Last', 'The First', 'Another'])[lab_pick(i * 16 + 1, 8)]
							           || ' ' || (ARRAY['Silent', 'Burning', 'Hidden', 'Paper', 'Glass', 'Iron', 'Quiet', 'Wild',
							                            'Broken', 'Golden', 'Hollow', 'Northern'])[lab_pick(i * 16 + 2, 12)]
							           || ' ' || (ARRAY['Harbor', 'Garden', 'Engine', 'River', 'Kingdom', 'Letter', 'Orchard',
							                            'Compass', 'Lantern', 'Mirror', 'Winter', 'Bridge', 'Archive',
							                            'Tide'])[lab_pick(i * 16 + 3, 14)],
							       '978-' || lpad(i::text, 9, '0') || '-' || (i % 10),
							       DATE '1950-01-01' + (lab_rand(i * 16 + 4) * 27300)::int,
							       round((4.99 + lab_rand(i * 16 + 5) * 75)::numeric, 2),
							       floor(power(lab_rand(i * 16 + 6), 3) * 250000)::int,
							       'A story about ' || (ARRAY['a lighthouse keeper', 'two rival chefs', 'a missing map',
							                                  'an unfinished symphony', 'a city under water', 'a stolen engine',
							                                  'three sisters', 'a forgotten language'])[lab_pick(i * 16 + 7, 8)] || '.',
							       repeat('Chapter text of book ' || i || ', which no list page ever needs to show. ', 40),
							       -- skew: the first authors write hundreds of books, the tail writes one or two
							       CASE WHEN i <= :authors THEN i
							            ELSE 1 + floor(power(lab_rand(i * 16 + 8), 2) * :authors)::bigint END,
							       CASE WHEN lab_rand(i * 16 + 9) < 0.25 THEN NULL ELSE lab_pick(i * 16 + 10, :editors) END,
							       lab_pick(i * 16 + 11, 24)
							FROM generate_series(1, :books) AS i
							"""),
			new Step("book tags", """
					INSERT INTO book_tag (book_id, tag_id)
					SELECT b, 1 + (lab_pick(b * 16 + 12, 60) + n * 13) % 60
					FROM generate_series(1, :books) AS b
					CROSS JOIN LATERAL generate_series(1, lab_pick(b * 16 + 13, 4)::int) AS n
					"""),
			new Step("customers",
					"""
							INSERT INTO customer (id, name, email, city, joined_at)
							SELECT i,
							       (ARRAY['Amara', 'Bruno', 'Chen', 'Dana', 'Eero', 'Fatima', 'Goran', 'Hana', 'Ivo', 'Jade', 'Kai',
							              'Lucia'])[lab_pick(i * 16 + 1, 12)]
							           || ' ' || (ARRAY['Silva', 'Kowalski', 'Nguyen', 'Schmidt', 'Mensah', 'Rossi', 'Park',
							                            'Dubois', 'Quinn', 'Vargas'])[lab_pick(i * 16 + 2, 10)],
							       'customer' || i || '@example.org',
							       (ARRAY['Lisbon', 'Toronto', 'Osaka', 'Nairobi', 'Santiago', 'Bergen', 'Pune', 'Cork'])[lab_pick(i * 16 + 3, 8)],
							       -- before their first review (3 years back at most) and their first order (1 year back)
							       TIMESTAMPTZ '2026-11-01 00:00:00+00' - make_interval(secs => (3 + lab_rand(i * 16 + 4) * 2) * 365 * 86400)
							FROM generate_series(1, :customers) AS i
							"""),
			new Step("reviews",
					"""
							INSERT INTO review (id, book_id, customer_id, rating, body, created_at)
							SELECT i,
							       1 + floor(power(lab_rand(i * 16 + 1), 2) * :books)::bigint,
							       lab_pick(i * 16 + 2, :customers),
							       lab_pick(i * 16 + 3, 5),
							       (ARRAY['Could not put it down.', 'Slow start, strong ending.', 'Not for me.',
							              'The middle drags.', 'I have bought three copies as gifts.',
							              'Beautiful sentences, thin plot.'])[lab_pick(i * 16 + 4, 6)],
							       TIMESTAMPTZ '2026-11-01 00:00:00+00' - make_interval(secs => lab_rand(i * 16 + 5) * 3 * 365 * 86400)
							FROM generate_series(1, :reviews) AS i
							"""),
			new Step("orders",
					"""
							INSERT INTO orders (id, customer_id, created_at, status, total)
							SELECT i,
							       1 + floor(power(lab_rand(i * 16 + 1), 1.5) * :customers)::bigint,
							       TIMESTAMPTZ '2026-11-01 00:00:00+00' - make_interval(secs => lab_rand(i * 16 + 2) * 365 * 86400),
							       (ARRAY['NEW', 'PAID', 'SHIPPED', 'DELIVERED'])[lab_pick(i * 16 + 3, 4)],
							       0
							FROM generate_series(1, :orders) AS i
							"""),
			new Step("order items", """
					INSERT INTO order_item (id, order_id, book_id, quantity, unit_price, cancelled)
					SELECT row_number() OVER (ORDER BY o, n), o, book.id, lab_pick(o * 16 + n + 4, 3),
					       book.price, lab_rand(o * 16 + n + 8) < 0.12
					FROM generate_series(1, :orders) AS o
					CROSS JOIN LATERAL generate_series(1, lab_pick(o * 16 + 3, 5)::int) AS n
					JOIN book ON book.id = lab_pick(o * 16 + n, :books)
					"""), new Step("order totals", """
					UPDATE orders
					SET total = items.total
					FROM (
					    SELECT order_id, sum(quantity * unit_price) FILTER (WHERE NOT cancelled) AS total
					    FROM order_item
					    GROUP BY order_id
					) AS items
					WHERE items.order_id = orders.id
					  AND items.total IS NOT NULL
					"""), new Step("hostile strings", """
					UPDATE book
					SET title = '<script>alert("book")</script> & Other Stories'
					WHERE id = 3
					""", """
					UPDATE customer
					SET name = '<img src=x onerror=alert(1)> O''Brien'
					WHERE id = 2
					"""), new Step("identity sequences",
					"""
							DO $$
							DECLARE
							    t text;
							BEGIN
							    FOR t IN SELECT unnest(ARRAY['publisher', 'author', 'category', 'editor', 'book', 'tag', 'customer',
							                                 'review', 'orders', 'order_item']) LOOP
							        EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), (SELECT max(id) FROM %I))', t, t);
							    END LOOP;
							END
							$$
							"""));

	private final JdbcClient jdbc;

	private final JdbcTemplate maintenance;

	private final TransactionTemplate transactions;

	private final SeedScale scale;

	BookstoreSeeder(DataSource dataSource, TransactionTemplate transactions, SeedScale scale) {
		this.jdbc = JdbcClient.create(dataSource);
		this.maintenance = new JdbcTemplate(dataSource);
		this.transactions = transactions;
		this.scale = scale;
	}

	void seedIfEmpty() {
		Boolean seeded = this.transactions.execute((status) -> {
			this.jdbc.sql(LOCK).param("lock", SEED_LOCK).query().listOfRows();
			long books = this.jdbc.sql(COUNT_BOOKS).query(Long.class).single();
			if (books > 0) {
				logger.info("Bookstore already holds {} books; not seeding again", books);
				return false;
			}
			this.jdbc.sql(NO_STATEMENT_TIMEOUT_IN_TRANSACTION).query().listOfRows();
			this.jdbc.sql(SKIP_FOREIGN_KEY_TRIGGERS).query().listOfRows();
			this.jdbc.sql(COMMIT_SYNCHRONOUSLY).query().listOfRows();
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
				statement.execute(NO_STATEMENT_TIMEOUT);
				java.sql.SQLException failure = null;
				try {
					statement.execute(VACUUM);
					statement.execute(ANALYZE);
				}
				catch (java.sql.SQLException ex) {
					failure = ex;
					throw ex;
				}
				finally {
					try {
						statement.execute(DEFAULT_STATEMENT_TIMEOUT);
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
		for (Step step : STEPS) {
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
