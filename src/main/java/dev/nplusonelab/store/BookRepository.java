package dev.nplusonelab.store;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface BookRepository extends ListCrudRepository<Book, Long> {

	Slice<Book> findAllBy(Pageable page);

	/** The books after an id, for keyset pages of the book list. */
	Slice<Book> findByIdGreaterThan(long id, Pageable page);

	@Query("SELECT * FROM book WHERE author_id = :authorId ORDER BY published_on DESC, id DESC")
	List<Book> findByAuthorId(long authorId);

	/**
	 * The books an author published on or after {@code since}, newest first: only three
	 * columns, so Spring Data JDBC maps them into a record and loads no tag links.
	 */
	@Query("""
			SELECT id, title, published_on
			FROM book
			WHERE author_id = :authorId
			  AND published_on >= :since
			ORDER BY published_on DESC, id DESC
			""")
	List<BookTitle> findByAuthorIdAndPublishedOnGreaterThanEqual(long authorId, LocalDate since);

	/** One book's summary, for a view that left it out of its projection. */
	@Query("SELECT summary FROM book WHERE id = :id")
	String findSummaryById(long id);

	/** A book by its title and publication date, without the rest of the aggregate. */
	record BookTitle(long id, String title, LocalDate publishedOn) {
	}

}
