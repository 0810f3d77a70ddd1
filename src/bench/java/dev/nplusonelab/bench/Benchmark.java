package dev.nplusonelab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import dev.nplusonelab.lab.LabStrategies;
import dev.nplusonelab.lab.LabStrategies.Loader;
import dev.nplusonelab.lab.Workload;

/**
 * Loads both workloads with every strategy at several N and latencies, on one database,
 * in one JVM, and prints Markdown tables (also written with a CSV under
 * {@code target/bench/}).
 * <p>
 * A small runner rather than JMH: a cell runs from 1 ms to tens of seconds (the naive
 * author list at N = 1000 with 1 ms latency), each run does I/O with a database that
 * shares the machine's two cores, and what matters is the median and the spread of whole
 * page loads, not nanosecond precision. For each workload, N and latency the runner runs
 * every strategy once, warms the fast ones up for half a time budget, then measures them
 * round-robin until each has spent its time budget and run at least 3 times (at most
 * 60), and reports the median and the 90th percentile. A strategy whose run takes over 4
 * s is measured once.
 * <p>
 * {@code ./mvnw -Pbench -DskipTests compile exec:java -Dbench.url=jdbc:postgresql://127.0.0.1:5432/perf_s1}
 * <p>
 * System properties: {@code bench.url}, {@code bench.user}, {@code bench.password},
 * {@code bench.sizes} (10,50,200,1000), {@code bench.latencies} (0,1 ms),
 * {@code bench.workloads} (books,authors), {@code bench.strategies} (all),
 * {@code bench.seconds} (time budget per cell, 1.5), {@code bench.batch} (Hibernate's
 * default_batch_fetch_size, 256), {@code bench.out} (target/bench).
 */
public final class Benchmark {

	/** Display order. */
	static final List<String> STRATEGIES = List.of("naive", "optimized", "jdbc", "json", "cartesian", "sdj",
			"sdj-single", "hibernate", "jooq");

	private static final int MIN_RUNS = 3;

	private static final int MAX_RUNS = 60;

	private static final double SLOW_RUN_MS = 4_000;

