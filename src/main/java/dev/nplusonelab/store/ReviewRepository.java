package dev.nplusonelab.store;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ReviewRepository extends ListCrudRepository<Review, Long> {

	@Query("SELECT * FROM review WHERE book_id = :bookId ORDER BY created_at DESC, id DESC")
	List<Review> findByBookId(long bookId);

	/**
	 * Over every review of every book of the author, two decimals; null without reviews.
	 */
	@Query("""
			SELECT round(avg(r.rating), 2)
			FROM review r
			JOIN book b ON b.id = r.book_id
			WHERE b.author_id = :authorId
			""")
	@Nullable BigDecimal averageRatingOfAuthor(long authorId);

	/** How many reviews the book has, counted by the database. */
	@Query("SELECT count(*) FROM review WHERE book_id = :bookId")
	long countByBookId(long bookId);

}
