package dev.nplusonelab.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One request's statements written out by hand, as the listener would record them, all
 * from one line of code, for the detector's tests.
 */
final class RecordedStatements {

	private final List<StatementRecord> statements = new ArrayList<>();

	/** A statement that returned {@code rows} rows, with the values it bound. */
	RecordedStatements ran(String sql, long rows, @Nullable Object... values) {
		Fetched fetched = new Fetched();
		for (long row = 0; row < rows; row++) {
			fetched.row();
		}
		List<@Nullable Object> bound = Collections.unmodifiableList(Arrays.asList(values));
		this.statements.add(new StatementRecord(this.statements.size() + 1, sql, Fingerprint.of(sql),
				List.of(bound.stream().map(StatementListener::show).toList()), Arrays.deepToString(values) + "|",
				100_000, 0, 1, 0, true, "OwnerSummary.java:9", StatementRecord.Phase.HANDLER, bound, fetched, "main"));
		return this;
	}

	List<StatementRecord> list() {
		return List.copyOf(this.statements);
	}

}
