package dev.nplusonelab.api;

import static dev.nplusonelab.store.Bookstore.AUTHOR;
import static dev.nplusonelab.store.Bookstore.AUTHOR_BOOKS;
import static dev.nplusonelab.store.Bookstore.AUTHOR_PUBLISHER;
import static dev.nplusonelab.store.Bookstore.BOOK;
import static dev.nplusonelab.store.Bookstore.BOOK_AUTHOR;
import static dev.nplusonelab.store.Bookstore.BOOK_REVIEWS;
import static dev.nplusonelab.store.Bookstore.TAG_NAMES;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import dev.nplusonelab.api.AuthorJson.BookRef;
import dev.nplusonelab.api.BookJson.AuthorRef;
import dev.nplusonelab.query.FetchPlan;
import dev.nplusonelab.query.Lateral;
import dev.nplusonelab.query.Prefetch;
import dev.nplusonelab.query.Select;
import dev.nplusonelab.store.Lazy;

/**
 * The fetch plans of the API: what each response nests, loaded before Jackson starts
 * writing (Django REST Framework's fix: {@code select_related} and
 * {@code prefetch_related} on the view's queryset).
 */
final class ApiQueries {

	// tag::books[]
	/** Book and author in one row, the review count computed by the database. */
	private static final Select BOOK_ROW = Select.from(BOOK)
		.columns("b.id", "b.title", "a.id AS author_id", "a.name AS author_name")
		.join(BOOK_AUTHOR)
		.annotate(Lateral.over(BOOK_REVIEWS, "review_stats", "count(*) AS review_count"));

	private static final FetchPlan<BookJson> BOOK_PAGE = FetchPlan
		.of(BOOK_ROW.orderBy("b.id").paged(), ApiQueries::book, BookJson::id)
		.prefetch(TAG_NAMES, BookJson::withTags);

	private static final FetchPlan<BookJson> ONE_BOOK = FetchPlan
		.of(BOOK_ROW.where("b.id = :id"), ApiQueries::book, BookJson::id)
		.prefetch(TAG_NAMES, BookJson::withTags);

	// end::books[]

	// tag::authors[]
	private static final Select AUTHOR_ROWS = Select.from(AUTHOR)
		.columns("a.id", "a.name", "p.name AS publisher_name")
		.join(AUTHOR_PUBLISHER)
		.orderBy("a.id")
		.paged();

	/** Every book of every author of the page, newest first, in one statement. */
	private static final Prefetch<BookRef> BOOKS = Prefetch
		.of(AUTHOR_BOOKS, ApiQueries::bookRef, "b.id", "b.title", "b.published_on")
		.orderBy("b.published_on DESC", "b.id DESC");

	private static final FetchPlan<AuthorJson> AUTHOR_PAGE = FetchPlan
		.of(AUTHOR_ROWS, ApiQueries::author, AuthorJson::id)
		.prefetch(BOOKS, AuthorJson::withBooks);

	// end::authors[]

	private ApiQueries() {
	}

	/** Two statements for any page size: books with authors and counts, then tags. */
	static FetchPlan<BookJson> forBookPage() {
		return BOOK_PAGE;
	}

	/** Two statements: the book with its author and count, then its tags. */
	static FetchPlan<BookJson> forOneBook() {
		return ONE_BOOK;
	}

	/**
	 * Two statements for any page size and any number of books: authors with publishers,
	 * then their books.
	 */
	static FetchPlan<AuthorJson> forAuthorPage() {
		return AUTHOR_PAGE;
	}

	private static BookJson book(ResultSet resultSet, int row) throws SQLException {
		return new BookJson(resultSet.getLong("id"), resultSet.getString("title"),
				Lazy.of(new AuthorRef(resultSet.getLong("author_id"), resultSet.getString("author_name"))),
				Lazy.of(List.of()), Lazy.of(resultSet.getLong("review_count")));
	}

	private static AuthorJson author(ResultSet resultSet, int row) throws SQLException {
		return new AuthorJson(resultSet.getLong("id"), resultSet.getString("name"),
				Lazy.of(resultSet.getString("publisher_name")), Lazy.of(List.of()));
	}

	private static BookRef bookRef(ResultSet resultSet, int row) throws SQLException {
		return new BookRef(resultSet.getLong("id"), resultSet.getString("title"),
				resultSet.getObject("published_on", LocalDate.class));
	}

}
