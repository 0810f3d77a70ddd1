package dev.nplusonelab.query;

import static dev.nplusonelab.store.Bookstore.AUTHOR;
import static dev.nplusonelab.store.Bookstore.AUTHOR_BOOKS;
import static dev.nplusonelab.store.Bookstore.BOOK;
import static dev.nplusonelab.store.Bookstore.BOOK_AUTHOR;
import static dev.nplusonelab.store.Bookstore.BOOK_REVIEWS;
import static dev.nplusonelab.store.Bookstore.BOOK_TAGS;
import static dev.nplusonelab.store.Bookstore.CUSTOMER;
import static dev.nplusonelab.store.Bookstore.CUSTOMER_ORDERS;
import static dev.nplusonelab.store.Bookstore.ORDER_ITEMS;
import static dev.nplusonelab.store.Bookstore.ORDER_ITEM_BOOK;
import static dev.nplusonelab.store.Bookstore.REVIEW_CUSTOMER;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;

import static org.assertj.core.api.Assertions.assertThat;

/** Each building block of the fetch layer, on the real seeded PostgreSQL. */
@LabTest
class FetchPlanTests {

	private static final Prefetch<String> TAG_NAMES = Prefetch
		.of(BOOK_TAGS, (resultSet, row) -> resultSet.getString("name"), "t.name")
		.orderBy("t.name");

	private static final FetchPlan<Parent> BOOKS_WITH_TAGS = FetchPlan
		.of(Select.from(BOOK).columns("b.id").where("b.id = ANY(:ids)").orderBy("b.id"), Parent::map, Parent::id)
		.prefetch(TAG_NAMES, Parent::withChildren);

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SqlCapture capture;

	@Test
	void aPrefetchIsOneStatementWhateverTheNumberOfParents() {
		for (int parents : new int[] { 1, 5, 500, 5000 }) {
			Long[] ids = range(1, parents);
			List<Parent> books = new ArrayList<>();
			RequestReport report = this.capture
				.capture(() -> books.addAll(BOOKS_WITH_TAGS.list(this.jdbc, Map.of("ids", ids))));

			assertThat(report.statementCount()).as("%d parents", parents).isEqualTo(2);
			assertThat(report.statements().get(1).sql()).contains("= ANY(?)");
			assertThat(books).hasSize(parents).allSatisfy((book) -> assertThat(book.children()).isNotEmpty());
		}
	}

	@Test
	void aPrefetchRunsNoStatementForNoParents() {
		RequestReport report = this.capture
			.capture(() -> assertThat(TAG_NAMES.load(this.jdbc, List.of(), Map.of())).isEmpty());

		assertThat(report.statementCount()).isZero();
		assertThat(this.capture.capture(() -> BOOKS_WITH_TAGS.list(this.jdbc, Map.of("ids", new Long[0])))
			.statementCount()).isEqualTo(1);
	}

	@Test
	void childrenLandOnTheirParentsInOrderAndChildlessParentsGetAnEmptyList() {
		long childless = this.jdbc
			.sql("SELECT min(id) FROM customer WHERE NOT EXISTS (SELECT 1 FROM orders WHERE customer_id = customer.id)")
			.query(Long.class)
			.single();
		FetchPlan<Parent> plan = FetchPlan
			.of(Select.from(CUSTOMER)
				.columns("cu.id")
				.where("cu.id = ANY(:ids)")
				.orderBy("array_position(:ids, cu.id)"), Parent::map, Parent::id)
			.prefetch(
					Prefetch.of(CUSTOMER_ORDERS, (resultSet, row) -> resultSet.getString("id"), "o.id").orderBy("o.id"),
					Parent::withChildren);

		List<Parent> customers = plan.list(this.jdbc, Map.of("ids", new Long[] { 3L, childless, 1L }));

		assertThat(customers).extracting(Parent::id).containsExactly(3L, childless, 1L);
		assertThat(customers.get(1).children()).isEmpty();
		assertThat(customers.get(2).children())
			.isEqualTo(this.jdbc.sql("SELECT o.id::text FROM orders o WHERE o.customer_id = 1 ORDER BY o.id")
				.query(String.class)
				.list());
	}

