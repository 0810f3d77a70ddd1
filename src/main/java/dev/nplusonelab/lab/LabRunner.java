package dev.nplusonelab.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.system.StrictNumbers;

/**
 * Runs a bounded matrix of strategies × N for one workload, in the application, counting
 * with the same statement listener as every page. One run at a time: two runs would time
 * each other on a two-core machine, and a run can take seconds.
 */
@Component
class LabRunner {

	/** The largest N a run may ask for. */
	static final int MAX_N = 500;

	static final int MAX_SIZES = 6;

	static final int MAX_LATENCY_MS = 5;

	/**
	 * A run stops starting cells once this is spent, and skips a cell its predecessors
	 * say would overrun it.
	 */
	static final Duration TIME_BUDGET = Duration.ofSeconds(20);

	/**
	 * Runs of a cell whose first run is fast, to take the median and the range of: five,
	 * so that a verdict can ask for one strategy to win every load.
	 */
	private static final int REPEATS = 5;

	private static final double FAST_RUN_MS = 200;

	private static final int PROBE_N = 5;

	private final DataSource dataSource;

	private final @Nullable SqlCapture capture;

	private final AtomicBoolean running = new AtomicBoolean();

	private volatile @Nullable LabStrategies strategies;

	LabRunner(DataSource dataSource, ObjectProvider<SqlCapture> capture) {
		this.dataSource = dataSource;
		this.capture = capture.getIfAvailable();
	}

	/**
	 * Whether a run can count statements: not with {@code nplusone.enabled=false}, which
	 * leaves no statement listener.
	 */
	boolean counts() {
		return this.capture != null;
	}

	/**
	 * Runs the matrix, or answers 409 when another run holds the lab.
	 */
	LabResult run(Workload workload, List<Integer> sizes, int latencyMs) {
		if (!this.running.compareAndSet(false, true)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"Another lab run is in progress. Runs take turns so they do not time each other; "
							+ "try again in a few seconds.");
		}
		try {
			return runAlone(workload, sizes, latencyMs);
		}
		finally {
			this.running.set(false);
		}
	}

	/** Holds the lab as a run would, so a test can see a second run refused. */
	AutoCloseable hold() {
		if (!this.running.compareAndSet(false, true)) {
			throw new IllegalStateException("The lab is already held");
		}
		return () -> this.running.set(false);
	}

	private LabResult runAlone(Workload workload, List<Integer> sizes, int latencyMs) {
		Map<String, LabStrategies.Loader> loaders = strategies().of(workload);
		long started = System.nanoTime();
		long deadline = started + TIME_BUDGET.toNanos();
		List<LabResult.Cell> cells = new ArrayList<>();
		// One load per strategy at a small N, without latency: it warms up class loading
		// and the JIT, and its time and statement count predict the larger cells.
		int probe = Math.min(PROBE_N, sizes.get(0));
		Map<String, double[]> last = new HashMap<>();
		loaders.forEach((strategy, loader) -> {
			Run run = once(loader, probe, 0);
			last.put(strategy, new double[] { probe, run.totalMs() + run.statements() * (double) latencyMs });
		});
		for (int n : sizes) {
			for (Map.Entry<String, LabStrategies.Loader> entry : loaders.entrySet()) {
				String strategy = entry.getKey();
				double[] previous = last.get(strategy);
				boolean skippedBefore = previous[0] < 0;
				double predictedMs = skippedBefore ? Double.MAX_VALUE : previous[1] * n / previous[0];
				if (System.nanoTime() + predictedMs * 1_000_000 > deadline) {
					cells.add(LabResult.Cell.skipped(strategy, n));
					last.put(strategy, new double[] { -1, 0 });
					continue;
				}
				LabResult.Cell cell = measure(strategy, entry.getValue(), n, latencyMs, deadline);
				cells.add(cell);
				last.put(strategy, new double[] { n, cell.totalMs() });
			}
		}
		return new LabResult(workload, sizes, latencyMs, cells, Duration.ofNanos(System.nanoTime() - started));
	}

	private LabResult.Cell measure(String strategy, LabStrategies.Loader loader, int n, int latencyMs, long deadline) {
		List<Run> runs = new ArrayList<>();
		do {
			runs.add(once(loader, n, latencyMs));
		}
		while (runs.size() < REPEATS && runs.get(0).totalMs() < FAST_RUN_MS && System.nanoTime() < deadline);
		Run first = runs.get(0);
		double[] totals = runs.stream().mapToDouble(Run::totalMs).sorted().toArray();
		double[] sql = runs.stream().mapToDouble(Run::sqlMs).sorted().toArray();
		long duplicated = strategy.equals("cartesian") ? first.rows() - first.loaded() : 0;
		return new LabResult.Cell(strategy, n, first.statements(), first.rows(), first.bytes(), duplicated,
				sql[sql.length / 2], totals[totals.length / 2], totals[0], totals[totals.length - 1], runs.size(),
				false);
	}

	private Run once(LabStrategies.Loader loader, int n, int latencyMs) {
		int[] loaded = new int[1];
		long started = System.nanoTime();
		SqlCapture capture = this.capture;
		if (capture == null) {
			throw new IllegalStateException("Lab runs need the SQL diagnostics (nplusone.enabled)");
		}
		RequestReport report = capture.capture(() -> {
			capture.injectLatency(Duration.ofMillis(latencyMs));
			loaded[0] = loader.load(n).size();
		});
		double totalMs = (System.nanoTime() - started) / 1e6;
		List<StatementRecord> statements = report.statements();
		long rows = statements.stream().mapToLong((statement) -> statement.fetched().rows()).sum();
		long bytes = statements.stream().mapToLong((statement) -> statement.fetched().bytes()).sum();
		return new Run(report.statementCount(), rows, bytes, loaded[0], report.sqlTime().toNanos() / 1e6, totalMs);
	}

	private LabStrategies strategies() {
		LabStrategies strategies = this.strategies;
		if (strategies == null) {
			// Two small Spring Data JDBC contexts: started on the first run, not with the
			// application.
			strategies = new LabStrategies(this.dataSource);
			this.strategies = strategies;
		}
		return strategies;
	}

	@PreDestroy
	void close() {
		LabStrategies strategies = this.strategies;
		if (strategies != null) {
			strategies.close();
		}
	}

	/**
	 * Parses {@code 10,50,200}: 1 to {@value #MAX_SIZES} sizes, each 1 to
	 * {@value #MAX_N}, ascending.
	 */
	static List<Integer> sizes(String text) {
		List<Integer> sizes = new ArrayList<>();
		for (String part : text.split(",", -1)) {
			try {
				String size = part.strip();
				if (!StrictNumbers.isWholeNumber(size)) {
					throw new NumberFormatException(size);
				}
				sizes.add(Integer.parseInt(size));
			}
			catch (NumberFormatException ex) {
				throw new dev.nplusonelab.system.BadRequestException(
						"sizes must be whole numbers separated by commas, such as 10,50,200.");
			}
		}
		if (sizes.isEmpty() || sizes.size() > MAX_SIZES) {
			throw new dev.nplusonelab.system.BadRequestException("Give 1 to " + MAX_SIZES + " sizes.");
		}
		for (int n : sizes) {
			if (n < 1 || n > MAX_N) {
				throw new dev.nplusonelab.system.BadRequestException(
						"Each size must be from 1 to " + MAX_N + ", not " + n + ".");
			}
		}
		return Arrays.stream(sizes.stream().mapToInt(Integer::intValue).distinct().sorted().toArray()).boxed().toList();
	}

	private record Run(int statements, long rows, long bytes, int loaded, double sqlMs, double totalMs) {
	}

}
