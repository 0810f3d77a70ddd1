package dev.nplusonelab.sql;

import java.time.Duration;
import java.util.List;

/**
 * One JDBC execution seen by the proxy. A batch is one execution, as it is one round
 * trip.
 *
 * @param index position in the request, from 1
 * @param sql the statement text as the driver received it
 * @param parameters the bound values, rendered for display (one list per batch entry)
 * @param parameterKey the bound values in full, to tell duplicates from similar
 * statements
 * @param nanos time spent in the driver for this execution
 * @param batchSize how many parameter sets the execution carried (1 unless batched)
 * @param success whether the driver returned without an exception
 * @param fetched what the application read from its result, filled as it reads
 */
public record StatementRecord(int index, String sql, List<List<String>> parameters, String parameterKey, long nanos,
		int batchSize, boolean success, Fetched fetched) {

	public double millis() {
		return this.nanos / 1_000_000.0;
	}

	public Duration duration() {
		return Duration.ofNanos(this.nanos);
	}

}
