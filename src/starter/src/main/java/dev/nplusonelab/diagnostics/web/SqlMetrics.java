package dev.nplusonelab.diagnostics.web;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.Violation;

/**
 * Publishes each request's report to Micrometer, tagged with the route template and the
 * tags the application contributes ({@link SqlReportTags}), so Prometheus or Grafana can
 * compare pages. Metrics are recorded for every request, whoever sent it.
 */
public final class SqlMetrics implements MeterBinder {

	/** Statements per request: a distribution summary. */
	public static final String STATEMENTS = "app.sql.statements";

	/** Driver time of the statements of one request: a timer. */
	public static final String TIME = "app.sql.time";

	/** Potential N+1 findings: a counter. */
	public static final String NPLUSONE = "app.sql.nplusone";

	/** Requests over their {@link StatementBudget}: a counter. */
	public static final String BUDGET_VIOLATIONS = "app.sql.budget.violations";

	/** Statements that belonged to no request: a counter. */
	public static final String UNATTRIBUTED = "app.sql.statements.unattributed";

	private static final double[] STATEMENT_BUCKETS = { 1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000 };

	/**
	 * Routes are templates and tags come from a few values, so a normal application has a
	 * few hundred sets at most; past this many, meters are looked up per request again.
	 */
	private static final int CACHED_TAG_SETS = 4096;

	/** Per registry, weakly: a test context's registry goes away with the context. */
	private static final Map<MeterRegistry, Map<MeterKey, Meters>> METERS = Collections
		.synchronizedMap(new WeakHashMap<>());

	private final SqlCapture capture;

	public SqlMetrics(SqlCapture capture) {
		this.capture = capture;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder(UNATTRIBUTED, this.capture, SqlCapture::unattributedStatements)
			.description("JDBC statements that ran on a thread serving no request (start-up, scheduled work, "
					+ "a thread the application started), or after their request completed")
			.baseUnit("statements")
			.register(registry);
	}

	static void record(MeterRegistry registry, RequestReport report, List<Finding> findings,
			List<Violation> violations) {
		Meters meters = meters(registry, report);
		meters.statements().record(report.statementCount());
		meters.time().record(report.sqlTime());
		long repeats = 0;
		for (Finding finding : findings) {
			repeats += finding.isNPlusOne() ? 1 : 0;
		}
		meters.nPlusOne().increment(repeats);
		long overBudget = 0;
		for (Violation violation : violations) {
			overBudget += (violation.rule() == Violation.Rule.BUDGET) ? 1 : 0;
		}
		meters.budgetViolations().increment(overBudget);
	}

	/**
	 * The meters of one route and tag set, registered once: building a meter's id and
	 * configuration for every request cost more than recording to it. When a registry
	 * removes any meter ({@code remove}, {@code clear()}), its meters are registered
	 * again on the next request.
	 */
	private static Meters meters(MeterRegistry registry, RequestReport report) {
		Map<MeterKey, Meters> byTags = cacheOf(registry);
		MeterKey key = new MeterKey(report.route(), report.tags());
		Meters meters = byTags.get(key);
		if (meters == null) {
			meters = register(registry, key);
			if (byTags.size() < CACHED_TAG_SETS) {
				byTags.put(key, meters);
			}
		}
		return meters;
	}

	private static Meters register(MeterRegistry registry, MeterKey key) {
		Tags tags = Tags.of("uri", key.route());
		for (var tag : key.tags().entrySet()) {
			tags = tags.and(tag.getKey(), tag.getValue());
		}
		return new Meters(
				DistributionSummary.builder(STATEMENTS)
					.description("JDBC statements executed while serving one HTTP request, view rendering included")
					.baseUnit("statements")
					.tags(tags)
					.serviceLevelObjectives(STATEMENT_BUCKETS)
					.register(registry),
				Timer.builder(TIME)
					.description("Driver time of all JDBC statements of one HTTP request")
					.tags(tags)
					.register(registry),
				Counter.builder(NPLUSONE)
					.description("Potential N+1 patterns found, one per repeated statement and call site")
					.tags(tags)
					.register(registry),
				Counter.builder(BUDGET_VIOLATIONS)
					.description("Requests that ran more statements than their endpoint's budget")
					.tags(tags)
					.register(registry));
	}

	private record MeterKey(String route, Map<String, String> tags) {
	}

	private record Meters(DistributionSummary statements, Timer time, Counter nPlusOne, Counter budgetViolations) {
	}

	private static Map<MeterKey, Meters> cacheOf(MeterRegistry registry) {
		Map<MeterKey, Meters> cache = METERS.get(registry);
		if (cache == null) {
			Map<MeterKey, Meters> created = new ConcurrentHashMap<>();
			cache = METERS.putIfAbsent(registry, created);
			if (cache == null) {
				cache = created;
				registry.config().onMeterRemoved((meter) -> created.clear());
			}
		}
		return cache;
	}

}
