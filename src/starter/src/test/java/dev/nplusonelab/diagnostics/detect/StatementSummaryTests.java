package dev.nplusonelab.diagnostics.detect;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.diagnostics.detect.StatementSummary.Group;
import dev.nplusonelab.diagnostics.detect.StatementSummary.Line;

import dev.nplusonelab.diagnostics.capture.RecordedStatements;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The numbers the SQL panel shows for a request: its statements grouped by fingerprint,
 * most executed first, the groups that ran more than once numbered in that order, each
 * line with its group and whether it repeats an earlier one exactly, and the totals of
 * time, rows and bytes, with the bytes in a size people read.
 */
class StatementSummaryTests {

	private static final String OWNERS = "SELECT id, name FROM owner ORDER BY name";

	private static final String PETS_OF_OWNER = "SELECT id, name FROM pet WHERE owner_id = ?";

	/** Found in the list; on the page: one owner 1, then owner 2, then owner 1 again. */
	private final List<StatementRecord> statements = new RecordedStatements().taking(Duration.ofMillis(2))
		.readingValuesOf(300, 500)
		.ran(OWNERS, 3)
		.readingValuesOf(100)
		.ran(PETS_OF_OWNER, 2, 1L)
		.ran(PETS_OF_OWNER, 1, 2L)
		.ran(PETS_OF_OWNER, 2, 1L)
		.readingValuesOf()
		.ran("SELECT id, name FROM vet WHERE id IN (?, ?)", 2, 1L, 2L)
		.ran("SELECT id, name FROM vet WHERE id IN (?, ?, ?)", 3, 1L, 2L, 3L)
		.list();

	/**
	 * Mutants killed: the sort removed (the owners, seen first, would lead) and the
	 * numbering of similar groups counting down or numbering every group.
	 */
	@Test
	void groupsComeMostExecutedFirstAndOnlyTheRepeatedOnesAreNumbered() {
		StatementSummary summary = StatementSummary.of(this.statements);

		assertThat(summary.groups()).extracting(Group::number, Group::count, Group::distinctParameterSets)
			.containsExactly(tuple(1, 3, 2), tuple(2, 2, 2), tuple(0, 1, 1));
		assertThat(summary.repeatedGroups()).extracting(Group::number).containsExactly(1, 2);
		assertThat(summary.groups()).extracting(Group::duplicates).containsExactly(1, 0, 0);
	}

	/**
	 * A group shows its text when all its statements share it; key lists of different
	 * lengths share only their fingerprint, which it shows instead.
	 */
	@Test
	void aGroupShowsItsTextWhenItHasOneAndItsFingerprintWhenItsTextsDiffer() {
		StatementSummary summary = StatementSummary.of(this.statements);

		assertThat(summary.groups()).extracting(Group::sql)
			.containsExactly(PETS_OF_OWNER, "SELECT id, name FROM vet WHERE id IN (?…)", OWNERS);
	}

	@Test
	void eachLineNamesItsGroupAndWhetherItRepeatsAnEarlierStatementExactly() {
		StatementSummary summary = StatementSummary.of(this.statements);

		assertThat(summary.lines()).extracting((line) -> line.statement().index(), Line::group, Line::duplicate)
			.containsExactly(tuple(1, 0, false), tuple(2, 1, false), tuple(3, 1, false), tuple(4, 1, true),
					tuple(5, 2, false), tuple(6, 2, false));
		assertThat(summary.similarStatements()).isEqualTo(5);
		assertThat(summary.duplicateStatements()).isEqualTo(1);
	}

	@Test
	void theTotalsAddUpTheTimeRowsAndBytesOfEveryStatement() {
		StatementSummary summary = StatementSummary.of(this.statements);

		assertThat(summary.count()).isEqualTo(6);
		assertThat(summary.totalMillis()).isCloseTo(12.0, within(1e-9));
		assertThat(summary.groups()).extracting(Group::totalMillis).containsExactly(6.0, 4.0, 2.0);
		assertThat(summary.rows()).isEqualTo(13);
		assertThat(summary.bytes()).isEqualTo(800 + 3 * 100);
		assertThat(summary.readableBytes()).isEqualTo("1.1 KB");
		assertThat(summary.dropped()).isZero();
	}

	/**
	 * A report that stopped keeping statements at its limit counts every one that ran,
	 * and their time, beside the ones it kept.
	 */
	@Test
	void statementsCountedButNotKeptAreDroppedFromTheLinesButNotFromTheTotals() {
		StatementSummary summary = StatementSummary.of(this.statements, 9, Duration.ofMillis(25));

		assertThat(summary.count()).isEqualTo(9);
		assertThat(summary.lines()).hasSize(6);
		assertThat(summary.dropped()).isEqualTo(3);
		assertThat(summary.totalMillis()).isCloseTo(25.0, within(1e-9));
	}

	@Test
	void aStatementThatRanOnceIsInNoRepeatedGroup() {
		StatementSummary summary = StatementSummary.of(new RecordedStatements().ran(OWNERS, 3).list());

		assertThat(summary.groups()).singleElement().satisfies((group) -> {
			assertThat(group.similar()).isFalse();
			assertThat(group.number()).isZero();
		});
		assertThat(summary.repeatedGroups()).isEmpty();
		assertThat(summary.similarStatements()).isZero();
	}

	/** Each unit from its first byte on, and the byte before it in the unit below. */
	@Test
	void bytesReadInBytesUpToOneKilobyteThenInKilobytesThenInMegabytes() {
		assertThat(StatementSummary.readable(812)).isEqualTo("812 B");
		assertThat(StatementSummary.readable(1023)).isEqualTo("1023 B");
		assertThat(StatementSummary.readable(1024)).isEqualTo("1.0 KB");
		assertThat(StatementSummary.readable(44_134)).isEqualTo("43.1 KB");
		assertThat(StatementSummary.readable(1024 * 1024 - 1)).isEqualTo("1024.0 KB");
		assertThat(StatementSummary.readable(1024 * 1024)).isEqualTo("1.0 MB");
		assertThat(StatementSummary.readable(2_516_582)).isEqualTo("2.4 MB");
	}

}
