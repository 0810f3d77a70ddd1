package com.example.bookshop;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code book} table through {@code JdbcClient}. */
@Repository
class BookDao {

	private static final String BOOKS = """
			SELECT id, title, author_id, genre_id
			FROM book
			ORDER BY id
			""";

	private static final String BOOK = """
			SELECT id, title, author_id, genre_id
			FROM book
			WHERE id = ?
			""";

	private final JdbcClient jdbc;

	BookDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Row> all() {
		return this.jdbc.sql(BOOKS).query(Row.class).list();
	}

	/**
	 * The heading of a book's page: a helper of its own, which reads the whole row again
	 * for one column. The page then reads the same row with {@link #find}: the same
	 * statement with the same value, from a second line.
	 */
	Optional<String> title(long id) {
		return this.jdbc.sql(BOOK).param(id).query(Row.class).optional().map(Row::title);
	}

	Optional<Row> find(long id) {
		return this.jdbc.sql(BOOK).param(id).query(Row.class).optional();
	}

	record Row(long id, String title, long authorId, long genreId) {
	}

}
