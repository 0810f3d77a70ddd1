package dev.nplusonelab.diagnostics.history;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory.Entry;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history keeps the most recent requests in a ring of fixed size, lists them newest
 * first or by what they cost, and finds one by its id.
 */
class SqlRequestHistoryTests {

	private final SqlRequestHistory history = new SqlRequestHistory(3);

	@Test
	void aFullRingDropsItsOldestRequestForTheNewOne() {
		for (long id = 1; id <= 4; id++) {
			this.history.add(entry(id, 1, 100_000));
		}

		assertThat(ids(Order.RECENT)).containsExactly(4L, 3L, 2L);
		assertThat(this.history.find(1)).isEmpty();
		assertThat(this.history.find(2)).get().extracting((entry) -> entry.report().id()).isEqualTo(2L);
		assertThat(this.history.capacity()).isEqualTo(3);
	}

	@Test
	void anEmptyHistoryFindsNothing() {
		assertThat(this.history.list(Order.RECENT)).isEmpty();
		assertThat(this.history.find(1)).isEmpty();
	}

	@Test
	void byStatementsAndByTimeTheCostliestComeFirst() {
		this.history.add(entry(1, 5, 1_000_000));
		this.history.add(entry(2, 9, 100_000));
		this.history.add(entry(3, 1, 9_000_000));

		assertThat(ids(Order.RECENT)).containsExactly(3L, 2L, 1L);
		assertThat(ids(Order.STATEMENTS)).containsExactly(2L, 1L, 3L);
		assertThat(ids(Order.TIME)).containsExactly(3L, 1L, 2L);
	}

	/**
	 * The list is a copy: the ring moving on does not change a list already handed out.
	 */
	@Test
	void aListHandedOutStaysAsItWas() {
		this.history.add(entry(1, 1, 100_000));
		List<Entry> listed = this.history.list(Order.RECENT);

		this.history.add(entry(2, 1, 100_000));

		assertThat(listed).hasSize(1);
	}

	@Test
	void theOrdersAreNamedInLowerCaseAndNothingElseParses() {
		assertThat(Order.parse("statements")).contains(Order.STATEMENTS);
		assertThat(Order.parse("time")).contains(Order.TIME);
		assertThat(Order.parse("recent")).contains(Order.RECENT);
		assertThat(Order.parse("TIME")).isEmpty();
		assertThat(Order.parse("rows")).isEmpty();
		assertThat(Order.TIME.value()).isEqualTo("time");
	}

	@Test
	void anEntryCountsItsPotentialNPlusOnesButNotItsDuplicates() {
		RequestReport report = new RecordedStatements().ran("SELECT id FROM owner", 3)
			.ran("SELECT name FROM pet WHERE owner_id = ?", 1, 1L)
			.ran("SELECT name FROM pet WHERE owner_id = ?", 1, 2L)
			.ran("SELECT name FROM pet WHERE owner_id = ?", 1, 3L)
			.from("Other.java:1")
			.ran("SELECT 1 FROM vet WHERE id = ?", 1, 9L)
			.from("Another.java:2")
			.ran("SELECT 1 FROM vet WHERE id = ?", 1, 9L)
			.report();
		var findings = new NPlusOneDetector().findings(report.statements());

		Entry entry = new Entry(report, findings, List.of());

		assertThat(findings).hasSize(2);
		assertThat(entry.potentialNPlusOne()).isOne();
	}

	@Test
	void anEntryKeepsTheQueryStringItWasServedWithAndAGetOpensAgainFromIt() {
		Entry served = new Entry(request(1, "GET", "/shop/books", 1), "size=7&page=3&mode=naive", List.of(), List.of(),
				List.of());
		Entry plain = new Entry(request(2, "GET", "/shop/books", 1), null, List.of(), List.of(), List.of());

		assertThat(served.query()).isEqualTo("size=7&page=3&mode=naive");
		assertThat(served.target()).isEqualTo("/shop/books?size=7&page=3&mode=naive");
		assertThat(served.reopenUrl()).isEqualTo("/shop/books?size=7&page=3&mode=naive");
		assertThat(plain.target()).isEqualTo("/shop/books");
		assertThat(plain.reopenUrl()).isEqualTo("/shop/books");
	}

	/**
	 * A link repeats a GET only: following one must not post a form again. Nor does it
	 * lead off the application, as a path read as another host ({@code //host}, or
	 * {@code /\host} to a browser) would.
	 */
	@Test
	void onlyAGetOfAPathOfThisApplicationOpensAgain() {
		assertThat(new Entry(request(1, "POST", "/orders", 1), "id=3", List.of(), List.of(), List.of()).reopenUrl())
			.isNull();
		assertThat(new Entry(request(2, "GET", "//evil.example/books", 1), null, List.of(), List.of(), List.of())
			.reopenUrl()).isNull();
		assertThat(new Entry(request(3, "GET", "/\\evil.example/books", 1), null, List.of(), List.of(), List.of())
			.reopenUrl()).isNull();
		assertThat(new Entry(request(4, "GET", "", 1), null, List.of(), List.of(), List.of()).reopenUrl()).isNull();
		assertThat(new Entry(request(5, "GET", "/", 1), null, List.of(), List.of(), List.of()).reopenUrl())
			.isEqualTo("/");
	}