	private static final int WARM_UP_ROUNDS = 20;

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		String url = System.getProperty("bench.url", "jdbc:postgresql://127.0.0.1:5432/perf_s1");
		List<Integer> sizes = ints(System.getProperty("bench.sizes", "10,50,200,1000"));
		List<Integer> latencies = ints(System.getProperty("bench.latencies", "0,1"));
		List<Workload> workloads = Arrays.stream(System.getProperty("bench.workloads", "books,authors").split(","))
			.map((name) -> Workload.valueOf(name.strip().toUpperCase(Locale.ROOT)))
			.toList();
		List<String> strategies = Arrays
			.stream(System.getProperty("bench.strategies", String.join(",", STRATEGIES)).split(","))
			.map(String::strip)
			.toList();
		if (!strategies.contains("optimized") || !STRATEGIES.containsAll(strategies)) {
			throw new IllegalArgumentException("bench.strategies must name strategies among " + STRATEGIES
					+ ", optimized included: every other one is checked against its records");
		}
		double budgetMs = Double.parseDouble(System.getProperty("bench.seconds", "1.5")) * 1000;
		int batch = Integer.parseInt(System.getProperty("bench.batch", "256"));
		Path out = Path.of(System.getProperty("bench.out", "target/bench"));

		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(url);
			pool.setUsername(System.getProperty("bench.user", "postgres"));
			pool.setPassword(System.getProperty("bench.password", ""));
			pool.setMaximumPoolSize(2);
			Meter meter = new Meter();
			try (Contenders timed = new Contenders(meter.timed(pool), batch);
					Contenders accounting = new Contenders(meter.accounting(pool), batch)) {
				String machine = machine(pool);
				System.out.println(machine);
				List<Cell> cells = new ArrayList<>();
				Map<Workload, List<String>> mismatches = new LinkedHashMap<>();
				for (Workload workload : workloads) {
					mismatches.put(workload, verify(timed.of(workload, strategies), 50));
				}
				for (int latency : latencies) {
					for (Workload workload : workloads) {
						for (int n : sizes) {
							List<Cell> group = measureGroup(meter, workload, n, latency, strategies,
									timed.of(workload, strategies), accounting.of(workload, strategies), budgetMs);
							group.forEach((cell) -> System.out.println(cell.line()));
							cells.addAll(group);
						}
					}
				}
				String report = Report.markdown(machine, cells, sizes, latencies, workloads, strategies, mismatches);
				System.out.println(report);
				Files.createDirectories(out);
				Files.writeString(out.resolve("results.md"), report);
				Files.writeString(out.resolve("results.csv"), Report.csv(cells));
				System.out.println("Wrote " + out.resolve("results.md") + " and " + out.resolve("results.csv"));
			}
		}
	}

	/** Every strategy must load what the query layer loads, or its timing means nothing. */
	private static List<String> verify(Map<String, Loader> loaders, int n) {
		List<?> expected = loaders.get("optimized").load(n);
		List<String> wrong = new ArrayList<>();
		loaders.forEach((name, loader) -> {
			if (!loader.load(n).equals(expected)) {
				wrong.add(name);
				System.out.println("MISMATCH: " + name + " does not load what 'optimized' loads at N=" + n);
			}
		});
		return wrong;
	}

	/**
	 * Every strategy at one workload, N and latency. The runs go round-robin, one run of
	 * each strategy per round, so a burst of load from elsewhere on the machine hits all
	 * of them alike instead of whichever happened to be measured then.
	 */
	private static List<Cell> measureGroup(Meter meter, Workload workload, int n, int latency,
			List<String> strategies, Map<String, Loader> timed, Map<String, Loader> accounting, double budgetMs) {
		Map<String, long[]> counts = new LinkedHashMap<>();
		meter.latency(0);
		for (String strategy : strategies) {
			meter.reset();
			List<?> rows = accounting.get(strategy).load(n);
			long duplicated = strategy.equals("cartesian") ? meter.rows() - rows.size() : 0;
			counts.put(strategy, new long[] { meter.statements(), meter.rows(), meter.bytes(), duplicated });
		}
		meter.latency(latency);
		Map<String, List<double[]>> runs = new LinkedHashMap<>();
		Map<String, Double> spent = new LinkedHashMap<>();
		for (String strategy : strategies) {
			double first = run(meter, timed.get(strategy), n)[0];
			runs.put(strategy, new ArrayList<>());
			// A slow strategy is warm after one run; it is measured once more and left.
			spent.put(strategy, (first > SLOW_RUN_MS) ? Double.MAX_VALUE : 0.0);
		}
		// Warm-up rounds for the fast ones, then measured rounds.
		round(meter, timed, n, runs, spent, budgetMs / 2, false);
		spent.replaceAll((strategy, time) -> (time == Double.MAX_VALUE) ? time : 0.0);
		round(meter, timed, n, runs, spent, budgetMs, true);
		runs.forEach((strategy, measured) -> {
			if (measured.isEmpty()) {
				measured.add(run(meter, timed.get(strategy), n));
			}
		});
		meter.latency(0);
		List<Cell> cells = new ArrayList<>();
		for (String strategy : strategies) {
			List<double[]> measured = runs.get(strategy);
			double[] totals = measured.stream().mapToDouble((r) -> r[0]).sorted().toArray();
			double[] sql = measured.stream().mapToDouble((r) -> r[1]).sorted().toArray();
			long[] count = counts.get(strategy);
			cells.add(new Cell(workload, strategy, n, latency, count[0], count[1], count[2], count[3],
					percentile(sql, 0.5), percentile(totals, 0.5), percentile(totals, 0.9), measured.size()));
		}
		return cells;
	}

	private static void round(Meter meter, Map<String, Loader> loaders, int n, Map<String, List<double[]>> runs,
			Map<String, Double> spent, double budgetMs, boolean keep) {
		boolean more = true;
		int round = 0;
		while (more) {
			more = false;
			round++;
			for (Map.Entry<String, Loader> entry : loaders.entrySet()) {
				String strategy = entry.getKey();
				if (spent.get(strategy) == Double.MAX_VALUE) {
					continue;
				}
				List<double[]> measured = runs.get(strategy);
				boolean enough = spent.get(strategy) >= budgetMs && (!keep || measured.size() >= MIN_RUNS);
				if (enough || (keep ? measured.size() >= MAX_RUNS : round > WARM_UP_ROUNDS)) {
					continue;
				}
				double[] result = run(meter, entry.getValue(), n);
				if (keep) {
					measured.add(result);
				}
				spent.put(strategy, spent.get(strategy) + result[0]);
				more = true;
			}
		}
	}

	/** One load: total milliseconds and milliseconds inside the driver. */
	private static double[] run(Meter meter, Loader loader, int n) {
		meter.reset();
		long started = System.nanoTime();
		loader.load(n);
		long total = System.nanoTime() - started;
		return new double[] { total / 1e6, meter.sqlNanos() / 1e6 };
	}

	private static double percentile(double[] sorted, double p) {
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static List<Integer> ints(String csv) {
		return Arrays.stream(csv.split(",")).map(String::strip).map(Integer::valueOf).toList();
	}

	private static String machine(DataSource dataSource) throws SQLException, IOException {
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((line) -> line.startsWith("model name"))
			.findFirst()
			.map((line) -> line.substring(line.indexOf(':') + 1).strip())
			.orElse("unknown CPU");
		long memoryGb = Files.readAllLines(Path.of("/proc/meminfo"))
			.stream()
			.filter((line) -> line.startsWith("MemTotal"))
			.findFirst()
			.map((line) -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024)
			.orElse(0L);
		try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
				var resultSet = statement.executeQuery("""
						SELECT current_setting('server_version'), (SELECT count(*) FROM book),
						       (SELECT count(*) FROM author), (SELECT count(*) FROM review)
						""")) {
			resultSet.next();
			return String.format(Locale.ROOT,
					"Machine: %d cores (%s), %d GB RAM; Java %s; PostgreSQL %s at %s; %,d books, %,d authors, %,d reviews",
					Runtime.getRuntime().availableProcessors(), cpu, memoryGb, System.getProperty("java.version"),
					resultSet.getString(1), connection.getMetaData().getURL(), resultSet.getLong(2),
					resultSet.getLong(3), resultSet.getLong(4));
		}
	}

	/** One measured combination. */
	record Cell(Workload workload, String strategy, int n, int latencyMs, long statements, long rows, long bytes,
			long duplicatedRows, double sqlMs, double totalMs, double totalP90Ms, int runs) {

		String line() {
			return String.format(Locale.ROOT,
					"%-8s %-10s N=%-5d latency=%dms  %6d statements %8d rows %9d bytes %7d dup  sql %9.2f ms  total %9.2f ms (p90 %9.2f, %d runs)",
					this.workload.key(), this.strategy, this.n, this.latencyMs, this.statements, this.rows, this.bytes,
					this.duplicatedRows, this.sqlMs, this.totalMs, this.totalP90Ms, this.runs);
		}

	}

	/** Every strategy for one DataSource. */
	private static final class Contenders implements AutoCloseable {

		private final LabStrategies lab;

		private final HandJdbc jdbc;

		private final HibernateStrategies hibernate;

		private final JooqStrategies jooq;

		private final Map<Workload, Map<String, Loader>> loaders = new LinkedHashMap<>();

		Contenders(DataSource dataSource, int batch) {
			this.lab = new LabStrategies(dataSource);
			this.jdbc = new HandJdbc(dataSource);
			this.hibernate = new HibernateStrategies(dataSource, batch);
			this.jooq = new JooqStrategies(dataSource);
		}

		Map<String, Loader> of(Workload workload, List<String> names) {
			return this.loaders.computeIfAbsent(workload, (key) -> {
				Map<String, Loader> all = new LinkedHashMap<>(this.lab.of(workload));
				boolean books = workload == Workload.BOOKS;
				all.put("jdbc", (n) -> books ? this.jdbc.books(n) : this.jdbc.authors(n));
				all.put("hibernate", (n) -> books ? this.hibernate.books(n) : this.hibernate.authors(n));
				all.put("jooq", (n) -> books ? this.jooq.books(n) : this.jooq.authors(n));
				return names.stream()
					.collect(Collectors.toMap((name) -> name, all::get, (a, b) -> a, LinkedHashMap::new));
			});
		}

		@Override
		public void close() {
			this.lab.close();
			this.hibernate.close();
		}

	}


}
