package dev.nplusonelab.store.seed;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.nplusonelab.LabTest;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@LabTest
class BookstoreSeederTests {

	private static final List<String> TABLES = List.of("publisher", "author", "category", "editor", "book", "tag",
			"book_tag", "customer", "review", "orders", "order_item");

	// Rows and an md5 per table, recorded from the seeder as it was before its SQL moved
	// from text blocks into db/seed. A change that alters any row fails here; if it is
	// meant,
	// record the new values and say why in the commit.
	private static final Map<String, String> AT_SCALE_0_05 = Map.ofEntries(
			entry("publisher", "5 d7ffba17b50255debd63657d038b81e5"),
			entry("author", "100 b8e6c18f32febad33050cde301a2235b"),
			entry("category", "24 6f2c261ddf427ebbb174d6a0d38f239e"),
			entry("editor", "8 5194a914c47a1e0e0a032eb8000361d5"),
			entry("book", "1000 89d1b8797b1c1124f2f3271aeaaeeac8"), entry("tag", "60 037bba0baacc1e0804b937e7688562cb"),
			entry("book_tag", "2465 a51e1b1da861f47676b5c36a3449cee8"),
			entry("customer", "500 027af68ba2fa9fd39c437375ddfb4448"),
			entry("review", "5000 c4d884d2ba71ea23172e601b749169c2"),
			entry("orders", "1500 784823cf72ecc92f2329a127f54a238c"),
			entry("order_item", "4553 1cc7936b7cc9ff4278cd101130f21be3"));

	private static final Map<String, String> AT_DEFAULT_SCALE = Map.ofEntries(
			entry("publisher", "50 75617fa543f0982497b385438e6df695"),
			entry("author", "2000 494f853d2d5f507b2f2f67b333b91ae5"),
			entry("category", "24 6f2c261ddf427ebbb174d6a0d38f239e"),
			entry("editor", "150 1353927da1c85b074df9ad5a548bfbf1"),
			entry("book", "20000 4d7151862cbe3fef9445ad79f241f88d"),
			entry("tag", "60 037bba0baacc1e0804b937e7688562cb"),
			entry("book_tag", "50098 847e1a36b2e10733768b0f4cf18a863f"),
			entry("customer", "10000 3c7102ef3d77da7508d4c049e32f5c67"),
			entry("review", "100000 d3065550ed976326b28dc1377e658b69"),
			entry("orders", "30000 4774c7d263e87183ace28facc9d721d7"),
			entry("order_item", "90104 fe1b020686fcb179f48a17a517d8ed0c"));

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void seedingAnAlreadySeededDatabaseChangesNothing() {
		Map<String, String> before = fingerprints(this.dataSource);

		seeder(this.dataSource, 1.0).seedIfEmpty();

		assertThat(fingerprints(this.dataSource)).isEqualTo(before);
	}

	@Test
	void theSameScaleAlwaysGivesTheSameRows() throws SQLException {
		Map<String, String> first = seedFreshDatabase("lab_seed_first", 0.05);
		Map<String, String> second = seedFreshDatabase("lab_seed_second", 0.05);

		assertThat(first).isEqualTo(second).isEqualTo(AT_SCALE_0_05);
	}

	@Test
	void theDefaultScaleGivesTheRowsItAlwaysGave() {
		assertThat(fingerprints(this.dataSource)).isEqualTo(AT_DEFAULT_SCALE);
	}

	@Test
	void theDefaultScaleHasTheAdvertisedSize() {
		assertThat(count("book")).isEqualTo(20_000);
		assertThat(count("author")).isEqualTo(2_000);
		assertThat(count("review")).isEqualTo(100_000);
		assertThat(count("orders")).isEqualTo(30_000);
		assertThat(count("order_item")).isBetween(80_000L, 100_000L);
	}

	@Test
	void authorsHaveASkewedNumberOfBooks() {
		List<Long> booksPerAuthor = this.jdbc.sql("SELECT count(*) FROM book GROUP BY author_id ORDER BY count(*) DESC")
			.query(Long.class)
			.list();

		assertThat(booksPerAuthor).hasSize(2_000);
		assertThat(booksPerAuthor.get(0)).isGreaterThan(200);
		assertThat(booksPerAuthor).contains(1L);
	}

	@Test
	void scaleOutsideItsRangeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedScale(0));
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedScale(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedScale(1000));
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private Map<String, String> seedFreshDatabase(String name, double scale) throws SQLException {
		this.jdbc.sql("DROP DATABASE IF EXISTS " + name).update();
		this.jdbc.sql("CREATE DATABASE " + name).update();
		try (HikariDataSource fresh = new HikariDataSource()) {
			fresh.setJdbcUrl(urlOfDatabase(name));
			fresh.setUsername(username());
			fresh.setPassword(System.getenv("SPRING_DATASOURCE_PASSWORD"));
			Flyway.configure().dataSource(fresh).locations("classpath:db/migration").load().migrate();
			seeder(fresh, scale).seedIfEmpty();
			return fingerprints(fresh);
		}
		finally {
			this.jdbc.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
		}
	}

	private static BookstoreSeeder seeder(DataSource dataSource, double scale) {
		return new BookstoreSeeder(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				new SeedScale(scale), new DefaultResourceLoader());
	}

	/**
	 * The row count and an md5 of every row of every table as JSON, in primary key order.
	 * Timestamps render in UTC, so the fingerprint does not depend on the time zone of
	 * the machine that runs the test.
	 */
	private static Map<String, String> fingerprints(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		return new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute((status) -> {
			jdbc.sql("SELECT set_config('TimeZone', 'UTC', true)").query().listOfRows();
			Map<String, String> fingerprints = new LinkedHashMap<>();
			for (String table : TABLES) {
				String order = table.equals("book_tag") ? "book_id, tag_id" : "id";
				fingerprints.put(table, jdbc
					.sql("SELECT count(*) || ' ' || md5(string_agg(row_to_json(t)::text, '|' ORDER BY " + order
							+ ")) FROM " + table + " AS t")
					.query(String.class)
					.single());
			}
			return fingerprints;
		});
	}

	private String urlOfDatabase(String name) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			String url = connection.getMetaData().getURL();
			return url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
		}
	}

	private String username() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.getMetaData().getUserName();
		}
	}

}
