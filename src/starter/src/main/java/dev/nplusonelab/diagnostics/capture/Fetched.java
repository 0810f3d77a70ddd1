package dev.nplusonelab.diagnostics.capture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

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

	/** What stands for a column whose name the result set would not say. */
	public static final String UNKNOWN_COLUMN = "(unknown column)";

	private final LongAdder rows = new LongAdder();

	private final LongAdder bytes = new LongAdder();

	private final LongAdder largeValues = new LongAdder();

	/**
	 * Large values by the column they were read from, made with the first one: most
	 * statements read none, and pay nothing for it. Guarded by {@code this}.
	 */
	private @Nullable Map<String, Long> largeColumns;

	void row() {
		this.rows.increment();
	}

	/**
	 * A value read of {@code bytes}, from {@code column}, which the reader names only for
	 * a large value ({@link #isLarge}): looking a column's name up for every value would
	 * cost more than the rest of the counting.
	 */
	void value(long bytes, @Nullable String column) {
		this.bytes.add(bytes);
		if (isLarge(bytes)) {
			this.largeValues.increment();
			String name = (column != null) ? column : UNKNOWN_COLUMN;
			synchronized (this) {
				if (this.largeColumns == null) {
					this.largeColumns = new LinkedHashMap<>(4);
				}
				this.largeColumns.merge(name, 1L, Long::sum);
			}
		}
	}

	static boolean isLarge(long bytes) {
		return bytes >= LARGE_VALUE_BYTES;
	}

	/** Values of at least {@value #LARGE_VALUE_BYTES} bytes that were read. */
	public long largeValues() {
		return this.largeValues.sum();
	}

	/**
	 * The large values by the column they were read from, named as the result set names
	 * it (its label), in the order the columns first had one.
	 */
	public synchronized Map<String, Long> largeValuesByColumn() {
		return (this.largeColumns != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(this.largeColumns))
				: Map.of();
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
