package com.example.bookshop;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The genres: four rows that change when an editor adds one, not from page to page. */
@Repository
class GenreDao {

	private static final String GENRES = """
			SELECT id, name
			FROM genre
			ORDER BY name
			""";

	private final JdbcClient jdbc;

	GenreDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Genre> all() {
		return this.jdbc.sql(GENRES).query(Genre.class).list();
	}

	record Genre(long id, String name) {
	}

}
