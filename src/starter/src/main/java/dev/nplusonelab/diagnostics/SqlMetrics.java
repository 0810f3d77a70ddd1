package dev.nplusonelab.diagnostics;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

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

	private final SqlCapture capture;

	SqlMetrics(SqlCapture capture) {
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
		Tags tags = Tags.of("uri", report.route());
		for (var tag : report.tags().entrySet()) {
			tags = tags.and(tag.getKey(), tag.getValue());
		}
		DistributionSummary.builder(STATEMENTS)
			.description("JDBC statements executed while serving one HTTP request, view rendering included")
			.baseUnit("statements")
			.tags(tags)
			.serviceLevelObjectives(STATEMENT_BUCKETS)
			.register(registry)
			.record(report.statementCount());
		Timer.builder(TIME)
			.description("Driver time of all JDBC statements of one HTTP request")
			.tags(tags)
			.register(registry)
			.record(report.sqlTime());
		long repeats = findings.stream().filter(Finding::isNPlusOne).count();
		Counter.builder(NPLUSONE)
			.description("Potential N+1 patterns found, one per repeated statement and call site")
			.tags(tags)
			.register(registry)
			.increment(repeats);
		long overBudget = violations.stream().filter((violation) -> violation.rule() == Violation.Rule.BUDGET).count();
		Counter.builder(BUDGET_VIOLATIONS)
			.description("Requests that ran more statements than their endpoint's budget")
			.tags(tags)
			.register(registry)
			.increment(overBudget);
	}

}
