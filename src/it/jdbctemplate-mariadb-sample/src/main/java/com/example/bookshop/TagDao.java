package com.example.bookshop;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Readers' tags on a book, written through {@code JdbcTemplate}. */
@Repository
class TagDao {

	private static final String INSERT = """
			INSERT INTO tag (book_id, name)
			VALUES (?, ?)
			""";

	private static final String NAMES = """
			SELECT name
			FROM tag
			WHERE book_id = ?
			ORDER BY id
			""";

	private static final String DELETE = """
			DELETE FROM tag
			WHERE book_id = ?
			""";

	private final JdbcTemplate jdbc;

	TagDao(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The naive way: one INSERT and one round trip per tag. In one transaction, so that a
	 * failure leaves none of them.
	 */
	@Transactional
	void addOneByOne(long bookId, List<String> names) {
		for (String name : names) {
			this.jdbc.update(INSERT, bookId, name);
		}
	}

	/** The same rows as one JDBC batch: one execution, whatever the number of tags. */
	@Transactional
	void addInOneBatch(long bookId, List<String> names) {
		List<Object[]> rows = names.stream().map((name) -> new Object[] { bookId, name }).toList();
		this.jdbc.batchUpdate(INSERT, rows);
	}

	List<String> names(long bookId) {
		return this.jdbc.queryForList(NAMES, String.class, bookId);
	}

	void deleteAll(long bookId) {
		this.jdbc.update(DELETE, bookId);
	}

}
