package dev.nplusonelab.store;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ReviewRepository extends ListCrudRepository<Review, Long> {

	@Query("SELECT * FROM review WHERE book_id = :bookId ORDER BY created_at DESC, id DESC")
	List<Review> findByBookId(long bookId);

}
