package dev.nplusonelab.author;

import static dev.nplusonelab.store.Bookstore.AUTHOR;
import static dev.nplusonelab.store.Bookstore.AUTHOR_BOOKS;
import static dev.nplusonelab.store.Bookstore.AUTHOR_PUBLISHER;
import static dev.nplusonelab.store.Bookstore.BOOK_REVIEWS;
import static dev.nplusonelab.store.Bookstore.BOOK_TAGS;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import dev.nplusonelab.author.AuthorDetail.AuthorBook;
import dev.nplusonelab.author.AuthorRow.BookLine;
import dev.nplusonelab.query.FetchPlan;
import dev.nplusonelab.query.Lateral;
import dev.nplusonelab.query.Prefetch;
import dev.nplusonelab.query.Select;

/** The fetch plans of the author pages. */
final class AuthorQueries {

	// tag::list-view[]
	/**
	 * Author and publisher in one row; the book count and the latest title are subqueries
	 * per author, and the average rating runs over the author's books' reviews, all in
	 * the database.
	 */
	private static final Select LIST_ROWS = Select.from(AUTHOR)
		.columns("a.id", "a.name", "p.name AS publisher_name")
		.join(AUTHOR_PUBLISHER)
		.annotate(Lateral.over(AUTHOR_BOOKS, "book_stats", "count(*) AS book_count"))
		// tag::latest-title[]
		.annotate(Lateral.over(AUTHOR_BOOKS, "latest", "b.title AS latest_book_title")
			.first("b.published_on DESC", "b.id DESC"))
		// end::latest-title[]
		.annotate(Lateral.over(List.of(AUTHOR_BOOKS, BOOK_REVIEWS), "ratings",
				"round(avg(r.rating), 2) AS average_rating"))
		.orderBy("a.id")
		.paged();

	/**
	 * The three newest books of every author on the page, in one statement, into
	 * latestBooks.
	 */
	private static final Prefetch<BookLine> LATEST_BOOKS = Prefetch
		.of(AUTHOR_BOOKS, AuthorQueries::bookLine, "b.id", "b.title", "b.published_on")
		.orderBy("b.published_on DESC", "b.id DESC")
		.limitPerParent(3);

	private static final FetchPlan<AuthorRow> LIST_VIEW = FetchPlan.of(LIST_ROWS, AuthorQueries::listRow, AuthorRow::id)
		.prefetch(LATEST_BOOKS, AuthorRow::withLatestBooks);

	// end::list-view[]

	// tag::detail-view[]
	private static final Select DETAIL_ROW = Select.from(AUTHOR)
		.columns("a.id", "a.name", "a.bio", "a.born_on", "p.name AS publisher_name")
		.join(AUTHOR_PUBLISHER)
		.where("a.id = :id");

	/**
	 * Every book of the author, each with its tag names gathered into an array in the
	 * same statement.
	 */
	// tag::author-books[]
	private static final Prefetch<AuthorBook> BOOKS_WITH_TAGS = Prefetch
		.of(AUTHOR_BOOKS, AuthorQueries::authorBook, "b.id", "b.title", "b.published_on", "b.price")
		.annotate(Lateral.over(BOOK_TAGS, "book_tags", "array_agg(t.name ORDER BY t.name COLLATE \"C\") AS tag_names"))
		.orderBy("b.published_on DESC", "b.id DESC");

	private static final FetchPlan<AuthorDetail> DETAIL_VIEW = FetchPlan
		.of(DETAIL_ROW, AuthorQueries::detailRow, AuthorDetail::id)
		.prefetch(BOOKS_WITH_TAGS, AuthorDetail::withBooks);

	// end::author-books[]

	// end::detail-view[]

	private AuthorQueries() {
	}

	/**
	 * Two statements for any page size: the authors with their aggregates, then their
	 * latest books.
	 */
	static FetchPlan<AuthorRow> forListView() {
		return LIST_VIEW;
	}

	/**
	 * Two statements for any number of books: the author, then the books with their tags.
	 */
	static FetchPlan<AuthorDetail> forDetailView() {
		return DETAIL_VIEW;
	}

	private static AuthorRow listRow(ResultSet resultSet, int row) throws SQLException {
		return new AuthorRow(resultSet.getLong("id"), resultSet.getString("name"),
				resultSet.getString("publisher_name"), resultSet.getLong("book_count"),
				resultSet.getBigDecimal("average_rating"), resultSet.getString("latest_book_title"), List.of());
	}

	private static BookLine bookLine(ResultSet resultSet, int row) throws SQLException {
		return new BookLine(resultSet.getLong("id"), resultSet.getString("title"),
				resultSet.getObject("published_on", java.time.LocalDate.class));
	}

	private static AuthorDetail detailRow(ResultSet resultSet, int row) throws SQLException {
		return new AuthorDetail(resultSet.getLong("id"), resultSet.getString("name"), resultSet.getString("bio"),
				resultSet.getObject("born_on", java.time.LocalDate.class), resultSet.getString("publisher_name"),
				List.of());
	}

	private static AuthorBook authorBook(ResultSet resultSet, int row) throws SQLException {
		return new AuthorBook(resultSet.getLong("id"), resultSet.getString("title"),
				resultSet.getObject("published_on", java.time.LocalDate.class), resultSet.getBigDecimal("price"),
				strings(resultSet.getArray("tag_names")));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
