package dev.nplusonelab.lab;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.lab.LabResult.Cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The /lab verdict: a strategy is called the winner at a size only when it was faster in
 * every load and by more than 10% in the median; anything else is too close to call.
 */
class LabVerdictTests {

	@Test
	void jsonWinsOnlyWhereEveryLoadWasFasterAndTheMedianByMoreThanTenPercent() {
		LabResult result = result(List.of(10, 50, 200, 500), cell("optimized", 10, 10.0, 9.5, 10.5),
				cell("json", 10, 8.9, 8.5, 9.4), cell("optimized", 50, 10.0, 9.5, 10.5),
				cell("json", 50, 9.0, 8.5, 9.4), cell("optimized", 200, 10.0, 9.5, 10.5),
				cell("json", 200, 8.0, 7.0, 9.6), cell("optimized", 500, 10.0, 9.5, 10.5),
				cell("json", 500, 8.0, 7.0, 9.5));

		assertThat(result.jsonWins()).containsExactly(10);
		assertThat(result.tooClose()).containsExactly(50, 200, 500);
		assertThat(result.prefetchWins()).isEmpty();
	}

	@Test
	void thePrefetchesWinByTheSameRule() {
		LabResult result = result(List.of(10, 50, 200), cell("optimized", 10, 8.9, 8.5, 9.4),
				cell("json", 10, 10.0, 9.5, 10.5), cell("optimized", 50, 9.0, 8.5, 9.4),
				cell("json", 50, 10.0, 9.5, 10.5), cell("optimized", 200, 8.0, 7.0, 9.5),
				cell("json", 200, 10.0, 9.5, 10.5));

		assertThat(result.prefetchWins()).containsExactly(10);
		assertThat(result.tooClose()).containsExactly(50, 200);
		assertThat(result.jsonWins()).isEmpty();
	}

	@Test
	void aTieIsTooCloseToCall() {
		LabResult result = result(List.of(10), cell("optimized", 10, 4.0, 3.0, 5.0), cell("json", 10, 4.0, 3.0, 5.0));

		assertThat(result.tooClose()).containsExactly(10);
		assertThat(result.jsonWins()).isEmpty();
		assertThat(result.prefetchWins()).isEmpty();
	}

	@Test
	void aSkippedCellIsNeverCalled() {
		LabResult result = result(List.of(10, 50), cell("optimized", 10, 10.0, 10.0, 10.0), Cell.skipped("json", 10),
				Cell.skipped("optimized", 50), cell("json", 50, 1.0, 1.0, 1.0));

		assertThat(result.jsonWins()).isEmpty();
		assertThat(result.prefetchWins()).isEmpty();
		assertThat(result.tooClose()).isEmpty();
	}

	@Test
	void theNoiseIsTheWidestSpreadOfACellAgainstItsMedian() {
		LabResult result = result(List.of(10), cell("optimized", 10, 10.0, 9.0, 11.0),
				cell("json", 10, 20.0, 15.0, 23.0), Cell.skipped("naive", 10),
				new Cell("cartesian", 10, 1, 10, 100, 0, 1, 50.0, 1.0, 100.0, 1, false));

		assertThat(result.noise()).isCloseTo(0.4, within(1e-9));
	}

	private static LabResult result(List<Integer> sizes, Cell... cells) {
		return new LabResult(Workload.BOOKS, sizes, 0, List.of(cells), Duration.ofSeconds(1));
	}

	private static Cell cell(String strategy, int n, double totalMs, double fastestMs, double slowestMs) {
		return new Cell(strategy, n, 2, n, 100, 0, totalMs / 2, totalMs, fastestMs, slowestMs, 5, false);
	}

}
