package com.example.bookshop;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How many reviews books have: counted for one book, or grouped for many. */
@Repository
class ReviewDao {

	private static final String COUNT = """
			SELECT count(*)
			FROM review
			WHERE book_id = ?
			""";

	private static final String COUNTS = """
			SELECT book_id, count(*) AS reviews
			FROM review
			WHERE book_id IN (:ids)
			GROUP BY book_id
			""";

	private final JdbcTemplate jdbc;

	private final JdbcClient client;

	ReviewDao(JdbcTemplate jdbc, JdbcClient client) {
		this.jdbc = jdbc;
		this.client = client;
	}

	int count(long bookId) {
		return this.jdbc.queryForObject(COUNT, Integer.class, bookId);
	}

	/**
	 * The counts of all the books asked for, in one statement. A book without reviews has
	 * no group, so it is not in the map.
	 */
	Map<Long, Integer> counts(Collection<Long> bookIds) {
		Map<Long, Integer> counts = new HashMap<>();
		if (bookIds.isEmpty()) {
			return counts;
		}
		this.client.sql(COUNTS)
			.param("ids", bookIds)
			.query((RowCallbackHandler) (row) -> counts.put(row.getLong("book_id"), row.getInt("reviews")));
		return counts;
	}

}
