package dev.nplusonelab.mistake;

import java.util.List;
import java.util.function.ToLongFunction;

import dev.nplusonelab.diagnostics.detect.StatementSummary;

/**
 * Rows and an estimate of bytes, counted the way the SQL panel counts what a request read
 * (characters of text, 8 per number), so that what a page shows can be set against what
 * it fetched.
 */
record Footprint(long rows, long bytes) {

	static final long NUMBER = 8;

	/** The bytes as the SQL panel writes them. */
	public String readableBytes() {
		return StatementSummary.readable(this.bytes);
	}

	static <T> Footprint of(List<T> rows, ToLongFunction<T> bytesOf) {
		return new Footprint(rows.size(), rows.stream().mapToLong(bytesOf).sum());
	}

}
