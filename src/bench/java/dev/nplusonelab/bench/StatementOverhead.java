package dev.nplusonelab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

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
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;

/**
 * What the starter costs per statement, step by step: the same lookups by id through the
 * same {@code JdbcClient}, on a plain pool and on pools the starter wrapped, each step
 * adding one part of what a request pays for:
 * <ol>
 * <li>capture alone: the proxy, the timing and the statement's record in the report;</li>
 * <li>plus fingerprinting: the shape of every statement, which the detector groups by;</li>
 * <li>plus the detector, run on the report as the web filter runs it after every
 * request;</li>
 * <li>plus call sites, found for every statement (as for a request someone watches, or
 * every sampled one), once with {@value #PLUMBING} frames of the application's plumbing
 * between its line and the driver, about what a Spring Data repository call under Spring
 * MVC puts there, and once with none.</li>
 * </ol>
 * Each "request" is a report of {@value #PER_REQUEST} statements. An unwatched request
 * that the call-site sampling passed over pays up to the detector.
 * <p>
 * The steps run round-robin in one JVM, each on its own small pool. The figure that
 * matters is the CPU time of the calling thread: the database works in another process,
 * so what the thread spends is the driver's work plus the starter's, and the difference
 * to the plain pool is the starter's. Wall time per statement is printed next to it.
 * <pre>
 * ./mvnw -Pbench -DskipTests compile exec:java -Dbench.main=dev.nplusonelab.bench.StatementOverhead \
 *     -Dbench.url=jdbc:postgresql://127.0.0.1:5432/perf_s1
 * </pre>
 * Options: {@code bench.rounds} (20, plus 5 to warm up), {@code bench.requests} per round
 * and step (20).
 */
public final class StatementOverhead {

	static final int PER_REQUEST = 100;

