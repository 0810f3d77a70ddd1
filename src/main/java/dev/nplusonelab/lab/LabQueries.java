package dev.nplusonelab.lab;

import static dev.nplusonelab.store.Bookstore.AUTHOR;
import static dev.nplusonelab.store.Bookstore.AUTHOR_BOOKS;
import static dev.nplusonelab.store.Bookstore.AUTHOR_PUBLISHER;
import static dev.nplusonelab.store.Bookstore.BOOK;
import static dev.nplusonelab.store.Bookstore.BOOK_AUTHOR;
import static dev.nplusonelab.store.Bookstore.BOOK_CATEGORY;
import static dev.nplusonelab.store.Bookstore.BOOK_EDITOR;
import static dev.nplusonelab.store.Bookstore.BOOK_REVIEWS;
import static dev.nplusonelab.store.Bookstore.TAG_NAMES;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import dev.nplusonelab.query.FetchPlan;
import dev.nplusonelab.query.JsonRow;
import dev.nplusonelab.query.Lateral;
import dev.nplusonelab.query.Prefetch;
import dev.nplusonelab.query.Select;

/**
 * The lab's fetch plans: the query layer's way ({@code = ANY(?)} prefetches) and its
 * single-statement way ({@link Prefetch#asJson}) of loading each workload, plus the one
 * JOIN across to-many relations that neither uses, to show what it costs.
 */
public final class LabQueries {

	private static final Select BOOK_ROWS = Select.from(BOOK)
		.columns("b.id", "b.title", "a.name AS author_name", "p.name AS publisher_name", "c.name AS category_name",
				"e.name AS editor_name")
		.join(BOOK_AUTHOR, AUTHOR_PUBLISHER)
		.join(BOOK_CATEGORY, BOOK_EDITOR)
		.annotate(Lateral.over(BOOK_REVIEWS, "review_stats", "count(*) AS review_count",
				"round(avg(r.rating), 2) AS average_rating"))
		.orderBy("b.id");

	private static final FetchPlan<LabBook> BOOKS = FetchPlan.of(BOOK_ROWS.paged(), LabQueries::book, LabBook::id)
		.prefetch(TAG_NAMES, LabBook::withTags);

	private static final FetchPlan<LabBook> BOOKS_AS_JSON = FetchPlan
		.of(BOOK_ROWS.annotate(TAG_NAMES.asJson("tags")).paged(), LabQueries::bookWithJsonTags, LabBook::id);

	private static final Select AUTHOR_ROWS = Select.from(AUTHOR)
		.columns("a.id", "a.name", "p.name AS publisher_name")
		.join(AUTHOR_PUBLISHER)
		.orderBy("a.id");

	private static final Prefetch<LabAuthor.Book> AUTHOR_BOOKS_WITH_TAGS = Prefetch
		.of(AUTHOR_BOOKS, LabQueries::authorBook, "b.id", "b.title", "b.published_on", "b.price")
		.orderBy("b.published_on DESC", "b.id DESC")
		.then(TAG_NAMES, LabAuthor.Book::withTags, LabAuthor.Book::id);

	private static final FetchPlan<LabAuthor> AUTHORS = FetchPlan
		.of(AUTHOR_ROWS.paged(), LabQueries::author, LabAuthor::id)
		.prefetch(AUTHOR_BOOKS_WITH_TAGS, LabAuthor::withBooks);

	private static final FetchPlan<LabAuthor> AUTHORS_AS_JSON = FetchPlan.of(
			AUTHOR_ROWS.annotate(AUTHOR_BOOKS_WITH_TAGS.asJson("books")).paged(), LabQueries::authorWithJsonBooks,
			LabAuthor::id);

