package dev.nplusonelab.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.nplusonelab.bench.Benchmark.Cell;
import dev.nplusonelab.lab.Workload;

/** The benchmark's Markdown tables and CSV. */
final class Report {

	private Report() {
	}

	static String markdown(String machine, List<Cell> cells, List<Integer> sizes, List<Integer> latencies,
			List<Workload> workloads, List<String> strategies, Map<Workload, List<String>> mismatches) {
		StringBuilder md = new StringBuilder("# N+1 Lab benchmark\n\n").append(machine).append("\n\n");
		md.append("Each cell: statements · median total ms per page load (90th percentile). Total time includes the ")
			.append("injected latency (a sleep before each statement); SQL time in the detail table is the time ")
			.append("inside the driver, without it.\n");
		mismatches.forEach((workload, wrong) -> {
			if (!wrong.isEmpty()) {
				md.append("\n**Not equal to the query layer's result (")
					.append(workload.label())
					.append("): ")
					.append(wrong)
					.append("**\n");
			}
		});
		for (int latency : latencies) {
			for (Workload workload : workloads) {
				md.append("\n## ").append(workload.label()).append(", ").append(latency).append(" ms latency\n\n");
				md.append("| strategy |");
				sizes.forEach((n) -> md.append(" N=").append(n).append(" |"));
				md.append("\n|---|");
				sizes.forEach((n) -> md.append("---:|"));
				md.append('\n');
				for (String strategy : strategies) {
					md.append("| ").append(strategy).append(" |");
					for (int n : sizes) {
						find(cells, workload, strategy, n, latency).ifPresentOrElse(
								(cell) -> md.append(String.format(Locale.ROOT, " %d · %s (%s) |", cell.statements(),
										ms(cell.totalMs()), ms(cell.totalP90Ms()))),
								() -> md.append(" – |"));
					}
					md.append('\n');
				}
			}
		}
		int detailN = sizes.contains(50) ? 50 : sizes.get(0);
		md.append("\n## Detail at N=").append(detailN).append("\n\n");
		md.append("| workload | latency | strategy | statements | rows read | ~KB read | duplicated parent rows | ")
			.append("SQL ms | total ms | p90 ms | runs |\n|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Workload workload : workloads) {
			for (int latency : latencies) {
				for (String strategy : strategies) {
					find(cells, workload, strategy, detailN, latency)
						.ifPresent((cell) -> md.append(String.format(Locale.ROOT,
								"| %s | %d ms | %s | %d | %d | %.1f | %d | %s | %s | %s | %d |\n", workload.label(),
								latency, strategy, cell.statements(), cell.rows(), cell.bytes() / 1024.0,
								cell.duplicatedRows(), ms(cell.sqlMs()), ms(cell.totalMs()), ms(cell.totalP90Ms()),
								cell.runs())));
				}
			}
		}
		md.append("\n## Targets\n\n");
		for (Workload workload : workloads) {
			for (int latency : latencies) {
				Optional<Cell> naive = find(cells, workload, "naive", detailN, latency);
				Optional<Cell> optimized = find(cells, workload, "optimized", detailN, latency);
				if (naive.isPresent() && optimized.isPresent()) {
					md.append(String.format(Locale.ROOT, "- %s, N=%d, %d ms: naive / optimized = %.1f×%n",
							workload.label(), detailN, latency, naive.get().totalMs() / optimized.get().totalMs()));
				}
			}
		}
		md.append("\nQuery layer over hand-written JDBC (same SQL), median total time:\n\n");
		for (Workload workload : workloads) {
			for (int latency : latencies) {
				StringBuilder line = new StringBuilder();
				for (int n : sizes) {
					Optional<Cell> layer = find(cells, workload, "optimized", n, latency);
					Optional<Cell> jdbc = find(cells, workload, "jdbc", n, latency);
					if (layer.isPresent() && jdbc.isPresent()) {
						line.append(String.format(Locale.ROOT, " N=%d: %+.1f%%;", n,
								(layer.get().totalMs() / jdbc.get().totalMs() - 1) * 100));
					}
				}
				if (!line.isEmpty()) {
					md.append("- ").append(workload.label()).append(", ").append(latency).append(" ms:").append(line)
						.append('\n');
				}
			}
		}
		return md.toString();
	}

	static String csv(List<Cell> cells) {
		StringBuilder csv = new StringBuilder(
				"workload,strategy,n,latency_ms,statements,rows,bytes,duplicated_parent_rows,sql_ms_median,total_ms_median,total_ms_p90,runs\n");
		for (Cell cell : cells) {
			csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%d,%d,%.3f,%.3f,%.3f,%d%n", cell.workload().key(),
					cell.strategy(), cell.n(), cell.latencyMs(), cell.statements(), cell.rows(), cell.bytes(),
					cell.duplicatedRows(), cell.sqlMs(), cell.totalMs(), cell.totalP90Ms(), cell.runs()));
		}
		return csv.toString();
	}

	private static Optional<Cell> find(List<Cell> cells, Workload workload, String strategy, int n, int latency) {
		return cells.stream()
			.filter((cell) -> cell.workload() == workload && cell.strategy().equals(strategy) && cell.n() == n
					&& cell.latencyMs() == latency)
			.findFirst();
	}

	private static String ms(double ms) {
		return (ms >= 100) ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
	}

}