	/** Frames of plumbing between the application's line and {@code JdbcClient}. */
	static final int PLUMBING = 40;

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
		List<ConfigurableApplicationContext> contexts = new ArrayList<>();
		try {
			ConfigurableApplicationContext plain = start(contexts, url, user, password, "nplusone.enabled=false");
			ConfigurableApplicationContext noCallSites = start(contexts, url, user, password,
					"nplusone.call-sites.enabled=false");
			ConfigurableApplicationContext callSites = start(contexts, url, user, password);
			List<Step> steps = List.of(new Step("plain pool (nplusone.enabled=false)", plain, After.NOTHING, PLUMBING),
					new Step("capture alone", noCallSites, After.NOTHING, PLUMBING),
					new Step("+ fingerprinting", noCallSites, After.FINGERPRINTS, PLUMBING),
					new Step("+ detector", noCallSites, After.DETECTOR, PLUMBING),
					new Step("+ call sites, " + PLUMBING + " frames of plumbing", callSites, After.DETECTOR, PLUMBING),
					new Step("+ call sites, no plumbing", callSites, After.DETECTOR, 0));
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			for (int round = 0; round < warmUp + rounds; round++) {
				for (Step step : steps) {
					long cpu = threads.getCurrentThreadCpuTime();
					long wall = System.nanoTime();
					for (int request = 0; request < requests; request++) {
						step.request(request);
					}
					if (round >= warmUp) {
						long statements = (long) requests * PER_REQUEST;
						step.cpu.add((threads.getCurrentThreadCpuTime() - cpu) / (double) statements);
						step.wall.add((System.nanoTime() - wall) / (double) statements);
					}
				}
			}
			print(steps, rounds, requests);
		}
		finally {
			contexts.forEach(ConfigurableApplicationContext::close);
		}
	}

	private static void print(List<Step> steps, int rounds, int requests) {
		System.out.printf(Locale.ROOT, "%n%d rounds × %d requests × %d statements per step, %s%n%n", rounds, requests,
				PER_REQUEST, Runtime.version());
		System.out.println("| step | CPU µs per statement (median, p10–p90) | over the plain pool | over the step before | "
				+ "wall µs per statement (median) |");
		System.out.println("|---|---|---|---|---|");
		double baseline = median(steps.get(0).cpu);
		double before = baseline;
		for (Step step : steps) {
			double cpu = median(step.cpu);
			boolean first = step == steps.get(0);
			String over = first ? "—"
					: String.format(Locale.ROOT, "+%.1f µs (+%.0f%%)", (cpu - baseline) / 1000,
							100 * (cpu - baseline) / baseline);
			String overBefore = first ? "—" : String.format(Locale.ROOT, "%+.1f µs", (cpu - before) / 1000);
			System.out.printf(Locale.ROOT, "| %s | %.1f (%.1f–%.1f) | %s | %s | %.1f |%n", step.name, cpu / 1000,
					percentile(step.cpu, 10) / 1000, percentile(step.cpu, 90) / 1000, over, overBefore,
					median(step.wall) / 1000);
			// The last row is the first one again with less stack, not a step after it.
			before = step.plumbing == 0 ? before : cpu;
		}
	}

	private static double median(List<Double> values) {
		return percentile(values, 50);
	}

	private static double percentile(List<Double> values, int percent) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted[(int) Math.min(sorted.length - 1, Math.round(percent / 100.0 * (sorted.length - 1)))];
	}

	private static ConfigurableApplicationContext start(List<ConfigurableApplicationContext> contexts, String url,
			String user, String password, String... properties) {
		List<String> all = new ArrayList<>(Arrays.asList(properties));
		all.add("bench.pool.url=" + url);
		all.add("bench.pool.user=" + user);
		all.add("bench.pool.password=" + password);
		all.add("nplusone.application-packages=dev.nplusonelab.bench");
		all.add("nplusone.call-sites.skip=" + Plumbing.class.getName());
		all.add("spring.main.banner-mode=off");
		all.add("logging.level.root=warn");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Pool.class).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
		contexts.add(context);
		return context;
	}

	/** What a step does with the report once its statements ran. */
	private enum After {

		NOTHING, FINGERPRINTS, DETECTOR

	}

	/** One step: a pool, wrapped or not, and what runs a request on it. */
	private static final class Step {

		final String name;

		final JdbcClient jdbc;

		final @Nullable SqlCapture capture;

		final @Nullable SqlDiagnostics diagnostics;

		final After after;

		final int plumbing;

		final List<Double> cpu = new ArrayList<>();

		final List<Double> wall = new ArrayList<>();

		Step(String name, ConfigurableApplicationContext context, After after, int plumbing) {
			this.name = name;
			this.jdbc = JdbcClient.create(context.getBean(DataSource.class));
			this.capture = context.getBeanProvider(SqlCapture.class).getIfAvailable();
			this.diagnostics = context.getBeanProvider(SqlDiagnostics.class).getIfAvailable();
			this.after = after;
			this.plumbing = plumbing;
		}

		/** {@value #PER_REQUEST} lookups, in a report of their own where the starter runs. */
		void request(int request) {
			SqlCapture capture = this.capture;
			if (capture == null) {
				lookUp(request);
				return;
			}
			RequestReport report = capture.begin("GET", "/bench", Duration.ZERO, Duration.ZERO);
			try {
				lookUp(request);
			}
			finally {
				capture.end();
			}
			if (report.statementCount() != PER_REQUEST) {
				throw new IllegalStateException(this.name + ": " + report.statementCount() + " statements counted");
			}
			switch (this.after) {
				case FINGERPRINTS -> {
					int taken = 0;
					for (StatementRecord statement : report.statements()) {
						taken += statement.fingerprint().isEmpty() ? 0 : 1;
					}
					if (taken != PER_REQUEST) {
						throw new IllegalStateException(this.name + ": " + taken + " fingerprints taken");
					}
				}
				case DETECTOR -> {
					// The detector must see what it is timed on.
					if (this.diagnostics.findings(report).isEmpty()) {
						throw new IllegalStateException(this.name + ": no finding in " + PER_REQUEST + " lookups by id");
					}
				}
				case NOTHING -> {
				}
			}
		}

		private void lookUp(int request) {
			for (int i = 0; i < PER_REQUEST; i++) {
				long id = 1 + (request * PER_REQUEST + i) % 10_000;
				Plumbing.down(this.plumbing, () -> this.jdbc.sql(SQL)
					.param(id)
					.query((rs, row) -> rs.getString(2) + rs.getLong(3))
					.single());
			}
		}

	}

	/**
	 * The application's own plumbing, which nplusone.call-sites.skip names: the walk
	 * passes over its frames to the line that called it, as it passes over a repository's
	 * proxies and interceptors.
	 */
	static final class Plumbing {

		private Plumbing() {
		}

		static <T> T down(int frames, Supplier<T> call) {
			return (frames == 0) ? call.get() : down(frames - 1, call);
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