	/**
	 * DELIBERATE ANTI-PATTERN, for comparison in /lab: every to-many relation joined into
	 * one result. Each book comes back once per (tag, review) pair. The page of ids is
	 * chosen first, or a LIMIT would cut the product instead of the books.
	 */
	static final String BOOKS_CARTESIAN = """
			WITH page AS (
			    SELECT b.id
			    FROM book b
			    ORDER BY b.id
			    LIMIT :limit
			)
			SELECT b.id, b.title, a.name AS author_name, p.name AS publisher_name, c.name AS category_name,
			       e.name AS editor_name, t.name AS tag_name, r.id AS review_id, r.rating
			FROM page
			JOIN book b ON b.id = page.id
			JOIN author a ON a.id = b.author_id
			JOIN publisher p ON p.id = a.publisher_id
			JOIN category c ON c.id = b.category_id
			LEFT JOIN editor e ON e.id = b.editor_id
			LEFT JOIN book_tag bt ON bt.book_id = b.id
			LEFT JOIN tag t ON t.id = bt.tag_id
			LEFT JOIN review r ON r.book_id = b.id
			ORDER BY b.id, t.name, r.id
			""";

	/**
	 * DELIBERATE ANTI-PATTERN, for comparison in /lab: each author once per tag of each
	 * of their books.
	 */
	static final String AUTHORS_CARTESIAN = """
			WITH page AS (
			    SELECT a.id
			    FROM author a
			    ORDER BY a.id
			    LIMIT :limit
			)
			SELECT a.id, a.name, p.name AS publisher_name, b.id AS book_id, b.title, b.published_on, b.price,
			       t.name AS tag_name
			FROM page
			JOIN author a ON a.id = page.id
			JOIN publisher p ON p.id = a.publisher_id
			LEFT JOIN book b ON b.author_id = a.id
			LEFT JOIN book_tag bt ON bt.book_id = b.id
			LEFT JOIN tag t ON t.id = bt.tag_id
			ORDER BY a.id, b.published_on DESC, b.id DESC, t.name
			""";

	private LabQueries() {
	}

	/** Books joined with their to-one relations and review statistics, then the tags. */
	public static FetchPlan<LabBook> books() {
		return BOOKS;
	}

	/** The same, with the tags nested as JSON into the one statement. */
	public static FetchPlan<LabBook> booksAsJson() {
		return BOOKS_AS_JSON;
	}

	/** Authors with their publisher, then all their books, then those books' tags. */
	public static FetchPlan<LabAuthor> authors() {
		return AUTHORS;
	}

	/** The same, with books and their tags nested as JSON into the one statement. */
	public static FetchPlan<LabAuthor> authorsAsJson() {
		return AUTHORS_AS_JSON;
	}

	public static LabBook book(ResultSet resultSet, int row) throws SQLException {
		return new LabBook(resultSet.getLong("id"), resultSet.getString("title"), resultSet.getString("author_name"),
				resultSet.getString("publisher_name"), resultSet.getString("category_name"),
				resultSet.getString("editor_name"), List.of(), resultSet.getLong("review_count"),
				resultSet.getBigDecimal("average_rating"));
	}

	private static LabBook bookWithJsonTags(ResultSet resultSet, int row) throws SQLException {
		return book(resultSet, row).withTags(JsonRow.list(resultSet.getString("tags"), (tag) -> tag.getString("name")));
	}

	public static LabAuthor author(ResultSet resultSet, int row) throws SQLException {
		return new LabAuthor(resultSet.getLong("id"), resultSet.getString("name"),
				resultSet.getString("publisher_name"), List.of());
	}

	public static LabAuthor.Book authorBook(ResultSet resultSet, int row) throws SQLException {
		return new LabAuthor.Book(resultSet.getLong("id"), resultSet.getString("title"),
				resultSet.getObject("published_on", LocalDate.class), resultSet.getBigDecimal("price"), List.of());
	}

	private static LabAuthor authorWithJsonBooks(ResultSet resultSet, int row) throws SQLException {
		return author(resultSet, row).withBooks(JsonRow.list(resultSet.getString("books"),
				(book) -> new LabAuthor.Book(book.getLong("id"), book.getString("title"),
						book.getLocalDate("published_on"), book.getBigDecimal("price"),
						book.getList("tags", (tag) -> tag.getString("name")))));
	}

}
