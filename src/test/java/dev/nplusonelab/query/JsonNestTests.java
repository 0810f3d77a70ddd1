package dev.nplusonelab.query;

import static dev.nplusonelab.store.Bookstore.AUTHOR;
import static dev.nplusonelab.store.Bookstore.AUTHOR_BOOKS;
import static dev.nplusonelab.store.Bookstore.BOOK;
import static dev.nplusonelab.store.Bookstore.BOOK_REVIEWS;
import static dev.nplusonelab.store.Bookstore.BOOK_TAGS;
import static dev.nplusonelab.store.Bookstore.CUSTOMER;
import static dev.nplusonelab.store.Bookstore.CUSTOMER_ORDERS;
import static dev.nplusonelab.store.Bookstore.REVIEW_CUSTOMER;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link Prefetch#asJson}: the same children as the {@code = ANY(?)} prefetch, nested
 * into the parent's own statement, on the real seeded PostgreSQL.
 */
@LabTest
class JsonNestTests {

	private static final Prefetch<String> TAG_NAMES = Prefetch
		.of(BOOK_TAGS, (resultSet, row) -> resultSet.getString("name"), "t.name")
		.orderBy("t.name");

	private static final Prefetch<Book> BOOKS = Prefetch
		.of(AUTHOR_BOOKS, Book::map, "b.id", "b.title", "b.published_on", "b.price")
		.orderBy("b.published_on DESC", "b.id DESC")
		.then(TAG_NAMES, Book::withTags, Book::id);

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SqlCapture capture;

	@Test
	void aJsonNestedTreeIsOneStatementAndEqualsThePrefetchedTree() {
		Select authors = Select.from(AUTHOR).columns("a.id").where("a.id = ANY(:ids)").orderBy("a.id");
		FetchPlan<Author> prefetched = FetchPlan.of(authors, Author::map, Author::id)
			.prefetch(BOOKS, Author::withBooks);
		FetchPlan<Author> nested = FetchPlan.of(authors.annotate(BOOKS.asJson("books")), Author::fromJson, Author::id);
		// The first authors write hundreds of books; the ones past 1,900 one or two.
		Map<String, Object> ids = Map.of("ids", new Long[] { 1L, 2L, 3L, 1_950L, 1_999L });

		List<Author> expected = new ArrayList<>();
		RequestReport threeStatements = this.capture.capture(() -> expected.addAll(prefetched.list(this.jdbc, ids)));
		List<Author> actual = new ArrayList<>();
		RequestReport oneStatement = this.capture.capture(() -> actual.addAll(nested.list(this.jdbc, ids)));

		assertThat(threeStatements.statementCount()).isEqualTo(3);
		assertThat(oneStatement.statementCount()).isEqualTo(1);
		assertThat(oneStatement.statements().get(0).sql()).contains("json_agg", "LEFT JOIN LATERAL")
			.doesNotContain("author_id = ANY");
		assertThat(actual).isEqualTo(expected);
		assertThat(actual.get(0).books()).hasSizeGreaterThan(100)
			.allSatisfy((book) -> assertThat(book.tags()).isNotEmpty());
	}

	@Test
	void decimalsKeepTheirScaleAndDatesTheirDay() {
		Select authors = Select.from(AUTHOR).columns("a.id").where("a.id = :id").annotate(BOOKS.asJson("books"));

		Book book = FetchPlan.of(authors, Author::fromJson, Author::id)
			.one(this.jdbc, Map.of("id", 5L))
			.orElseThrow()
			.books()
			.get(0);

		Map<String, Object> row = this.jdbc.sql("SELECT price, published_on FROM book WHERE id = :id")
			.param("id", book.id())
			.query()
			.singleRow();
		assertThat(book.price()).isEqualTo(row.get("price"));
		assertThat(book.price().scale()).isEqualTo(2);
		assertThat(book.publishedOn()).isEqualTo(((java.sql.Date) row.get("published_on")).toLocalDate());
	}

