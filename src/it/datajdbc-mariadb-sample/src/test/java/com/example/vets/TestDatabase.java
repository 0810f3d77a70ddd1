package com.example.vets;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of the tests' own on the MariaDB server, created before the application's
 * pool first connects and dropped when its context closes: test contexts that run side by
 * side, or a developer's own {@code vets} database, never see each other's rows.
 */
final class TestDatabase {

	private final String server;

	private final String user;

	private final String name;

	private TestDatabase(String server, String user, String name) {
		this.server = server;
		this.user = user;
		this.name = name;
	}

	/** Creates a database named {@code vets_} and a random suffix. */
	static TestDatabase create(String server, String user) throws SQLException {
		String name = "vets_" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
		TestDatabase database = new TestDatabase(server, user, name);
		database.execute("CREATE DATABASE " + name);
		return database;
	}

	String name() {
		return this.name;
	}

	String url() {
		return this.server + this.name;
	}

	void drop() throws SQLException {
		execute("DROP DATABASE IF EXISTS " + this.name);
	}

	/**
	 * Over a connection of its own, not the application's pool: the server's, which the
	 * diagnostics never see.
	 */
	private void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.server, this.user, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
