package dev.nplusonelab.mistake;

import static dev.nplusonelab.store.Bookstore.AUTHOR;
import static dev.nplusonelab.store.Bookstore.AUTHOR_BOOKS;
import static dev.nplusonelab.store.Bookstore.AUTHOR_PUBLISHER;
import static dev.nplusonelab.store.Bookstore.BOOK;
import static dev.nplusonelab.store.Bookstore.BOOK_AUTHOR;
import static dev.nplusonelab.store.Bookstore.BOOK_CATEGORY;
import static dev.nplusonelab.store.Bookstore.BOOK_EDITOR;
import static dev.nplusonelab.store.Bookstore.BOOK_REVIEWS;
import static dev.nplusonelab.store.Bookstore.TAG_NAMES;
import static dev.nplusonelab.store.Bookstore.REVIEW_CUSTOMER;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.mistake.AuthorRecentBooks.RecentBook;
import dev.nplusonelab.query.FetchPlan;
import dev.nplusonelab.query.Lateral;
import dev.nplusonelab.query.Prefetch;
import dev.nplusonelab.query.Select;
import dev.nplusonelab.store.Lazy;

/**
 * The fetch plans of the mistakes gallery, the wrong ones included: most of these
 * mistakes are made with a query layer in hand, by asking it for too little or for too
 * much. Each wrong plan is marked as the DELIBERATE ANTI-PATTERN it is.
 */
final class MistakeQueries {

	private static final Select AUTHOR_PAGE = Select.from(AUTHOR).columns("a.id", "a.name").orderBy("a.id").paged();

	// tag::every-book[]
	/**
	 * DELIBERATE ANTI-PATTERN (with the reader that filters afterwards): every book of
	 * every author on the page, in one statement, the prefetch the view had when it
	 * listed all books.
	 */
	private static final Prefetch<RecentBook> EVERY_BOOK = Prefetch
		.of(AUTHOR_BOOKS, MistakeQueries::recentBook, "b.id", "b.title", "b.published_on")
		.orderBy("b.published_on DESC", "b.id DESC");

	private static final FetchPlan<AuthorWithBooks> AUTHORS_WITH_EVERY_BOOK = FetchPlan
		.of(AUTHOR_PAGE, MistakeQueries::authorWithBooks, AuthorWithBooks::id)
		.prefetch(EVERY_BOOK, AuthorWithBooks::withBooks);

	// end::every-book[]

	// tag::recent-books[]
	/**
	 * Only the recent books, filtered by the prefetch statement itself, into the
	 * attribute the view reads.
	 */
	private static final Prefetch<RecentBook> RECENT_BOOKS = Prefetch
		.of(AUTHOR_BOOKS, MistakeQueries::recentBook, "b.id", "b.title", "b.published_on")
		.where("b.published_on >= :since")
		.orderBy("b.published_on DESC", "b.id DESC");

	private static final FetchPlan<AuthorRecentBooks> AUTHORS_WITH_RECENT_BOOKS = FetchPlan
		.of(AUTHOR_PAGE, MistakeQueries::authorRecentBooks, AuthorRecentBooks::id)
		.prefetch(RECENT_BOOKS, AuthorRecentBooks::withRecentBooks);

	// end::recent-books[]

	// tag::everything[]
	/**
	 * DELIBERATE ANTI-PATTERN: the plan of a detail page, reused for a list "just in
	 * case": every book column, the large content included, four joined tables, then
	 * every tag and every review with its text and its customer.
	 */
	private static final Select EVERY_COLUMN = Select.from(BOOK)
		.columns("b.*", "a.name AS author_name", "a.bio AS author_bio", "p.name AS publisher_name",
				"c.name AS category_name", "e.name AS editor_name")
		.join(BOOK_AUTHOR, AUTHOR_PUBLISHER)
		.join(BOOK_CATEGORY, BOOK_EDITOR)
		.orderBy("b.id")
		.paged();

