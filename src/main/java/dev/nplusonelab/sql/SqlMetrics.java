package dev.nplusonelab.sql;

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

	static final String STATEMENTS = "app.sql.statements";

	static final String TIME = "app.sql.time";

	private static final double[] STATEMENT_BUCKETS = { 1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000 };

	private final MeterRegistry registry;

	SqlMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(RequestReport report) {
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
	}

}
