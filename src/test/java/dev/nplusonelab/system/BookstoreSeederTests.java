package dev.nplusonelab.system;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.nplusonelab.LabTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@LabTest
class BookstoreSeederTests {

	private static final List<String> TABLES = List.of("publisher", "author", "category", "editor", "book", "tag",
			"book_tag", "customer", "review", "orders", "order_item");

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void seedingAnAlreadySeededDatabaseChangesNothing() {
		Map<String, String> before = fingerprints(this.jdbc);

		seeder(this.dataSource, 1.0).seedIfEmpty();

		assertThat(fingerprints(this.jdbc)).isEqualTo(before);
	}

	@Test
	void theSameScaleAlwaysGivesTheSameRows() throws SQLException {
		Map<String, String> first = seedFreshDatabase("lab_seed_first", 0.05);
		Map<String, String> second = seedFreshDatabase("lab_seed_second", 0.05);

		assertThat(first).isEqualTo(second);
		assertThat(first).containsKeys(TABLES.toArray(String[]::new));
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
			return fingerprints(JdbcClient.create(fresh));
		}
		finally {
			this.jdbc.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
		}
	}

	private static BookstoreSeeder seeder(DataSource dataSource, double scale) {
		return new BookstoreSeeder(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				new SeedScale(scale));
	}

	/** An md5 of every row of every table, in primary key order. */
	private static Map<String, String> fingerprints(JdbcClient jdbc) {
		Map<String, String> fingerprints = new LinkedHashMap<>();
		for (String table : TABLES) {
			String order = table.equals("book_tag") ? "book_id, tag_id" : "id";
			fingerprints.put(table,
					jdbc.sql("SELECT md5(string_agg(t::text, '|' ORDER BY " + order + ")) FROM " + table + " AS t")
						.query(String.class)
						.single());
		}
		return fingerprints;
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
