package dev.nplusonelab.diagnostics.capture;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The database a statement ran on, as its driver names it: what SQL a fix may use there,
 * and how its plan is read.
 *
 * @param product the kind of database
 * @param name the product name the driver reports
 * @param version the product version the driver reports
 */
public record Database(Product product, String name, String version) {

	/** Not known: the statement's connection could not say. */
	public static final Database UNKNOWN = new Database(Product.OTHER, "unknown", "");

	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

	/**
	 * From a driver's {@code DatabaseMetaData}. MySQL's Connector/J names a MariaDB
	 * server "MySQL", with "MariaDB" in its version.
	 */
	public static Database of(String productName, String productVersion) {
		String name = productName.toLowerCase(Locale.ROOT);
		Product product;
		if (name.contains("mariadb")
				|| (name.contains("mysql") && productVersion.toLowerCase(Locale.ROOT).contains("mariadb"))) {
			product = Product.MARIADB;
		}
		else if (name.contains("mysql")) {
			product = Product.MYSQL;
		}
		else if (name.contains("postgresql")) {
			product = Product.POSTGRESQL;
		}
		else if (name.equals("h2")) {
			product = Product.H2;
		}
		else if (name.contains("microsoft sql server")) {
			product = Product.SQL_SERVER;
		}
		else if (name.contains("oracle")) {
			product = Product.ORACLE;
		}
		else {
			product = Product.OTHER;
		}
		return new Database(product, productName, productVersion);
	}

	/**
	 * The database as a person names it: MariaDB, also when MySQL's Connector/J reports
	 * it as MySQL.
	 */
	public String label() {
		return (this.product == Product.MARIADB && !this.name.toLowerCase(Locale.ROOT).contains("mariadb")) ? "MariaDB"
				: this.name;
	}

	/**
	 * Whether its driver is MySQL's Connector/J, which sends a JDBC batch one statement
	 * at a time unless {@code rewriteBatchedStatements=true} is on the URL.
	 */
	public boolean connectorJ() {
		return this.name.equalsIgnoreCase("MySQL");
	}

	/**
	 * Whether a fix may bind every key as one array, {@code = ANY(?)}: PostgreSQL only.
	 * Elsewhere the keys go in an {@code IN} list ({@code IN (:ids)}, expanded by
	 * {@code NamedParameterJdbcTemplate} or {@code JdbcClient}); MySQL's and MariaDB's
	 * drivers cannot bind an array at all.
	 */
	public boolean bindsArrays() {
		return this.product == Product.POSTGRESQL;
	}

	/**
	 * The statement that runs a SELECT and returns its plan with what it measured, or
	 * {@code null} where there is none: PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS)},
	 * MySQL's {@code EXPLAIN ANALYZE} (8.0.18 and later), MariaDB's {@code ANALYZE} and
	 * H2's {@code EXPLAIN ANALYZE}.
	 */
	public @Nullable String explain(String select) {
		String prefix = switch (this.product) {
			case POSTGRESQL -> "EXPLAIN (ANALYZE, BUFFERS) ";
			case MYSQL -> atLeast(8, 0, 18) ? "EXPLAIN ANALYZE " : null;
			case MARIADB -> "ANALYZE ";
			case H2 -> "EXPLAIN ANALYZE ";
			default -> null;
		};
		return (prefix != null) ? prefix + select : null;
	}

	/** Whether {@link #explain} can explain a SELECT here. */
	public boolean explainable() {
		return explain("SELECT 1") != null;
	}

	private boolean atLeast(int major, int minor, int patch) {
		Matcher version = VERSION.matcher(this.version);
		if (!version.find()) {
			return false;
		}
		int[] found = { Integer.parseInt(version.group(1)), Integer.parseInt(version.group(2)),
				(version.group(3) != null) ? Integer.parseInt(version.group(3)) : 0 };
		int[] wanted = { major, minor, patch };
		for (int i = 0; i < 3; i++) {
			if (found[i] != wanted[i]) {
				return found[i] > wanted[i];
			}
		}
		return true;
	}

	/** The kinds of database whose SQL differs where a fix or a plan is concerned. */
	public enum Product {

		POSTGRESQL, MYSQL, MARIADB, H2, SQL_SERVER, ORACLE, OTHER

	}

}
