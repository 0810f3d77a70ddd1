package dev.nplusonelab.home;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import dev.nplusonelab.store.Book;
import dev.nplusonelab.store.PurchaseOrder;
import dev.nplusonelab.store.Review;

/**
 * Part of the DELIBERATE ANTI-PATTERN of {@link NaiveDashboardReader}, its only user: the
 * queries a first version of the dashboard would add to its repositories. Each returns
 * aggregates, so Spring Data JDBC also loads what they own, one statement per row.
 */
interface HomeRepository extends Repository<Book, Long> {

	String NEWEST_BOOKS = "SELECT * FROM book ORDER BY published_on DESC, id DESC LIMIT :limit";

	String BEST_SELLING_BOOKS = "SELECT * FROM book ORDER BY sales DESC, id LIMIT :limit";

	@Query(NEWEST_BOOKS)
	List<Book> newestBooks(int limit);

	@Query(BEST_SELLING_BOOKS)
	List<Book> bestSellingBooks(int limit);

	@Query("SELECT * FROM orders ORDER BY created_at DESC, id DESC LIMIT :limit")
	List<PurchaseOrder> newestOrders(int limit);

	@Query("SELECT * FROM review ORDER BY created_at DESC, id DESC LIMIT :limit")
	List<Review> newestReviews(int limit);

}
