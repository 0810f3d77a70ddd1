package dev.nplusonelab.home;

import static dev.nplusonelab.store.Bookstore.AUTHOR_PUBLISHER;
import static dev.nplusonelab.store.Bookstore.BOOK;
import static dev.nplusonelab.store.Bookstore.BOOK_AUTHOR;
import static dev.nplusonelab.store.Bookstore.BOOK_REVIEWS;
import static dev.nplusonelab.store.Bookstore.TAG_NAMES;
import static dev.nplusonelab.store.Bookstore.ORDERS;
import static dev.nplusonelab.store.Bookstore.ORDER_CUSTOMER;
import static dev.nplusonelab.store.Bookstore.ORDER_ITEMS;
import static dev.nplusonelab.store.Bookstore.ORDER_ITEM_BOOK;
import static dev.nplusonelab.store.Bookstore.REVIEW;
import static dev.nplusonelab.store.Bookstore.REVIEW_BOOK;
import static dev.nplusonelab.store.Bookstore.REVIEW_CUSTOMER;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import dev.nplusonelab.home.Dashboard.LatestReview;
import dev.nplusonelab.home.Dashboard.NewBook;
import dev.nplusonelab.home.Dashboard.RecentOrder;
import dev.nplusonelab.home.Dashboard.BestSeller;
import dev.nplusonelab.query.FetchPlan;
import dev.nplusonelab.query.Lateral;
import dev.nplusonelab.query.Prefetch;
import dev.nplusonelab.query.Select;
import dev.nplusonelab.store.Lazy;

/** The fetch plans of the dashboard: six statements for the four lists. */
final class HomeQueries {

	// tag::dashboard-view[]
	private static final FetchPlan<NewBook> NEW_BOOKS = FetchPlan
		.of(Select.from(BOOK)
			.columns("b.id", "b.title", "a.id AS author_id", "a.name AS author_name", "p.name AS publisher_name")
			.join(BOOK_AUTHOR, AUTHOR_PUBLISHER)
			.annotate(Lateral.over(BOOK_REVIEWS, "review_stats", "round(avg(r.rating), 2) AS average_rating"))
			.orderBy("b.published_on DESC", "b.id DESC")
			.limit(DashboardReader.NEW_BOOKS), HomeQueries::newBook, NewBook::id)
		.prefetch(TAG_NAMES, NewBook::withTags);

	/**
	 * Ordered by a root column, so the best sellers' ids come from the top of an index
	 * before the joins.
	 */
	private static final FetchPlan<BestSeller> BEST_SELLERS = FetchPlan.of(Select.from(BOOK)
		.columns("b.id", "b.title", "a.id AS author_id", "a.name AS author_name", "p.name AS publisher_name", "b.sales")
		.join(BOOK_AUTHOR, AUTHOR_PUBLISHER)
		.orderBy("b.sales DESC", "b.id")
		.limit(DashboardReader.BEST_SELLERS), HomeQueries::bestSeller, BestSeller::id);

	private static final FetchPlan<RecentOrder> RECENT_ORDERS = FetchPlan
		.of(Select.from(ORDERS)
			.columns("o.id", "o.created_at", "cu.id AS customer_id", "cu.name AS customer_name", "o.total")
			.join(ORDER_CUSTOMER)
			.orderBy("o.created_at DESC", "o.id DESC")
			.limit(DashboardReader.RECENT_ORDERS), HomeQueries::recentOrder, RecentOrder::id)
		.prefetch(Prefetch.of(ORDER_ITEMS, (resultSet, row) -> resultSet.getString("title"), "b.title")
			.join(ORDER_ITEM_BOOK)
			.orderBy("oi.id"), RecentOrder::withBookTitles);

	private static final FetchPlan<LatestReview> LATEST_REVIEWS = FetchPlan.of(Select.from(REVIEW)
		.columns("r.id", "r.rating", "b.id AS book_id", "b.title AS book_title", "cu.name AS customer_name",
				"r.created_at")
		.join(REVIEW_BOOK, REVIEW_CUSTOMER)
		.orderBy("r.created_at DESC", "r.id DESC")
		.limit(DashboardReader.LATEST_REVIEWS), HomeQueries::latestReview, LatestReview::id);

	// end::dashboard-view[]

	private HomeQueries() {
	}

	static FetchPlan<NewBook> newBooks() {
		return NEW_BOOKS;
	}

	static FetchPlan<BestSeller> bestSellers() {
		return BEST_SELLERS;
	}

	static FetchPlan<RecentOrder> recentOrders() {
		return RECENT_ORDERS;
	}

	static FetchPlan<LatestReview> latestReviews() {
		return LATEST_REVIEWS;
	}

	private static NewBook newBook(ResultSet resultSet, int row) throws SQLException {
		return new NewBook(resultSet.getLong("id"), resultSet.getString("title"), resultSet.getLong("author_id"),
				resultSet.getString("author_name"), Lazy.of(resultSet.getString("publisher_name")), List.of(),
				resultSet.getBigDecimal("average_rating"));
	}

	private static BestSeller bestSeller(ResultSet resultSet, int row) throws SQLException {
		return new BestSeller(resultSet.getLong("id"), resultSet.getString("title"), resultSet.getLong("author_id"),
				resultSet.getString("author_name"), resultSet.getString("publisher_name"), resultSet.getInt("sales"));
	}

	private static RecentOrder recentOrder(ResultSet resultSet, int row) throws SQLException {
		return new RecentOrder(resultSet.getLong("id"),
				resultSet.getObject("created_at", OffsetDateTime.class).toInstant(), resultSet.getLong("customer_id"),
				resultSet.getString("customer_name"), List.of(), resultSet.getBigDecimal("total"));
	}

	private static LatestReview latestReview(ResultSet resultSet, int row) throws SQLException {
		return new LatestReview(resultSet.getLong("id"), resultSet.getInt("rating"), resultSet.getLong("book_id"),
				resultSet.getString("book_title"), resultSet.getString("customer_name"),
				resultSet.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
