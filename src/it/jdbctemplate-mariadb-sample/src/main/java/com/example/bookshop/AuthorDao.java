package com.example.bookshop;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Authors' names through {@code JdbcTemplate}, one at a time or all at once. */
@Repository
class AuthorDao {

	private static final String NAME = """
			SELECT name
			FROM author
			WHERE id = ?
			""";

	private static final String NAMES = """
			SELECT id, name
			FROM author
			WHERE id IN (:ids)
			""";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	AuthorDao(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/** One author's name: one statement per call, however often the id repeats. */
	String name(long id) {
		return this.jdbc.queryForObject(NAME, String.class, id);
	}

	/**
	 * The names of all the authors asked for, in one statement whatever their number.
	 * {@code NamedParameterJdbcTemplate} expands {@code :ids} to one {@code ?} per id;
	 * MariaDB takes no array, so {@code = ANY(?)} is not an option here.
	 */
	Map<Long, String> names(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.named.query(NAMES, Map.of("ids", ids),
				(RowCallbackHandler) (row) -> names.put(row.getLong("id"), row.getString("name")));
		return names;
	}

}
