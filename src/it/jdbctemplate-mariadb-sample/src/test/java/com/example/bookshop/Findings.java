package com.example.bookshop;

/**
 * The findings the sample's code calls for, worked out from the code and the starter's
 * rules, not copied from a run: the lines where the statements are issued, and the fixes
 * in the terms of the JDBC code that issues them, valid on MariaDB.
 */
final class Findings {

	static final String AUTHOR_NAME = SampleHttp.line("AuthorDao.java", "queryForObject(NAME");

	static final String REVIEW_COUNT = SampleHttp.line("ReviewDao.java", "queryForObject(COUNT");

	static final String GENRES = SampleHttp.line("GenreDao.java", "this.jdbc.sql(GENRES)");

	static final String BOOK_HEADING = SampleHttp.line("BookDao.java", ".map(Row::title)");

	static final String BOOK_DETAILS = SampleHttp.line("BookDao.java", "query(Row.class).optional();");

	static final String TAG_INSERT = SampleHttp.line("TagDao.java", "this.jdbc.update(INSERT");

	static final String COPIES_SOLD = SampleHttp.line("SaleDao.java", "queryForObject(COPIES_SOLD");

	/** The authors are collected and read in one statement through an expanded list. */
	static final String AUTHORS_FIX = "load author by id for all rows at once, with the collected ids as :ids, "
			+ "which JdbcClient or NamedParameterJdbcTemplate expands (SELECT … FROM author WHERE id IN (:ids))";

	/** A count per row is one grouped count. */
	static final String REVIEW_COUNTS_FIX = "aggregate review by book_id for all parents at once, with the "
			+ "collected book_id values as :ids, which JdbcClient or NamedParameterJdbcTemplate expands "
			+ "(SELECT book_id, … FROM review WHERE book_id IN (:ids) GROUP BY book_id)";

	/** A sum per row is one grouped sum. */
	static final String COPIES_SOLD_FIX = "aggregate sale by book_id for all parents at once, with the "
			+ "collected book_id values as :ids, which JdbcClient or NamedParameterJdbcTemplate expands "
			+ "(SELECT book_id, … FROM sale WHERE book_id IN (:ids) GROUP BY book_id)";

	/** A statement without parameters gives the same rows every time. */
	static final String GENRES_FIX = "run it once and reuse its rows: nothing in it changes from one run to the next "
			+ "(call it before the loop, or cache it with @Cacheable)";

	/** Two lines asked: the first one's answer can be passed to the second. */
	static final String BOOK_FIX = "reuse the first answer instead of asking again "
			+ "(pass the first result on to the other line, or cache it with @Cacheable)";

	/** The INSERT as the loop sends it, its text block folded to one line. */
	static final String TAG_INSERT_FIX = "send them as one JDBC batch "
			+ "(jdbcTemplate.batchUpdate(\"INSERT INTO tag (book_id, name) VALUES (?, ?)\", rows))";

	private Findings() {
	}

}
