package dev.nplusonelab.diagnostics.capture;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.ttddyy.dsproxy.ExecutionInfo;

/**
 * The database behind each wrapped DataSource, read from the driver's metadata the first
 * time one of its statements is recorded, and then known by the DataSource's name.
 */
final class Databases {

	private final Map<String, Database> known = new ConcurrentHashMap<>();

	Database of(ExecutionInfo execution) {
		String dataSource = String.valueOf(execution.getDataSourceName());
		Database database = this.known.get(dataSource);
		if (database == null) {
			database = read(execution.getStatement());
			if (database != Database.UNKNOWN) {
				this.known.put(dataSource, database);
			}
		}
		return database;
	}

	private static Database read(Statement statement) {
		try {
			Connection connection = statement.getConnection();
			DatabaseMetaData metaData = connection.getMetaData();
			return Database.of(String.valueOf(metaData.getDatabaseProductName()),
					String.valueOf(metaData.getDatabaseProductVersion()));
		}
		catch (SQLException | RuntimeException ex) {
			return Database.UNKNOWN;
		}
	}

}
