package dev.nplusonelab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one lab run measured: a cell per strategy and N.
 *
 * @param elapsed the whole run, warm-up included
 */
record LabResult(Workload workload, List<Integer> sizes, int latencyMs, List<Cell> cells, Duration elapsed) {

	/** The strategies in the order they ran. */
	public List<String> strategies() {
		return this.cells.stream().map(Cell::strategy).distinct().toList();
	}

	/** The cell of a strategy at N. */
	public Cell cell(String strategy, int n) {
		return this.cells.stream()
			.filter((cell) -> cell.strategy().equals(strategy) && cell.n() == n)
			.findFirst()
			.orElseThrow();
	}

	public boolean truncated() {
		return this.cells.stream().anyMatch(Cell::skipped);
	}

	/**
	 * The sizes at which the single JSON statement loaded the page clearly faster (by
	 * more than 10%, which is more than the noise of a shared machine) than the
	 * prefetches: where one round trip beats two or three.
	 */
	public List<Integer> jsonWins() {
		List<Integer> wins = new ArrayList<>();
		for (int n : this.sizes) {
			Cell json = cell("json", n);
			Cell optimized = cell("optimized", n);
			if (!json.skipped() && !optimized.skipped() && json.totalMs() < 0.9 * optimized.totalMs()) {
				wins.add(n);
			}
		}
		return wins;
	}

	/** The series the charts plot, by strategy: N, statements and milliseconds. */
	public Map<String, Object> chartData() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("sizes", this.sizes);
		Map<String, Object> series = new LinkedHashMap<>();
		for (String strategy : strategies()) {
			List<Object> statements = new ArrayList<>();
			List<Object> millis = new ArrayList<>();
			for (int n : this.sizes) {
				Cell cell = cell(strategy, n);
				statements.add(cell.skipped() ? null : cell.statements());
				millis.add(cell.skipped() ? null : Math.round(cell.totalMs() * 100) / 100.0);
			}
			series.put(strategy, Map.of("statements", statements, "ms", millis));
		}
		data.put("series", series);
		return data;
	}

	/**
	 * One strategy at one N.
	 *
	 * @param rows rows read from every result, look-ahead and duplicates included
	 * @param bytes an estimate of the values read
	 * @param duplicatedParentRows rows that repeat a parent already read (the Cartesian
	 * product's cost)
	 * @param sqlMs median time inside the driver, without injected latency
	 * @param totalMs median time of the whole load, latency included
	 * @param skipped not run: it would have overrun the time budget
	 */
	record Cell(String strategy, int n, int statements, long rows, long bytes, long duplicatedParentRows, double sqlMs,
			double totalMs, int runs, boolean skipped) {

		static Cell skipped(String strategy, int n) {
			return new Cell(strategy, n, 0, 0, 0, 0, 0, 0, 0, true);
		}

	}

}
