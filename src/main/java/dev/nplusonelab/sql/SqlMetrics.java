package dev.nplusonelab.sql;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes each request's report to Micrometer, tagged with the route template and the
 * mode, so Prometheus or Grafana can compare naive and optimized per page.
 */
public class SqlMetrics {

	/**
	 * The request attribute that names the mode a request ran in ({@code naive} or
	 * {@code optimized}); requests without one are tagged {@code none}.
	 */
	public static final String MODE_ATTRIBUTE = SqlMetrics.class.getName() + ".mode";

	/**
	 * The mode a request was served in, as its metrics are tagged: "none" for pages
	 * without one.
	 */
	static String modeOf(jakarta.servlet.http.HttpServletRequest request) {
		Object mode = request.getAttribute(MODE_ATTRIBUTE);
		return (mode != null) ? mode.toString() : "none";
	}

	static final String STATEMENTS = "app.sql.statements";

	static final String TIME = "app.sql.time";

	static final String NPLUSONE = "app.sql.nplusone";

	static final String BUDGET_VIOLATIONS = "app.sql.budget.violations";

	private static final double[] STATEMENT_BUCKETS = { 1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000 };

	private final MeterRegistry registry;

	SqlMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(RequestReport report, java.util.List<Finding> findings, java.util.List<Violation> violations) {
		DistributionSummary.builder(STATEMENTS)
			.description("JDBC statements executed while serving one HTTP request, view rendering included")
			.baseUnit("statements")
			.tag("uri", report.route())
			.tag("mode", report.mode())
			.serviceLevelObjectives(STATEMENT_BUCKETS)
			.register(this.registry)
			.record(report.statementCount());
		Timer.builder(TIME)
			.description("Driver time of all JDBC statements of one HTTP request")
			.tag("uri", report.route())
			.tag("mode", report.mode())
			.register(this.registry)
			.record(report.sqlTime());
		long repeats = findings.stream().filter(Finding::isNPlusOne).count();
		Counter.builder(NPLUSONE)
			.description("Potential N+1 patterns found, one per repeated statement and call site")
			.tag("uri", report.route())
			.tag("mode", report.mode())
			.register(this.registry)
			.increment(repeats);
		long overBudget = violations.stream().filter((violation) -> violation.rule() == Violation.Rule.BUDGET).count();
		Counter.builder(BUDGET_VIOLATIONS)
			.description("Optimized requests that ran more statements than their endpoint's budget")
			.tag("uri", report.route())
			.register(this.registry)
			.increment(overBudget);
	}

}
