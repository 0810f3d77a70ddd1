package dev.nplusonelab.diagnostics.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One request's statements written out by hand, as the listener would record them, for
 * the detector's tests: from one line of code unless told otherwise, issued by the code
 * and run on the database it is told.
 */
public final class RecordedStatements {

	private final List<StatementRecord> statements = new ArrayList<>();

	private String callSite = "OwnerSummary.java:9";

	private DataAccess issuer = DataAccess.JDBC;

	private Database database = Database.of("PostgreSQL", "17.6");

	private int batchSize = 1;

	/** The statements that follow come from {@code callSite}. */
	public RecordedStatements from(String callSite) {
		this.callSite = callSite;
		return this;
	}

	/** The statements that follow were sent by {@code issuer}. */
	public RecordedStatements issuedBy(DataAccess issuer) {
		this.issuer = issuer;
		return this;
	}

	/** The statements that follow ran on {@code database}. */
	public RecordedStatements on(Database database) {
		this.database = database;
		return this;
	}

	/** The statements that follow are JDBC batches of {@code size}. */
	public RecordedStatements batchesOf(int size) {
		this.batchSize = size;
		return this;
	}

	/** A statement that returned {@code rows} rows, with the values it bound. */
	public RecordedStatements ran(String sql, long rows, @Nullable Object... values) {
		Fetched fetched = new Fetched();
		for (long row = 0; row < rows; row++) {
			fetched.row();
		}
		List<@Nullable Object> bound = Collections.unmodifiableList(Arrays.asList(values));
		this.statements.add(new StatementRecord(this.statements.size() + 1, sql, Fingerprint.of(sql),
				List.of(bound.stream().map(StatementListener::show).toList()), Arrays.deepToString(values) + "|",
				100_000, 0, this.batchSize, keys(values), true, this.callSite, StatementRecord.Phase.HANDLER, bound,
				fetched, "main", this.issuer, this.database));
		return this;
	}

	/** A completed report of the statements, for code that reads reports. */
	public RequestReport report() {
		RequestReport report = new RequestReport(7, "GET", "/owners", java.time.Duration.ZERO, java.time.Duration.ZERO,
				Math.max(this.statements.size(), 1));
		for (StatementRecord statement : this.statements) {
			report.add(statement.nanos(), 0, statement::at, null);
		}
		report.complete("/owners", 200, 0);
		return report;
	}

	/** The keys of the arrays among the values, as {@code = ANY(?)} binds them. */
	private static int keys(@Nullable Object[] values) {
		int keys = 0;
		for (Object value : values) {
			keys += (value instanceof Object[] array) ? array.length : 0;
		}
		return keys;
	}

	public List<StatementRecord> list() {
		return List.copyOf(this.statements);
	}

}