	private static final Prefetch<ReviewLine> EVERY_REVIEW = Prefetch
		.of(BOOK_REVIEWS, MistakeQueries::reviewLine, "r.id", "r.rating", "r.body", "r.created_at",
				"cu.name AS customer_name")
		.join(REVIEW_CUSTOMER)
		.orderBy("r.created_at DESC", "r.id DESC");

	private static final FetchPlan<BookWithEverything> BOOKS_WITH_EVERYTHING = FetchPlan
		.of(EVERY_COLUMN, MistakeQueries::bookWithEverything, BookWithEverything::id)
		.prefetch(TAG_NAMES, BookWithEverything::withTags)
		.prefetch(EVERY_REVIEW, BookWithEverything::withReviews);

	// end::everything[]

	// tag::byline[]
	/** The three values a line of the list shows, and one join to reach the author. */
	private static final Select BYLINE_ROWS = Select.from(BOOK)
		.columns("b.id", "b.title", "a.name AS author_name")
		.join(BOOK_AUTHOR)
		.orderBy("b.id")
		.paged();

	private static final FetchPlan<Byline> BYLINES = FetchPlan.of(BYLINE_ROWS, MistakeQueries::byline, Byline::id);

	// end::byline[]

	// tag::titles-only[]
	/**
	 * DELIBERATE ANTI-PATTERN: a projection that leaves out the summary the page goes on
	 * to show.
	 */
	private static final Select TITLE_ROWS = Select.from(BOOK).columns("b.id", "b.title").orderBy("b.id").paged();

	private static final FetchPlan<BookTitleOnly> TITLES_ONLY = FetchPlan.of(TITLE_ROWS, MistakeQueries::titleOnly,
			BookTitleOnly::id);

	// end::titles-only[]

	// tag::book-titles[]
	/**
	 * The page's books, without their tags: the wrong reader of the batch-too-small page
	 * loads those itself, ten books at a time.
	 */
	private static final FetchPlan<TaggedBook> BOOK_TITLES = FetchPlan.of(TITLE_ROWS, MistakeQueries::taggedBook,
			TaggedBook::id);

	// end::book-titles[]

	// tag::book-keys[]
	/**
	 * DELIBERATE ANTI-PATTERN (with the reader that looks each key up): the page's books
	 * with the keys of their author and category, and nothing of what those name.
	 */
	private static final Select KEY_ROWS = Select.from(BOOK)
		.columns("b.id", "b.title", "b.author_id", "b.category_id")
		.orderBy("b.id")
		.paged();

	private static final FetchPlan<BookKeys> BOOK_KEYS = FetchPlan.of(KEY_ROWS, MistakeQueries::bookKeys, BookKeys::id);

	// end::book-keys[]

	// tag::credits[]
	/**
	 * The author and the category joined, the reviews counted by the database: one
	 * statement for the page.
	 */
	private static final Select CREDIT_ROWS = Select.from(BOOK)
		.columns("b.id", "b.title", "a.name AS author_name", "c.name AS category_name")
		.join(BOOK_AUTHOR, BOOK_CATEGORY)
		.annotate(Lateral.over(BOOK_REVIEWS, "review_stats", "count(*) AS review_count"))
		.orderBy("b.id")
		.paged();

	private static final FetchPlan<BookCredits> CREDITS = FetchPlan.of(CREDIT_ROWS, MistakeQueries::bookCredits,
			BookCredits::id);

	// end::credits[]

	// tag::tagged-books[]
	/** The page's books and their tags: one prefetch with every id of the page. */
	private static final FetchPlan<TaggedBook> TAGGED_BOOKS = FetchPlan
		.of(TITLE_ROWS, MistakeQueries::taggedBook, TaggedBook::id)
		.prefetch(TAG_NAMES, TaggedBook::withTags);

	// end::tagged-books[]

