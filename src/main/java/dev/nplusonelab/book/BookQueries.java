package dev.nplusonelab.book;

import static dev.nplusonelab.store.Bookstore.AUTHOR_PUBLISHER;
import static dev.nplusonelab.store.Bookstore.BOOK;
import static dev.nplusonelab.store.Bookstore.BOOK_AUTHOR;
import static dev.nplusonelab.store.Bookstore.BOOK_CATEGORY;
import static dev.nplusonelab.store.Bookstore.BOOK_EDITOR;
import static dev.nplusonelab.store.Bookstore.BOOK_REVIEWS;
import static dev.nplusonelab.store.Bookstore.TAG_NAMES;
import static dev.nplusonelab.store.Bookstore.REVIEW_CUSTOMER;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import dev.nplusonelab.book.BookDetail.ReviewLine;
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
	// tag::book-row[]
	// tag::review-stats[]
	/** Each book's review count and average, computed by the database. */
	private static final Lateral REVIEW_STATS = Lateral.over(BOOK_REVIEWS, "review_stats", "count(*) AS review_count",
			"round(avg(r.rating), 2) AS average_rating");

	// end::review-stats[]

	/**
	 * Book, author, publisher, category and editor in one row, with the review count and
	 * average computed by the database instead of loading the reviews.
	 */
	// tag::joins[]
	private static final Select BOOK_ROW = Select.from(BOOK)
		.columns("b.id", "b.title", "a.id AS author_id", "a.name AS author_name", "p.name AS publisher_name",
				"c.name AS category_name", "e.name AS editor_name")
		.join(BOOK_AUTHOR, AUTHOR_PUBLISHER)
		.join(BOOK_CATEGORY, BOOK_EDITOR)
		.annotate(REVIEW_STATS);

	// end::joins[]

	// end::book-row[]
	private static final Select LIST_ROWS = BOOK_ROW.orderBy("b.id").paged();

	// tag::tags-prefetch[]
	private static final FetchPlan<BookRow> LIST_VIEW = FetchPlan.of(LIST_ROWS, BookQueries::listRow, BookRow::id)
		.prefetch(TAG_NAMES, BookRow::withTags);

	// end::tags-prefetch[]

	// end::list-view[]

	/**
	 * The same rows, a page after a book id: at a million books the last page costs what
	 * the first does, where OFFSET steps over every row before it.
	 */
	private static final FetchPlan<BookRow> LIST_VIEW_AFTER = FetchPlan
		.of(BOOK_ROW.pagedAfter("b.id"), BookQueries::listRow, BookRow::id)
		.prefetch(TAG_NAMES, BookRow::withTags);

	// tag::detail-view[]
	/** The list's row for one book, plus the columns only the detail shows. */
	private static final Select DETAIL_ROW = BOOK_ROW.columns("b.isbn", "b.published_on", "b.price", "b.summary")
		.where("b.id = :id");

	/**
	 * The five newest reviews of each book with their reviewers joined in: a per-parent
	 * limit, still one statement however many books the plan loads.
	 */
	// tag::latest-reviews[]
	private static final Prefetch<ReviewLine> LATEST_REVIEWS = Prefetch
		.of(BOOK_REVIEWS, BookQueries::reviewLine, "r.id", "r.rating", "r.body", "r.created_at",
				"cu.name AS customer_name")
		.join(REVIEW_CUSTOMER)
		.orderBy("r.created_at DESC", "r.id DESC")
		.limitPerParent(5);

	// end::latest-reviews[]

	private static final FetchPlan<BookDetail> DETAIL_VIEW = FetchPlan
		.of(DETAIL_ROW, BookQueries::detailRow, BookDetail::id)
		.prefetch(TAG_NAMES, BookDetail::withTags)
		.prefetch(LATEST_REVIEWS, BookDetail::withLatestReviews);

	// end::detail-view[]

	private BookQueries() {
	}

	// tag::named-plans[]
	/** Two statements whatever the page size: the joined rows, then the tags. */
	static FetchPlan<BookRow> forListView() {
		return LIST_VIEW;
	}

	/** Two statements for a keyset page at any depth. */
	static FetchPlan<BookRow> forListViewAfter() {
		return LIST_VIEW_AFTER;
	}

	/**
	 * Three statements however many reviews the book has: the joined row with its review
	 * statistics, the tags, then the five latest reviews with their customers.
	 */
	static FetchPlan<BookDetail> forDetailView() {
		return DETAIL_VIEW;
	}
	// end::named-plans[]

	private static BookRow listRow(ResultSet resultSet, int row) throws SQLException {
		return new BookRow(resultSet.getLong("id"), resultSet.getString("title"), resultSet.getLong("author_id"),
				resultSet.getString("author_name"), Lazy.of(resultSet.getString("publisher_name")),
				resultSet.getString("category_name"), resultSet.getString("editor_name"), List.of(),
				resultSet.getLong("review_count"), resultSet.getBigDecimal("average_rating"));
	}

	private static BookDetail detailRow(ResultSet resultSet, int row) throws SQLException {
		return new BookDetail(resultSet.getLong("id"), resultSet.getString("title"), resultSet.getString("isbn"),
				resultSet.getObject("published_on", LocalDate.class), resultSet.getBigDecimal("price"),
				resultSet.getString("summary"), resultSet.getLong("author_id"), resultSet.getString("author_name"),
				Lazy.of(resultSet.getString("publisher_name")), resultSet.getString("category_name"),
				resultSet.getString("editor_name"), List.of(), resultSet.getLong("review_count"),
				resultSet.getBigDecimal("average_rating"), List.of());
	}

	private static ReviewLine reviewLine(ResultSet resultSet, int row) throws SQLException {
		return new ReviewLine(resultSet.getLong("id"), resultSet.getInt("rating"), resultSet.getString("body"),
				resultSet.getObject("created_at", OffsetDateTime.class).toInstant(),
				Lazy.of(resultSet.getString("customer_name")));
	}

}