	@Test
	void parentsWithoutChildrenGetAnEmptyList() {
		long childless = this.jdbc
			.sql("SELECT min(id) FROM customer WHERE NOT EXISTS (SELECT 1 FROM orders WHERE customer_id = customer.id)")
			.query(Long.class)
			.single();
		Prefetch<Long> orders = Prefetch.of(CUSTOMER_ORDERS, (resultSet, row) -> resultSet.getLong("id"), "o.id")
			.orderBy("o.id");
		Select customers = Select.from(CUSTOMER)
			.columns("cu.id")
			.annotate(orders.asJson("orders"))
			.where("cu.id = ANY(:ids)")
			.orderBy("cu.id");

		List<Map<String, Object>> rows = this.jdbc.sql(customers.sql())
			.param("ids", new Long[] { 1L, childless })
			.query()
			.listOfRows();

		assertThat(JsonRow.list(rows.get(0).get("orders").toString(), (order) -> order.getLong("id")))
			.isEqualTo(orders.load(this.jdbc, List.of(1L), Map.of()).get(1L));
		assertThat(JsonRow.list(rows.get(1).get("orders").toString(), (order) -> order.getLong("id"))).isEmpty();
	}

	@Test
	void aPerParentLimitWithAJoinNestsTheFirstChildrenInOrder() {
		Prefetch<String> latest = Prefetch
			.of(BOOK_REVIEWS, (resultSet, row) -> resultSet.getLong("id") + " " + resultSet.getString("customer_name"),
					"r.id", "r.created_at", "cu.name AS customer_name")
			.join(REVIEW_CUSTOMER)
			.orderBy("r.created_at DESC", "r.id DESC")
			.limitPerParent(5);
		Select books = Select.from(BOOK)
			.columns("b.id")
			.annotate(latest.asJson("latest_reviews"))
			.where("b.id = ANY(:ids)")
			.orderBy("b.id");
		List<Long> ids = List.of(1L, 2L, 3L, 19_999L);

		Map<Long, List<String>> nested = new java.util.HashMap<>();
		this.jdbc.sql(books.sql()).param("ids", ids.toArray(Long[]::new)).query((ResultSet resultSet) -> {
			nested.put(resultSet.getLong("id"), JsonRow.list(resultSet.getString("latest_reviews"), (review) -> {
				OffsetDateTime created = review.getOffsetDateTime("created_at");
				assertThat(created).isNotNull();
				return review.getLong("id") + " " + review.getString("customer_name");
			}));
		});

		Map<Long, List<String>> prefetched = latest.load(this.jdbc, ids, Map.of());
		for (long id : ids) {
			assertThat(nested.get(id)).as("book %d", id)
				.isEqualTo(prefetched.getOrDefault(id, List.of()))
				.hasSizeLessThanOrEqualTo(5);
		}
	}

	@Test
	void aNestedJsonLateralIsCompleteAndTwoValuesCannotShareAName() {
		Lateral json = TAG_NAMES.asJson("tags");

		assertThatIllegalStateException().isThrownBy(() -> json.where("t.name = 'x'"));
		assertThatIllegalStateException()
			.isThrownBy(() -> Prefetch.of(BOOK_TAGS, (resultSet, row) -> "", "t.name", "t.id AS name").asJson("tags"));
	}

	record Book(long id, String title, LocalDate publishedOn, BigDecimal price, List<String> tags) {

		static Book map(ResultSet resultSet, int row) throws SQLException {
			return new Book(resultSet.getLong("id"), resultSet.getString("title"),
					resultSet.getObject("published_on", LocalDate.class), resultSet.getBigDecimal("price"), List.of());
		}

		static Book fromJson(JsonRow row) {
			return new Book(row.getLong("id"), row.getString("title"), row.getLocalDate("published_on"),
					row.getBigDecimal("price"), row.getList("tags", (tag) -> tag.getString("name")));
		}

		Book withTags(List<String> tags) {
			return new Book(this.id, this.title, this.publishedOn, this.price, tags);
		}

	}

	record Author(long id, List<Book> books) {

		static Author map(ResultSet resultSet, int row) throws SQLException {
			return new Author(resultSet.getLong("id"), List.of());
		}

		static Author fromJson(ResultSet resultSet, int row) throws SQLException {
			return new Author(resultSet.getLong("id"), JsonRow.list(resultSet.getString("books"), Book::fromJson));
		}

		Author withBooks(List<Book> books) {
			return new Author(this.id, books);
		}

	}

}