	// tag::with-summary[]
	/** Every column the page shows, and no other: the summary yes, the content no. */
	private static final Select BLURB_ROWS = Select.from(BOOK)
		.columns("b.id", "b.title", "b.summary")
		.orderBy("b.id")
		.paged();

	private static final FetchPlan<Blurb> BLURBS = FetchPlan.of(BLURB_ROWS, MistakeQueries::blurb, Blurb::id);

	// end::with-summary[]

	// tag::tallies[]
	/**
	 * Both counts computed per author by the database, in the statement that loads the
	 * page of authors: no book and no review leaves it.
	 */
	private static final Select TALLY_ROWS = Select.from(AUTHOR)
		.columns("a.id", "a.name")
		.annotate(Lateral.over(AUTHOR_BOOKS, "book_stats", "count(*) AS book_count"))
		.annotate(Lateral.over(List.of(AUTHOR_BOOKS, BOOK_REVIEWS), "review_stats", "count(*) AS review_count"))
		.orderBy("a.id")
		.paged();

	private static final FetchPlan<AuthorTally> TALLIES = FetchPlan.of(TALLY_ROWS, MistakeQueries::authorTally,
			AuthorTally::id);

	// end::tallies[]

	private MistakeQueries() {
	}

	/** Two statements: the authors, then all of their books. */
	static FetchPlan<AuthorWithBooks> authorsWithEveryBook() {
		return AUTHORS_WITH_EVERY_BOOK;
	}

	/**
	 * Two statements: the authors, then their books published on or after {@code :since}.
	 */
	static FetchPlan<AuthorRecentBooks> authorsWithRecentBooks() {
		return AUTHORS_WITH_RECENT_BOOKS;
	}

	/** Three statements, and far more rows and bytes than a list needs. */
	static FetchPlan<BookWithEverything> booksWithEverything() {
		return BOOKS_WITH_EVERYTHING;
	}

	/** One statement: id, title and author name. */
	static FetchPlan<Byline> bylines() {
		return BYLINES;
	}

	/** One statement: id and title, no summary. */
	static FetchPlan<BookKeys> bookKeys() {
		return BOOK_KEYS;
	}

	static FetchPlan<BookCredits> bookCredits() {
		return CREDITS;
	}

	static FetchPlan<TaggedBook> bookTitles() {
		return BOOK_TITLES;
	}

	static FetchPlan<TaggedBook> taggedBooks() {
		return TAGGED_BOOKS;
	}

	static FetchPlan<BookTitleOnly> titlesOnly() {
		return TITLES_ONLY;
	}

	/** One statement: id, title and summary. */
	static FetchPlan<Blurb> blurbs() {
		return BLURBS;
	}

	/** One statement: each author with the number of their books and of their reviews. */
	static FetchPlan<AuthorTally> authorTallies() {
		return TALLIES;
	}

	/** An author with every book, as the wrong prefetch loads it. */
	record AuthorWithBooks(long id, String name, List<RecentBook> books) {

		AuthorWithBooks withBooks(List<RecentBook> books) {
			return new AuthorWithBooks(this.id, this.name, List.copyOf(books));
		}

	}

	/** A book as a detail page would load it: everything. */
	record BookWithEverything(long id, String title, String isbn, LocalDate publishedOn, BigDecimal price, int sales,
			String summary, String content, long authorId, @Nullable Long editorId, long categoryId, String authorName,
			String authorBio, String publisherName, String categoryName, @Nullable String editorName, List<String> tags,
			List<ReviewLine> reviews) {

		BookWithEverything withTags(List<String> tags) {
			return new BookWithEverything(this.id, this.title, this.isbn, this.publishedOn, this.price, this.sales,
					this.summary, this.content, this.authorId, this.editorId, this.categoryId, this.authorName,
					this.authorBio, this.publisherName, this.categoryName, this.editorName, List.copyOf(tags),
					this.reviews);
		}

		BookWithEverything withReviews(List<ReviewLine> reviews) {
			return new BookWithEverything(this.id, this.title, this.isbn, this.publishedOn, this.price, this.sales,
					this.summary, this.content, this.authorId, this.editorId, this.categoryId, this.authorName,
					this.authorBio, this.publisherName, this.categoryName, this.editorName, this.tags,
					List.copyOf(reviews));
		}

	}

