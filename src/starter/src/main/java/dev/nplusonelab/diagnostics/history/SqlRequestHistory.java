package dev.nplusonelab.diagnostics.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.detect.Violation;

/**
 * The most recent completed requests with their findings, in a fixed-size ring: memory
 * stays bounded however long the application runs. Silk's "slowest endpoints", for this
 * process.
 * <p>
 * A request the application makes to itself on behalf of another (a page that loads
 * another over HTTP) names that request's report in {@value #PARENT_HEADER}. While the
 * parent is in flight, such a sub-request is held for it, and the parent's entry keeps it
 * once the parent completes: sub-requests do not push other requests out of the ring.
 * Sub-requests held for requests still in flight never number more than the ring's
 * capacity, so a parent that never completes cannot grow them; past that, a sub-request
 * is kept as a request of its own, as is one whose parent is unknown or already complete.
 */
public class SqlRequestHistory {

	/**
	 * The request header that names the report id of the request on whose behalf a
	 * request is made.
	 */
	public static final String PARENT_HEADER = "X-Sql-Parent-Report";

	private final Deque<Entry> entries = new ArrayDeque<>();

	private final int capacity;

	/**
	 * The requests in flight, by report id, with the sub-requests held for them: each
	 * list is replaced, never changed, and only inside the map's atomic operations, so a
	 * sub-request is never held for a parent that has just completed.
	 */
	private final Map<Long, List<Entry>> inFlight = new ConcurrentHashMap<>();

	/** Sub-requests held for requests in flight, all together. */
	private final AtomicInteger held = new AtomicInteger();

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

	/**
	 * Keeps a completed request made on behalf of {@code parent}: held for the parent if
	 * it is in flight and there is room, else in the ring like any other.
	 */
	public void add(Entry entry, @Nullable Long parent) {
		List<Entry> children = (parent != null)
				? this.inFlight.computeIfPresent(parent, (id, held) -> hold(held, entry)) : null;
		if (children == null || !children.contains(entry)) {
			add(entry);
		}
	}

	/** The sub-requests held for a parent, with one more if there is room. */
	private List<Entry> hold(List<Entry> children, Entry child) {
		if (this.held.incrementAndGet() > this.capacity) {
			this.held.decrementAndGet();
			return children;
		}
		return Stream.concat(children.stream(), Stream.of(child)).toList();
	}

	/**
	 * A request is in flight: sub-requests that name its report are held for it until
	 * {@link #completed} is called, which must follow.
	 */
	public void started(long id) {
		this.inFlight.put(id, List.of());
	}

	/**
	 * A request is no longer in flight: returns the sub-requests held for it, in the
	 * order they completed, and holds no more.
	 */
	public List<Entry> completed(long id) {
		List<Entry> children = this.inFlight.remove(id);
		if (children == null) {
			return List.of();
		}
		this.held.addAndGet(-children.size());
		return children;
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

	/**
	 * A request in the ring, a sub-request kept in one's entry, or a sub-request held for
	 * a request still in flight.
	 */
	public Optional<Entry> find(long id) {
		List<Entry> candidates;
		synchronized (this.entries) {
			candidates = new ArrayList<>(this.entries);
		}
		this.inFlight.values().forEach(candidates::addAll);
		return find(id, candidates);
	}

	private static Optional<Entry> find(long id, List<Entry> entries) {
		for (Entry entry : entries) {
			if (entry.report().id() == id) {
				return Optional.of(entry);
			}
			Optional<Entry> child = find(id, entry.children());
			if (child.isPresent()) {
				return child;
			}
		}
		return Optional.empty();
	}

	public int capacity() {
		return this.capacity;
	}

	/**
	 * A completed request.
	 *
	 * @param report its statements
	 * @param query its query string as it was sent, without the {@code ?}; none if it had
	 * none or the history leaves query strings out
	 * @param findings what the detector found
	 * @param violations the rules it broke
	 * @param children the requests it made to this application on its behalf, in the
	 * order they completed
	 */
	public record Entry(RequestReport report, @Nullable String query, List<Finding> findings,
			List<Violation> violations, List<Entry> children) {

		public Entry {
			children = List.copyOf(children);
		}

		/** A request without its query string that made no request of its own. */
		public Entry(RequestReport report, List<Finding> findings, List<Violation> violations) {
			this(report, null, findings, violations, List.of());
		}

		public long potentialNPlusOne() {
			return this.findings.stream().filter(Finding::isNPlusOne).count();
		}

		/** The path and the query string as they were sent. */
		public String target() {
			return (this.query != null) ? this.report.path() + "?" + this.query : this.report.path();
		}

		/**
		 * The URL that loads this page again, context path included, for a GET whose path
		 * is this application's own; none for any other method, which a link must not
		 * repeat.
		 */
		public @Nullable String reopenUrl() {
			String path = this.report.path();
			boolean ownPath = path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
			return ("GET".equals(this.report.method()) && ownPath) ? target() : null;
		}

		/**
		 * What the requests it made ran, theirs and those they made in turn; never part
		 * of its own count.
		 */
		public SqlDiagnostics.SubRequests subRequests() {
			SqlDiagnostics.SubRequests total = SqlDiagnostics.SubRequests.NONE;
			for (Entry child : this.children) {
				total = total
					.plus(new SqlDiagnostics.SubRequests(1, child.report().statementCount(), child.report().sqlTime()))
					.plus(child.subRequests());
			}
			return total;
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
