package dev.nplusonelab.lab;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.lab.LabResult.Cell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The /lab verdict: the single JSON statement is called the winner at a size only when it
 * beat the prefetches by more than 10%, the noise of a shared machine.
 */
class LabVerdictTests {

	@Test
	void jsonWinsOnlyWhereItIsMoreThanTenPercentFaster() {
		LabResult result = result(List.of(10, 50, 200), cell("optimized", 10, 10.0), cell("json", 10, 8.9),
				cell("optimized", 50, 10.0), cell("json", 50, 9.0), cell("optimized", 200, 10.0),
				cell("json", 200, 12.0));

		assertThat(result.jsonWins()).containsExactly(10);
	}

	@Test
	void aTieOrASlowerJsonStatementIsNoWin() {
		LabResult result = result(List.of(10, 50), cell("optimized", 10, 4.0), cell("json", 10, 4.0),
				cell("optimized", 50, 4.0), cell("json", 50, 5.0));

		assertThat(result.jsonWins()).isEmpty();
	}

	@Test
	void aSkippedCellIsNeverAWin() {
		LabResult result = result(List.of(10, 50), cell("optimized", 10, 10.0), Cell.skipped("json", 10),
				Cell.skipped("optimized", 50), cell("json", 50, 1.0));

		assertThat(result.jsonWins()).isEmpty();
	}

	private static LabResult result(List<Integer> sizes, Cell... cells) {
		return new LabResult(Workload.BOOKS, sizes, 0, List.of(cells), Duration.ofSeconds(1));
	}

	private static Cell cell(String strategy, int n, double totalMs) {
		return new Cell(strategy, n, 2, n, 100, 0, totalMs / 2, totalMs, 5, false);
	}

}
