package dev.nplusonelab.home;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

import dev.nplusonelab.store.Author;
import dev.nplusonelab.store.Book;
import dev.nplusonelab.store.PurchaseOrder;
import dev.nplusonelab.store.Review;

/**
 * The queries a first version of the dashboard would add to its repositories. Each
 * returns aggregates, so Spring Data JDBC also loads what they own, one statement per
 * row.
 */
interface HomeRepository extends Repository<Book, Long> {

	@Query("SELECT * FROM book ORDER BY published_on DESC, id DESC LIMIT :limit")
	List<Book> newestBooks(int limit);

	@Query("""
			SELECT a.*
			FROM author a
			ORDER BY (SELECT sum(b.sales) FROM book b WHERE b.author_id = a.id) DESC NULLS LAST, a.id
			LIMIT :limit
			""")
	List<Author> topSellingAuthors(int limit);

	@Query("SELECT count(*) FROM book WHERE author_id = :authorId")
	long countBooksOfAuthor(long authorId);

	@Query("SELECT coalesce(sum(sales), 0) FROM book WHERE author_id = :authorId")
	long salesOfAuthor(long authorId);

	@Query("SELECT * FROM orders ORDER BY created_at DESC, id DESC LIMIT :limit")
	List<PurchaseOrder> newestOrders(int limit);

	@Query("SELECT * FROM review ORDER BY created_at DESC, id DESC LIMIT :limit")
	List<Review> newestReviews(int limit);

}
