package dev.nplusonelab.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.nplusonelab.lab.LabAuthor;
import dev.nplusonelab.lab.LabBook;
import dev.nplusonelab.lab.LabQueries;

/**
 * The query layer's statements written out with plain JDBC: the same SQL text, the same
 * look-ahead row, the same {@code = ANY(?)} arrays, with no builder, no
 * {@code JdbcClient} and no row-mapper indirection. It runs in the same Spring read-only
 * transaction as the layer's strategy (the application's readers are
 * {@code @Transactional}), so the difference between the two is what the layer costs.
 */
final class HandJdbc {

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final String books;

	private final String bookTags;

	private final String authors;

	private final String authorBooks;

	private final String authorBookTags;

	HandJdbc(DataSource dataSource) {
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
		this.transactions.setReadOnly(true);
		List<String> bookStatements = LabQueries.books().statements();
		this.books = positional(bookStatements.get(0));
		this.bookTags = positional(bookStatements.get(1));
		List<String> authorStatements = LabQueries.authors().statements();
		this.authors = positional(authorStatements.get(0));
		this.authorBooks = positional(authorStatements.get(1));
		// The nested level's statement is the tag prefetch of the book list.
		this.authorBookTags = this.bookTags;
	}

	/** {@code :limit}, {@code :offset} and {@code :parent_ids} become {@code ?}. */
	private static String positional(String sql) {
		return sql.replace(":limit", "?").replace(":offset", "?").replace(":parent_ids", "?");
	}

	List<LabBook> books(int n) {
		return inTransaction((connection) -> {
			List<LabBook> rows = new ArrayList<>(n);
			try (PreparedStatement statement = connection.prepareStatement(this.books)) {
				statement.setInt(1, n + 1);
				statement.setLong(2, 0);
				try (ResultSet resultSet = statement.executeQuery()) {
					while (resultSet.next() && rows.size() < n) {
						rows.add(LabQueries.book(resultSet, rows.size()));
					}
				}
			}
			Map<Long, List<String>> tags = strings(connection, this.bookTags, ids(rows.stream().map(LabBook::id)));
			rows.replaceAll((book) -> book.withTags(tags.getOrDefault(book.id(), List.of())));
			return rows;
		});
	}

	List<LabAuthor> authors(int n) {
		return inTransaction((connection) -> {
			List<LabAuthor> rows = new ArrayList<>(n);
			try (PreparedStatement statement = connection.prepareStatement(this.authors)) {
				statement.setInt(1, n + 1);
				statement.setLong(2, 0);
				try (ResultSet resultSet = statement.executeQuery()) {
					while (resultSet.next() && rows.size() < n) {
						rows.add(LabQueries.author(resultSet, rows.size()));
					}
				}
			}
			Map<Long, List<LabAuthor.Book>> books = new LinkedHashMap<>();
			List<LabAuthor.Book> all = new ArrayList<>();
			try (PreparedStatement statement = connection.prepareStatement(this.authorBooks)) {
				statement.setArray(1, connection.createArrayOf("bigint", ids(rows.stream().map(LabAuthor::id))));
				try (ResultSet resultSet = statement.executeQuery()) {
					while (resultSet.next()) {
						LabAuthor.Book book = LabQueries.authorBook(resultSet, all.size());
						all.add(book);
						books.computeIfAbsent(resultSet.getLong("parent_id"), (id) -> new ArrayList<>()).add(book);
					}
				}
			}
			if (!all.isEmpty()) {
				Map<Long, List<String>> tags = strings(connection, this.authorBookTags,
						ids(all.stream().map(LabAuthor.Book::id)));
				books.values()
					.forEach((list) -> list.replaceAll((book) -> book.withTags(tags.getOrDefault(book.id(), List.of()))));
			}
			rows.replaceAll((author) -> author.withBooks(books.getOrDefault(author.id(), List.of())));
			return rows;
		});
	}

	/** Runs the body on the transaction's connection, which the transaction manager commits and releases. */
	private <T> T inTransaction(Body<T> body) {
		return this.transactions.execute((status) -> {
			try {
				return body.run(DataSourceUtils.getConnection(this.dataSource));
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private interface Body<T> {

		T run(Connection connection) throws SQLException;

	}

	private static Map<Long, List<String>> strings(Connection connection, String sql, Long[] parents)
			throws SQLException {
		Map<Long, List<String>> children = new HashMap<>();
		if (parents.length == 0) {
			return children;
		}
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setArray(1, connection.createArrayOf("bigint", parents));
			try (ResultSet resultSet = statement.executeQuery()) {
				while (resultSet.next()) {
					children.computeIfAbsent(resultSet.getLong("parent_id"), (id) -> new ArrayList<>())
						.add(resultSet.getString("name"));
				}
			}
		}
		return children;
	}

	private static Long[] ids(java.util.stream.Stream<Long> ids) {
		return ids.distinct().toArray(Long[]::new);
	}

}
