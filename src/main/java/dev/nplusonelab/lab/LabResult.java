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
	 * The sizes at which the single JSON statement loaded the page faster than the
	 * prefetches: where one round trip beats two or three.
	 */
	public List<Integer> jsonWins() {
		return sizesWhere(Call.JSON);
	}

	/**
	 * The sizes at which the prefetches loaded the page faster than the JSON statement.
	 */
	public List<Integer> prefetchWins() {
		return sizesWhere(Call.PREFETCHES);
	}

	/**
	 * The sizes at which the two were too close to call: their loads overlapped, or the
	 * medians were within 10% of each other.
	 */
	public List<Integer> tooClose() {
		return sizesWhere(Call.TOO_CLOSE);
	}

	private List<Integer> sizesWhere(Call call) {
		List<Integer> sizes = new ArrayList<>();
		for (int n : this.sizes) {
			if (call(cell("json", n), cell("optimized", n)) == call) {
				sizes.add(n);
			}
		}
		return sizes;
	}

	/**
	 * A winner is called only when it was faster in every load, not only in the median,
	 * and by more than 10%: two identical runs on a shared machine differ by that much,
	 * and a verdict read from medians alone flipped between them.
	 */
	static Call call(Cell json, Cell optimized) {
		if (json.skipped() || optimized.skipped()) {
			return Call.NOT_RUN;
		}
		if (json.slowestMs() < optimized.fastestMs() && json.totalMs() < 0.9 * optimized.totalMs()) {
			return Call.JSON;
		}
		if (optimized.slowestMs() < json.fastestMs() && optimized.totalMs() < 0.9 * json.totalMs()) {
			return Call.PREFETCHES;
		}
		return Call.TOO_CLOSE;
	}

	/**
	 * How far apart the loads of one cell were, as a share of its median: the largest
	 * spread of the run, which the page shows as its noise.
	 */
	public double noise() {
		return this.cells.stream()
			.filter((cell) -> !cell.skipped() && cell.runs() > 1 && cell.totalMs() > 0)
			.mapToDouble((cell) -> (cell.slowestMs() - cell.fastestMs()) / cell.totalMs())
			.max()
			.orElse(0);
	}

	/** Who was faster at one size. */
	enum Call {

		JSON, PREFETCHES, TOO_CLOSE, NOT_RUN

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
	 * @param fastestMs the fastest of its loads
	 * @param slowestMs the slowest of its loads
	 * @param skipped not run: it would have overrun the time budget
	 */
	record Cell(String strategy, int n, int statements, long rows, long bytes, long duplicatedParentRows, double sqlMs,
			double totalMs, double fastestMs, double slowestMs, int runs, boolean skipped) {

		static Cell skipped(String strategy, int n) {
			return new Cell(strategy, n, 0, 0, 0, 0, 0, 0, 0, 0, 0, true);
		}

	}

}
