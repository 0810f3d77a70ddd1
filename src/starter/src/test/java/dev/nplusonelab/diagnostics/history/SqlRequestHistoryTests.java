package dev.nplusonelab.diagnostics.history;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;
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

}
