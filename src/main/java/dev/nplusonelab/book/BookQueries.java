package dev.nplusonelab.book;

import static dev.nplusonelab.store.Bookstore.AUTHOR_PUBLISHER;
import static dev.nplusonelab.store.Bookstore.BOOK;
import static dev.nplusonelab.store.Bookstore.BOOK_AUTHOR;
import static dev.nplusonelab.store.Bookstore.BOOK_CATEGORY;
import static dev.nplusonelab.store.Bookstore.BOOK_EDITOR;
import static dev.nplusonelab.store.Bookstore.BOOK_REVIEWS;
import static dev.nplusonelab.store.Bookstore.BOOK_TAGS;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import dev.nplusonelab.query.FetchPlan;
import dev.nplusonelab.query.Lateral;
import dev.nplusonelab.query.Prefetch;
import dev.nplusonelab.query.Select;
import dev.nplusonelab.store.Lazy;

/**
 * The fetch plans of the book pages, by the view they serve (the "manager" of the guide:
 * a page asks for {@code forListView()}, not for a list of joins).
 */
final class BookQueries {

	// tag::list-view[]
	/**
	 * Book, author, publisher, category and editor in one row, with the review count and
	 * average computed by the database instead of loading the reviews.
	 */
	private static final Select LIST_ROWS = Select.from(BOOK)
		.columns("b.id", "b.title", "a.id AS author_id", "a.name AS author_name", "p.name AS publisher_name",
				"c.name AS category_name", "e.name AS editor_name")
		.join(BOOK_AUTHOR, AUTHOR_PUBLISHER)
		.join(BOOK_CATEGORY, BOOK_EDITOR)
		.annotate(Lateral.over(BOOK_REVIEWS, "review_stats", "count(*) AS review_count",
				"round(avg(r.rating), 2) AS average_rating"))
		.orderBy("b.id")
		.paged();

	/** The tag names of every book on the page, in one statement. */
	private static final Prefetch<String> TAG_NAMES = Prefetch
		.of(BOOK_TAGS, (resultSet, row) -> resultSet.getString("name"), "t.name")
		.orderBy("t.name");

	private static final FetchPlan<BookRow> LIST_VIEW = FetchPlan.of(LIST_ROWS, BookQueries::listRow, BookRow::id)
		.prefetch(TAG_NAMES, BookRow::withTags);

	// end::list-view[]

	private BookQueries() {
	}

	/** Two statements whatever the page size: the joined rows, then the tags. */
	static FetchPlan<BookRow> forListView() {
		return LIST_VIEW;
	}

	private static BookRow listRow(ResultSet resultSet, int row) throws SQLException {
		return new BookRow(resultSet.getLong("id"), resultSet.getString("title"), resultSet.getLong("author_id"),
				resultSet.getString("author_name"), Lazy.of(resultSet.getString("publisher_name")),
				resultSet.getString("category_name"), resultSet.getString("editor_name"), List.of(),
				resultSet.getLong("review_count"), resultSet.getBigDecimal("average_rating"));
	}

}
