package com.example.bookshop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The copies the tills sold, from the nightly ledger. */
@Repository
class SaleDao {

	private static final String COPIES_SOLD = """
			SELECT SUM(copies)
			FROM sale
			WHERE book_id = ?
			""";

	private final JdbcTemplate jdbc;

	SaleDao(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** None for a book the tills never sold: a sum of no rows is NULL. */
	int copiesSold(long bookId) {
		Integer copies = this.jdbc.queryForObject(COPIES_SOLD, Integer.class, bookId);
		return (copies != null) ? copies : 0;
	}

}
