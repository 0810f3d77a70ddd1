package dev.nplusonelab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.nplusonelab.diagnostics.autoconfigure.NPlusOneAutoConfiguration;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;

/**
 * What the starter costs per statement: the same lookups by id through the same
 * {@code JdbcClient}, once on a plain pool and once on a pool the starter wrapped, with
 * its default settings, with call-site capture switched off, and with the byte counting
 * the lab turns on. Each "request" is a report of {@value #PER_REQUEST} statements that
 * the detector then reads, as the web filter does after every request.
 * <p>
 * The variants run round-robin in one JVM, each on its own small pool. The figure that
 * matters is the CPU time of the calling thread: the database works in another process,
 * so what the thread spends is the driver's work plus the starter's, and the difference
 * to the plain pool is the starter's. Wall time per statement is printed next to it.
 * <pre>
 * ./mvnw -Pbench -DskipTests compile exec:java -Dbench.main=dev.nplusonelab.bench.StatementOverhead \
 *     -Dbench.url=jdbc:postgresql://127.0.0.1:5432/perf_s1
 * </pre>
 * Options: {@code bench.rounds} (20, plus 5 to warm up), {@code bench.requests} per round
 * and variant (20).
 */
public final class StatementOverhead {

	static final int PER_REQUEST = 100;

	private static final String SQL = "SELECT id, title, author_id, category_id FROM book WHERE id = ?";

	private StatementOverhead() {
	}

	public static void main(String[] args) {
		String url = System.getProperty("bench.url", "jdbc:postgresql://127.0.0.1:5432/perf_s1");
		String user = System.getProperty("bench.user", "postgres");
		String password = System.getProperty("bench.password", "");
		int rounds = Integer.getInteger("bench.rounds", 20);
		int warmUp = 5;
		int requests = Integer.getInteger("bench.requests", 20);
		Map<String, String[]> settings = new LinkedHashMap<>();
		settings.put("without the starter (nplusone.enabled=false)", new String[] { "nplusone.enabled=false" });
		settings.put("starter, default settings", new String[] {});
		settings.put("starter, call sites off", new String[] { "nplusone.call-sites.enabled=false" });
		settings.put("starter, byte counting on (the lab's setting)", new String[] { "nplusone.result-set.bytes=true" });
		List<Variant> variants = new ArrayList<>();
		try {
			settings.forEach((name, properties) -> variants.add(Variant.start(name, url, user, password, properties)));
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			for (int round = 0; round < warmUp + rounds; round++) {
				for (Variant variant : variants) {
					long cpu = threads.getCurrentThreadCpuTime();
					long wall = System.nanoTime();
					for (int request = 0; request < requests; request++) {
						variant.request(request);
					}
					if (round >= warmUp) {
						long statements = (long) requests * PER_REQUEST;
						variant.cpu.add((threads.getCurrentThreadCpuTime() - cpu) / (double) statements);
						variant.wall.add((System.nanoTime() - wall) / (double) statements);
					}
				}
			}
			print(variants, rounds, requests);
		}
		finally {
			variants.forEach(Variant::close);
		}
	}

	private static void print(List<Variant> variants, int rounds, int requests) {
		System.out.printf(Locale.ROOT, "%n%d rounds × %d requests × %d statements per variant, %s%n%n", rounds, requests,
				PER_REQUEST, Runtime.version());
		System.out.println("| variant | CPU µs per statement (median, p10–p90) | over the plain pool | "
				+ "wall µs per statement (median) |");
		System.out.println("|---|---|---|---|");
		double baseline = median(variants.get(0).cpu);
		for (Variant variant : variants) {
			double cpu = median(variant.cpu);
			String extra = (variant == variants.get(0)) ? "—"
					: String.format(Locale.ROOT, "+%.1f µs (+%.0f%%)", (cpu - baseline) / 1000,
							100 * (cpu - baseline) / baseline);
			System.out.printf(Locale.ROOT, "| %s | %.1f (%.1f–%.1f) | %s | %.1f |%n", variant.name, cpu / 1000,
					percentile(variant.cpu, 10) / 1000, percentile(variant.cpu, 90) / 1000, extra,
					median(variant.wall) / 1000);
		}
	}

	private static double median(List<Double> values) {
		return percentile(values, 50);
	}

	private static double percentile(List<Double> values, int percent) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted[(int) Math.min(sorted.length - 1, Math.round(percent / 100.0 * (sorted.length - 1)))];
	}

	/** One pool, wrapped or not, and what runs a request on it. */
	private static final class Variant {

		final String name;

		final ConfigurableApplicationContext context;

		final JdbcClient jdbc;

		final SqlCapture capture;

		final SqlDiagnostics diagnostics;

		final List<Double> cpu = new ArrayList<>();

		final List<Double> wall = new ArrayList<>();

		private Variant(String name, ConfigurableApplicationContext context) {
			this.name = name;
			this.context = context;
			this.jdbc = JdbcClient.create(context.getBean(DataSource.class));
			this.capture = context.getBeanProvider(SqlCapture.class).getIfAvailable();
			this.diagnostics = context.getBeanProvider(SqlDiagnostics.class).getIfAvailable();
		}

		static Variant start(String name, String url, String user, String password, String[] properties) {
			List<String> all = new ArrayList<>(Arrays.asList(properties));
			all.add("bench.pool.url=" + url);
			all.add("bench.pool.user=" + user);
			all.add("bench.pool.password=" + password);
			all.add("nplusone.application-packages=dev.nplusonelab.bench");
			all.add("spring.main.banner-mode=off");
			all.add("logging.level.root=warn");
			ConfigurableApplicationContext context = new SpringApplicationBuilder(Pool.class)
				.web(WebApplicationType.NONE)
				.properties(all.toArray(String[]::new))
				.run();
			return new Variant(name, context);
		}

		/** {@value #PER_REQUEST} lookups, in a report of their own where the starter runs. */
		void request(int request) {
			if (this.capture == null) {
				lookUp(request);
				return;
			}
			RequestReport report = this.capture.begin("GET", "/bench", Duration.ZERO, Duration.ZERO);
			try {
				lookUp(request);
			}
			finally {
				this.capture.end();
			}
			// The detector runs as after every request, and must see what it is timed on.
			if (this.diagnostics.findings(report).isEmpty()) {
				throw new IllegalStateException(this.name + ": no finding in " + PER_REQUEST + " lookups by id");
			}
		}

		private void lookUp(int request) {
			for (int i = 0; i < PER_REQUEST; i++) {
				long id = 1 + (request * PER_REQUEST + i) % 10_000;
				this.jdbc.sql(SQL).param(id).query((rs, row) -> rs.getString(2) + rs.getLong(3)).single();
			}
		}

		void close() {
			this.context.close();
		}

	}

	/** A plain Hikari pool; the starter's auto-configuration wraps it unless switched off. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(NPlusOneAutoConfiguration.class)
	static class Pool {

		@Bean
		HikariDataSource dataSource(org.springframework.core.env.Environment environment) {
			HikariDataSource pool = new HikariDataSource();
			pool.setJdbcUrl(environment.getRequiredProperty("bench.pool.url"));
			pool.setUsername(environment.getRequiredProperty("bench.pool.user"));
			pool.setPassword(environment.getProperty("bench.pool.password", ""));
			pool.setMaximumPoolSize(2);
			return pool;
		}

	}

}
