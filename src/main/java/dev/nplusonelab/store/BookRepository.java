package dev.nplusonelab.store;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface BookRepository extends ListCrudRepository<Book, Long> {

	Slice<Book> findAllBy(Pageable page);

	@Query("SELECT * FROM book WHERE author_id = :authorId ORDER BY published_on DESC, id DESC")
	List<Book> findByAuthorId(long authorId);

}