	record ReviewLine(long id, int rating, String body, Instant createdAt, String customerName) {
	}

	/** A book as a projection without its summary loads it. */
	private static BookKeys bookKeys(ResultSet row, int number) throws SQLException {
		return new BookKeys(row.getLong("id"), row.getString("title"), row.getLong("author_id"),
				row.getLong("category_id"));
	}

	private static BookCredits bookCredits(ResultSet row, int number) throws SQLException {
		return new BookCredits(row.getLong("id"), row.getString("title"), row.getString("author_name"),
				row.getString("category_name"), row.getLong("review_count"));
	}

	private static TaggedBook taggedBook(ResultSet row, int number) throws SQLException {
		return new TaggedBook(row.getLong("id"), row.getString("title"), List.of());
	}

	/** A book and the keys of its author and category, before anything is looked up. */
	record BookKeys(long id, String title, long authorId, long categoryId) {
	}

	record BookTitleOnly(long id, String title) {
	}

	private static RecentBook recentBook(ResultSet resultSet, int row) throws SQLException {
		return new RecentBook(resultSet.getLong("id"), resultSet.getString("title"),
				resultSet.getObject("published_on", LocalDate.class));
	}

	private static AuthorWithBooks authorWithBooks(ResultSet resultSet, int row) throws SQLException {
		return new AuthorWithBooks(resultSet.getLong("id"), resultSet.getString("name"), List.of());
	}

	private static AuthorRecentBooks authorRecentBooks(ResultSet resultSet, int row) throws SQLException {
		return new AuthorRecentBooks(resultSet.getLong("id"), resultSet.getString("name"), List.of());
	}

	private static BookWithEverything bookWithEverything(ResultSet resultSet, int row) throws SQLException {
		return new BookWithEverything(resultSet.getLong("id"), resultSet.getString("title"),
				resultSet.getString("isbn"), resultSet.getObject("published_on", LocalDate.class),
				resultSet.getBigDecimal("price"), resultSet.getInt("sales"), resultSet.getString("summary"),
				resultSet.getString("content"), resultSet.getLong("author_id"),
				resultSet.getObject("editor_id", Long.class), resultSet.getLong("category_id"),
				resultSet.getString("author_name"), resultSet.getString("author_bio"),
				resultSet.getString("publisher_name"), resultSet.getString("category_name"),
				resultSet.getString("editor_name"), List.of(), List.of());
	}

	private static ReviewLine reviewLine(ResultSet resultSet, int row) throws SQLException {
		return new ReviewLine(resultSet.getLong("id"), resultSet.getInt("rating"), resultSet.getString("body"),
				resultSet.getObject("created_at", OffsetDateTime.class).toInstant(),
				resultSet.getString("customer_name"));
	}

	private static Byline byline(ResultSet resultSet, int row) throws SQLException {
		return new Byline(resultSet.getLong("id"), resultSet.getString("title"), resultSet.getString("author_name"));
	}

	private static BookTitleOnly titleOnly(ResultSet resultSet, int row) throws SQLException {
		return new BookTitleOnly(resultSet.getLong("id"), resultSet.getString("title"));
	}

	private static Blurb blurb(ResultSet resultSet, int row) throws SQLException {
		return new Blurb(resultSet.getLong("id"), resultSet.getString("title"),
				Lazy.of(resultSet.getString("summary")));
	}

	private static AuthorTally authorTally(ResultSet resultSet, int row) throws SQLException {
		return new AuthorTally(resultSet.getLong("id"), resultSet.getString("name"), resultSet.getLong("book_count"),
				resultSet.getLong("review_count"));
	}

}
