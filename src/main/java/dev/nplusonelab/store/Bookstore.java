package dev.nplusonelab.store;

import java.time.LocalDate;
import java.util.List;

import dev.nplusonelab.query.Prefetch;
import dev.nplusonelab.query.Relations;
import dev.nplusonelab.query.Table;
import dev.nplusonelab.query.ToMany;
import dev.nplusonelab.query.ToOne;

/** The tables of the bookstore and every relation between them, described once. */
public final class Bookstore {

	/**
	 * "Today" in the generated data: the seeder dates every order, review and customer
	 * before this day, so a window such as "the last 30 days" finds the same rows
	 * whatever the calendar says. It must match the seed SQL's
	 * {@code TIMESTAMPTZ '2026-11-01 00:00:00+00'}.
	 */
	public static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

	public static final Table PUBLISHER = new Table("publisher", "p");

	public static final Table AUTHOR = new Table("author", "a");

	public static final Table CATEGORY = new Table("category", "c");

	public static final Table EDITOR = new Table("editor", "e");

	public static final Table BOOK = new Table("book", "b");

	public static final Table TAG = new Table("tag", "t");

	public static final Table BOOK_TAG = new Table("book_tag", "bt");

	public static final Table CUSTOMER = new Table("customer", "cu");

	public static final Table REVIEW = new Table("review", "r");

	public static final Table ORDERS = new Table("orders", "o");

	public static final Table ORDER_ITEM = new Table("order_item", "oi");

	public static final ToOne BOOK_AUTHOR = ToOne.required("book.author", BOOK, "author_id", AUTHOR);

	public static final ToOne BOOK_CATEGORY = ToOne.required("book.category", BOOK, "category_id", CATEGORY);

	public static final ToOne BOOK_EDITOR = ToOne.optional("book.editor", BOOK, "editor_id", EDITOR);

	public static final ToOne AUTHOR_PUBLISHER = ToOne.required("author.publisher", AUTHOR, "publisher_id", PUBLISHER);

	public static final ToOne REVIEW_CUSTOMER = ToOne.required("review.customer", REVIEW, "customer_id", CUSTOMER);

	public static final ToOne REVIEW_BOOK = ToOne.required("review.book", REVIEW, "book_id", BOOK);

	public static final ToOne ORDER_CUSTOMER = ToOne.required("order.customer", ORDERS, "customer_id", CUSTOMER);

	public static final ToOne ORDER_ITEM_BOOK = ToOne.required("orderItem.book", ORDER_ITEM, "book_id", BOOK);

	public static final ToMany PUBLISHER_AUTHORS = ToMany.reverse("publisher.authors", PUBLISHER, AUTHOR,
			"publisher_id");

	public static final ToMany AUTHOR_BOOKS = ToMany.reverse("author.books", AUTHOR, BOOK, "author_id");

	public static final ToMany BOOK_REVIEWS = ToMany.reverse("book.reviews", BOOK, REVIEW, "book_id");

	public static final ToMany BOOK_TAGS = ToMany.through("book.tags", BOOK,
			new ToMany.Link(BOOK_TAG, "book_id", "tag_id"), TAG);

	/**
	 * The names of each book's tags, in one statement for any number of books. Sorted
	 * byte by byte ({@code COLLATE "C"}), as Java sorts strings, so a reader that sorts
	 * in Java agrees with it whatever the database's locale.
	 */
	// tag::tag-names[]
	public static final Prefetch<String> TAG_NAMES = Prefetch
		.of(BOOK_TAGS, (resultSet, row) -> resultSet.getString("name"), "t.name")
		.orderBy("t.name COLLATE \"C\"");

	// end::tag-names[]

	public static final ToMany CUSTOMER_ORDERS = ToMany.reverse("customer.orders", CUSTOMER, ORDERS, "customer_id");

	public static final ToMany CUSTOMER_REVIEWS = ToMany.reverse("customer.reviews", CUSTOMER, REVIEW, "customer_id");

	public static final ToMany ORDER_ITEMS = ToMany.reverse("order.items", ORDERS, ORDER_ITEM, "order_id");

	/** Every relation, for tools that reason about the schema. */
	public static final Relations RELATIONS = new Relations(List.of(BOOK_AUTHOR, BOOK_CATEGORY, BOOK_EDITOR,
			AUTHOR_PUBLISHER, REVIEW_CUSTOMER, REVIEW_BOOK, ORDER_CUSTOMER, ORDER_ITEM_BOOK, PUBLISHER_AUTHORS,
			AUTHOR_BOOKS, BOOK_REVIEWS, BOOK_TAGS, CUSTOMER_ORDERS, CUSTOMER_REVIEWS, ORDER_ITEMS));

	private Bookstore() {
	}

}