	@Test
	void oneRelationCanBePrefetchedTwiceWithAFilterIntoAnotherAttribute() {
		FetchPlan<Customer> plan = FetchPlan
			.of(Select.from(CUSTOMER).columns("cu.id").where("cu.id = :id"),
					(resultSet, row) -> new Customer(resultSet.getLong("id"), List.of(), List.of()), Customer::id)
			.prefetch(Prefetch.of(CUSTOMER_ORDERS, (resultSet, row) -> resultSet.getBigDecimal("total"), "o.total")
				.orderBy("o.id"), Customer::withOrders)
			.prefetch(Prefetch.of(CUSTOMER_ORDERS, (resultSet, row) -> resultSet.getBigDecimal("total"), "o.total")
				.where("o.total > :over")
				.orderBy("o.id"), Customer::withLargeOrders);

		List<Customer> customers = new ArrayList<>();
		RequestReport report = this.capture
			.capture(() -> customers.addAll(plan.list(this.jdbc, Map.of("id", 1L, "over", new BigDecimal("100")))));

		Customer customer = customers.get(0);
		assertThat(report.statementCount()).isEqualTo(3);
		assertThat(customer.orders()).hasSizeGreaterThan(customer.largeOrders().size());
		assertThat(customer.largeOrders()).isNotEmpty()
			.allSatisfy((total) -> assertThat(total).isGreaterThan(new BigDecimal("100")))
			.isEqualTo(
					customer.orders().stream().filter((total) -> total.compareTo(new BigDecimal("100")) > 0).toList());
	}

	@Test
	void aPrefetchCanJoinTheChildrensOwnToOneRelations() {
		Prefetch<String> itemTitles = Prefetch
			.of(ORDER_ITEMS, (resultSet, row) -> resultSet.getString("title"), "b.title")
			.join(ORDER_ITEM_BOOK)
			.orderBy("oi.id");

		Map<Long, List<String>> titles = itemTitles.load(this.jdbc, List.of(1L, 2L), Map.of());

		assertThat(titles.get(1L)).isEqualTo(this.jdbc.sql(
				"SELECT b.title FROM order_item oi JOIN book b ON b.id = oi.book_id WHERE oi.order_id = 1 ORDER BY oi.id")
			.query(String.class)
			.list());
		assertThat(itemTitles.sql()).contains("JOIN book b ON b.id = oi.book_id");
	}

	@Test
	void limitPerParentKeepsTheFirstChildrenOfEachParentInOneStatement() {
		Prefetch<String> latest = Prefetch
			.of(BOOK_REVIEWS, (resultSet, row) -> resultSet.getLong("id") + " " + resultSet.getString("name"), "r.id",
					"cu.name")
			.join(REVIEW_CUSTOMER)
			.orderBy("r.created_at DESC", "r.id DESC")
			.limitPerParent(5);
		List<Long> books = List.of(1L, 2L, 19_999L, 3L);

		List<Map<Long, List<String>>> loaded = new ArrayList<>();
		RequestReport report = this.capture.capture(() -> loaded.add(latest.load(this.jdbc, books, Map.of())));

		assertThat(report.statementCount()).isEqualTo(1);
		for (long book : books) {
			List<String> expected = this.jdbc.sql("""
					SELECT r.id || ' ' || cu.name
					FROM review r JOIN customer cu ON cu.id = r.customer_id
					WHERE r.book_id = :book
					ORDER BY r.created_at DESC, r.id DESC
					LIMIT 5
					""").param("book", book).query(String.class).list();
			assertThat(loaded.get(0).getOrDefault(book, List.of())).as("book %d", book).isEqualTo(expected);
		}
		assertThat(loaded.get(0).keySet()).startsWith(1L, 2L);
	}

	@Test
	void aNestedPrefetchLoadsTheNextLevelForAllChildrenAtOnce() {
		FetchPlan<Author> plan = FetchPlan
			.of(Select.from(AUTHOR).columns("a.id").where("a.id = ANY(:ids)").orderBy("a.id"),
					(resultSet, row) -> new Author(resultSet.getLong("id"), List.of()), Author::id)
			.prefetch(Prefetch.of(AUTHOR_BOOKS, Parent::map, "b.id")
				.orderBy("b.id")
				.then(TAG_NAMES, Parent::withChildren, Parent::id), Author::withBooks);

		List<Author> authors = new ArrayList<>();
		RequestReport report = this.capture
			.capture(() -> authors.addAll(plan.list(this.jdbc, Map.of("ids", new Long[] { 1L, 2L, 3L }))));

		assertThat(report.statementCount()).isEqualTo(3);
		// The next level binds the children's ids in the order they were read, so loading
		// the same authors again binds the very same array.
		RequestReport again = this.capture
			.capture(() -> plan.list(this.jdbc, Map.of("ids", new Long[] { 1L, 2L, 3L })));
		assertThat(again.statements().get(2).parameters()).isEqualTo(report.statements().get(2).parameters());
		Parent firstBook = authors.get(0).books().get(0);
		assertThat(firstBook.children()).isEqualTo(this.jdbc
			.sql("SELECT t.name FROM tag t JOIN book_tag bt ON bt.tag_id = t.id WHERE bt.book_id = :id ORDER BY t.name")
			.param("id", firstBook.id())
			.query(String.class)
			.list());
	}