	@Test
	void subRequestsAreKeptInTheirParentsEntryInsteadOfTheRing() {
		this.history.add(entry(1, 1, 100_000));
		this.history.started(2);
		this.history.add(entry(3, 5, 1_000_000), 2L);
		this.history.add(entry(4, 7, 2_000_000), 2L);

		List<Entry> children = this.history.completed(2);
		this.history.add(new Entry(request(2, "GET", "/compare", 0), "path=/books", List.of(), List.of(), children));

		assertThat(children).extracting((child) -> child.report().id()).containsExactly(3L, 4L);
		assertThat(ids(Order.RECENT)).containsExactly(2L, 1L);
		assertThat(this.history.find(4)).get().extracting((entry) -> entry.report().statementCount()).isEqualTo(7);
		Entry parent = this.history.find(2).orElseThrow();
		assertThat(parent.report().statementCount()).isZero();
		assertThat(parent.subRequests())
			.isEqualTo(new SqlDiagnostics.SubRequests(2, 12, java.time.Duration.ofNanos(5_000_000 + 7_000_000 * 2)));
	}

	/** A page that reads its sub-request's report back finds it before it completes. */
	@Test
	void aSubRequestIsFoundWhileItsParentIsStillInFlight() {
		this.history.started(1);
		this.history.add(entry(2, 3, 100_000), 1L);

		assertThat(this.history.list(Order.RECENT)).isEmpty();
		assertThat(this.history.find(2)).get().extracting((entry) -> entry.report().id()).isEqualTo(2L);
		assertThat(this.history.find(1)).isEmpty();
	}

	/**
	 * The header is honoured only for a request in flight in this process: naming
	 * nothing, a request never seen or one already complete, a request is kept as any
	 * other.
	 */
	@Test
	void aSubRequestWhoseParentIsNotInFlightIsKeptAsARequestOfItsOwn() {
		this.history.add(entry(1, 1, 100_000), null);
		this.history.add(entry(2, 1, 100_000), 99L);
		this.history.started(3);
		this.history.completed(3);
		this.history.add(entry(4, 1, 100_000), 3L);

		assertThat(ids(Order.RECENT)).containsExactly(4L, 2L, 1L);
		assertThat(this.history.completed(3)).isEmpty();
		assertThat(this.history.completed(99)).isEmpty();
	}

	/**
	 * Held sub-requests never number more than the ring holds, whichever requests they
	 * wait for, so a parent that never completes cannot grow them; the rest go to the
	 * ring, and room comes back once a parent completes.
	 */
	@Test
	void subRequestsHeldForRequestsInFlightAreBoundedByTheRing() {
		this.history.started(1);
		this.history.started(2);
		this.history.add(entry(11, 1, 100_000), 1L);
		this.history.add(entry(12, 1, 100_000), 1L);
		this.history.add(entry(21, 1, 100_000), 2L);
		this.history.add(entry(22, 1, 100_000), 2L);
		this.history.add(entry(13, 1, 100_000), 1L);

		assertThat(ids(Order.RECENT)).containsExactly(13L, 22L);
		assertThat(this.history.completed(1)).extracting((child) -> child.report().id()).containsExactly(11L, 12L);
		this.history.add(entry(23, 1, 100_000), 2L);
		this.history.add(entry(24, 1, 100_000), 2L);
		this.history.add(entry(25, 1, 100_000), 2L);
		assertThat(this.history.completed(2)).extracting((child) -> child.report().id()).containsExactly(21L, 23L, 24L);
		assertThat(ids(Order.RECENT)).containsExactly(25L, 13L, 22L);
		this.history.started(3);
		for (long id = 31; id <= 33; id++) {
			this.history.add(entry(id, 1, 100_000), 3L);
		}
		assertThat(this.history.completed(3)).hasSize(3);
	}

	/**
	 * What a request made counts what those made in turn, and never the request's own.
	 */
	@Test
	void subRequestsCountTheRequestsTheirChildrenMadeToo() {
		Entry grandchild = entry(3, 4, 1_000_000);
		Entry child = new Entry(request(2, "GET", "/books", 2), null, List.of(), List.of(), List.of(grandchild));
		Entry parent = new Entry(request(1, "GET", "/compare", 1), null, List.of(), List.of(), List.of(child));

		this.history.add(parent);

		assertThat(parent.subRequests().requests()).isEqualTo(2);
		assertThat(parent.subRequests().statements()).isEqualTo(6);
		assertThat(child.subRequests().requests()).isOne();
		assertThat(grandchild.subRequests()).isEqualTo(SqlDiagnostics.SubRequests.NONE);
		assertThat(this.history.find(3)).containsSame(grandchild);
		assertThat(this.history.find(4)).isEmpty();
	}

	@Test
	void anEntryKeepsTheChildrenItWasGivenNotTheListTheyCameIn() {
		List<Entry> children = new java.util.ArrayList<>(List.of(entry(2, 1, 100_000)));
		Entry parent = new Entry(request(1, "GET", "/compare", 1), null, List.of(), List.of(), children);

		children.clear();

		assertThat(parent.children()).hasSize(1);
	}

	private List<Long> ids(Order order) {
		return this.history.list(order).stream().map((entry) -> entry.report().id()).toList();
	}

	private static Entry entry(long id, int statements, long nanos) {
		RecordedStatements recorded = new RecordedStatements().taking(java.time.Duration.ofNanos(nanos));
		for (int i = 0; i < statements; i++) {
			recorded.ran("SELECT " + i, 1);
		}
		return new Entry(recorded.report(id, "/owners"), List.of(), List.of());
	}

	private static RequestReport request(long id, String method, String path, int statements) {
		RecordedStatements recorded = new RecordedStatements();
		for (int i = 0; i < statements; i++) {
			recorded.ran("SELECT " + i, 1);
		}
		return recorded.report(id, method, path, path);
	}

}
