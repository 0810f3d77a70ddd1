package dev.nplusonelab.diagnostics.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.Violation;

/**
 * The most recent completed requests with their findings, in a fixed-size ring: memory
 * stays bounded however long the application runs. Silk's "slowest endpoints", for this
 * process.
 */
public class SqlRequestHistory {

	private final Deque<Entry> entries = new ArrayDeque<>();

	private final int capacity;

	public SqlRequestHistory(int capacity) {
		this.capacity = capacity;
	}

	/** Keeps a completed request; the oldest one goes when the ring is full. */
	public void add(Entry entry) {
		synchronized (this.entries) {
			if (this.entries.size() == this.capacity) {
				this.entries.removeLast();
			}
			this.entries.addFirst(entry);
		}
	}

	/** Newest first, or by statements or SQL time, most first. */
	public List<Entry> list(Order order) {
		List<Entry> copy;
		synchronized (this.entries) {
			copy = new ArrayList<>(this.entries);
		}
		if (order != Order.RECENT) {
			copy.sort(order.comparator.reversed());
		}
		return copy;
	}

	public Optional<Entry> find(long id) {
		synchronized (this.entries) {
			return this.entries.stream().filter((entry) -> entry.report().id() == id).findFirst();
		}
	}

	public int capacity() {
		return this.capacity;
	}

	/**
	 * A completed request.
	 *
	 * @param report its statements
	 * @param findings what the detector found
	 * @param violations the rules it broke
	 */
	public record Entry(RequestReport report, List<Finding> findings, List<Violation> violations) {

		public long potentialNPlusOne() {
			return this.findings.stream().filter(Finding::isNPlusOne).count();
		}

	}

	/** How the history is sorted. */
	public enum Order {

		RECENT(Comparator.comparingLong((Entry entry) -> entry.report().id())),

		STATEMENTS(Comparator.comparingInt((Entry entry) -> entry.report().statementCount())),

		TIME(Comparator.comparing((Entry entry) -> entry.report().sqlTime()));

		private final Comparator<Entry> comparator;

		Order(Comparator<Entry> comparator) {
			this.comparator = comparator;
		}

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The order named by a request parameter, or empty for anything else. */
		public static Optional<Order> parse(String value) {
			for (Order order : values()) {
				if (order.value().equals(value)) {
					return Optional.of(order);
				}
			}
			return Optional.empty();
		}

	}

}
