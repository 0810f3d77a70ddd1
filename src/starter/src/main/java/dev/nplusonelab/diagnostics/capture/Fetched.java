package dev.nplusonelab.diagnostics.capture;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the application read from one statement's result: rows, and, with
 * {@code nplusone.result-set.bytes}, an estimate of the bytes of the values it asked for.
 * Filled while the result set is read, which is after the statement ran.
 */
public final class Fetched {

	/**
	 * A value this big is worth noticing: a text or binary column a list rarely shows.
	 */
	public static final int LARGE_VALUE_BYTES = 1024;

	private final LongAdder rows = new LongAdder();

	private final LongAdder bytes = new LongAdder();

	private final LongAdder largeValues = new LongAdder();

	void row() {
		this.rows.increment();
	}

	void value(long bytes) {
		this.bytes.add(bytes);
		if (bytes >= LARGE_VALUE_BYTES) {
			this.largeValues.increment();
		}
	}

	/** Values of at least {@value #LARGE_VALUE_BYTES} bytes that were read. */
	public long largeValues() {
		return this.largeValues.sum();
	}

	public long rows() {
		return this.rows.sum();
	}

	/**
	 * An estimate: characters of text, 8 per number or date, the length of binary values;
	 * 0 unless {@code nplusone.result-set.bytes} is on.
	 */
	public long bytes() {
		return this.bytes.sum();
	}

}