	@Test
	void lateralValuesAreComputedByTheDatabase() {
		Select select = Select.from(AUTHOR)
			.columns("a.id")
			.annotate(Lateral.over(AUTHOR_BOOKS, "stats", "count(*) AS book_count", "max(b.price) AS top_price"))
			.annotate(Lateral.over(AUTHOR_BOOKS, "latest", "b.title AS latest_title")
				.first("b.published_on DESC", "b.id DESC"))
			.annotate(Lateral.over(List.of(AUTHOR_BOOKS, BOOK_REVIEWS), "ratings", "count(*) AS review_count"))
			.annotate(Lateral.over(AUTHOR_BOOKS, "grouped", "count(*) AS grouped_count").grouped())
			.where("a.id = :id");

		Map<String, Object> row = this.jdbc.sql(select.sql()).param("id", 7L).query().singleRow();

		assertThat(row.get("book_count")).isEqualTo(count("SELECT count(*) FROM book WHERE author_id = 7"))
			.isEqualTo(row.get("grouped_count"));
		assertThat(row.get("latest_title")).isEqualTo(
				this.jdbc.sql("SELECT title FROM book WHERE author_id = 7 ORDER BY published_on DESC, id DESC LIMIT 1")
					.query(String.class)
					.single());
		assertThat(row.get("review_count"))
			.isEqualTo(count("SELECT count(*) FROM review r JOIN book b ON b.id = r.book_id WHERE b.author_id = 7"));
	}

	@Test
	void aDeepPageChosenBeforeTheJoinsIsTheSamePage() {
		FetchPlan<Parent> plan = FetchPlan.of(
				Select.from(BOOK).columns("b.id", "a.name").join(BOOK_AUTHOR).orderBy("b.id").paged(),
				(resultSet, row) -> new Parent(resultSet.getLong("id"), List.of(resultSet.getString("name"))),
				Parent::id);

		Slice<Parent> page = plan.slice(this.jdbc, PageRequest.of(390, 50), Map.of());

		assertThat(page.getContent()).extracting(Parent::id)
			.isEqualTo(this.jdbc.sql("SELECT id FROM book ORDER BY id LIMIT 50 OFFSET 19500").query(Long.class).list());
		assertThat(page.hasNext()).isTrue();
		assertThat(plan.slice(this.jdbc, PageRequest.of(399, 50), Map.of()).hasNext()).isFalse();
	}

	@Test
	void aProjectionLoadsOnlyTheNamedColumns() {
		RequestReport report = this.capture.capture(() -> BOOKS_WITH_TAGS.list(this.jdbc, Map.of("ids", range(1, 50))));

		assertThat(report.statements().get(0).sql()).doesNotContain("content").doesNotContain("*");
		assertThat(report.statements().get(0).fetched().rows()).isEqualTo(50);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static Long[] range(long from, int count) {
		Long[] ids = new Long[count];
		for (int i = 0; i < count; i++) {
			ids[i] = from + i;
		}
		return ids;
	}

	record Parent(long id, List<String> children) {

		static Parent map(java.sql.ResultSet resultSet, int row) throws java.sql.SQLException {
			return new Parent(resultSet.getLong("id"), List.of());
		}

		Parent withChildren(List<String> children) {
			return new Parent(this.id, children);
		}

	}

	record Author(long id, List<Parent> books) {

		Author withBooks(List<Parent> books) {
			return new Author(this.id, books);
		}

	}

	record Customer(long id, List<BigDecimal> orders, List<BigDecimal> largeOrders) {

		Customer withOrders(List<BigDecimal> orders) {
			return new Customer(this.id, orders, this.largeOrders);
		}

		Customer withLargeOrders(List<BigDecimal> largeOrders) {
			return new Customer(this.id, this.orders, largeOrders);
		}

	}

}
