package dev.nplusonelab.sql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a report means: the detector's findings, and for optimized requests the rules they
 * broke. The panel asks while the view renders; the filter asks again once the request is
 * complete, to log, count and, in strict mode, fail it.
 */
public class SqlDiagnostics {

	private final NPlusOneDetector detector;

	private final SqlProperties properties;

	SqlDiagnostics(NPlusOneDetector detector, SqlProperties properties) {
		this.detector = detector;
		this.properties = properties;
	}

	public List<Finding> findings(RequestReport report) {
		return this.detector.findings(report.statements());
	}

	/**
	 * Rules broken by an optimized request; naive requests are expected to break them.
	 */
	public List<Violation> violations(RequestReport report, List<Finding> findings) {
		if (!"optimized".equals(report.mode())) {
			return List.of();
		}
		List<Violation> violations = new ArrayList<>();
		Integer budget = report.budget();
		if (budget != null && report.statementCount() > budget) {
			violations.add(new Violation(Violation.Rule.BUDGET, report.statementCount()
					+ " statements, over the budget of " + budget + " declared for " + report.route()));
		}
		for (StatementRecord statement : report.statements()) {
			if (statement.phase() == StatementRecord.Phase.VIEW) {
				violations.add(new Violation(Violation.Rule.RENDER,
						"#" + statement.index() + " ran while the view rendered, from " + statement.callSite()));
			}
		}
		for (Finding finding : findings) {
			if (finding.isNPlusOne()) {
				violations.add(new Violation(Violation.Rule.N_PLUS_ONE, finding.message()));
			}
		}
		return List.copyOf(violations);
	}

	/**
	 * Where a request's injected latency stopped, or {@code null} when it never reached
	 * its cap.
	 */
	static @Nullable String latencyCapped(RequestReport report) {
		Integer first = report.firstUndelayed();
		if (first == null) {
			return null;
		}
		Duration cap = report.maxInjected();
		String shown = (cap.toMillis() % 1000 == 0) ? cap.toSeconds() + " s" : cap.toMillis() + " ms";
		return (first == 1) ? "latency capped at " + shown + ": no statement was delayed"
				: "latency capped at " + shown + " after #" + (first - 1) + ": later statements ran without delay";
	}

	/**
	 * Whether a request may ask for its own latency ({@code lab.sql.request-latency}), so
	 * pages offer the links.
	 */
	public boolean requestLatencyEnabled() {
		return this.properties.requestLatency();
	}

	/**
	 * The WARN line logged once for a request with findings or broken rules: the route,
	 * the mode, the count, then one line per finding and per violation.
	 */
	public static String warning(RequestReport report, List<Finding> findings, List<Violation> violations) {
		StringBuilder message = new StringBuilder();
		message.append(report.method())
			.append(' ')
			.append(report.route())
			.append(" (mode ")
			.append(report.mode())
			.append("): ")
			.append(report.statementCount())
			.append(" statements, ")
			.append(findings.size())
			.append(" findings, ")
			.append(violations.size())
			.append(" violations");
		findings.forEach((finding) -> message.append("\n  - ").append(finding.message()));
		violations.forEach((violation) -> message.append("\n  ! ").append(violation.message()));
		return message.toString();
	}

	/** Whether pages show the panel at all ({@code lab.sql.panel}). */
	public boolean panelEnabled() {
		return this.properties.panel();
	}

	/** Everything the SQL panel shows. */
	public Panel panel(RequestReport report) {
		List<Finding> findings = findings(report);
		return panel(report, findings, violations(report, findings));
	}

	/** The panel of a completed request, from the findings made when it completed. */
	Panel panel(RequestReport report, List<Finding> findings, List<Violation> violations) {
		return new Panel(report.summary(), findings, violations, report, this.properties.parameters(),
				this.properties.explain() && this.properties.history());
	}

	/**
	 * The SQL panel's content.
	 *
	 * @param summary the statements, grouped
	 * @param findings potential N+1s first, then duplicates
	 * @param violations broken rules, for optimized requests
	 * @param report the request
	 * @param showParameters whether bound values may be shown
	 * @param explainable whether statements can be explained
	 */
	public record Panel(StatementSummary summary, List<Finding> findings, List<Violation> violations,
			RequestReport report, boolean showParameters, boolean explainable) {

		public long potentialNPlusOne() {
			return this.findings.stream().filter(Finding::isNPlusOne).count();
		}

		public long duplicateFindings() {
			return this.findings.stream().filter((finding) -> finding.kind() == Finding.Kind.DUPLICATE).count();
		}

		public double injectedMillis() {
			return this.report.injectedTime().toNanos() / 1_000_000.0;
		}

		/**
		 * Where the injected latency stopped, {@code latency capped at 10 s after #500},
		 * or {@code null} when it never reached {@code lab.sql.max-injected}.
		 */
		public @Nullable String latencyCapped() {
			return SqlDiagnostics.latencyCapped(this.report);
		}

	}

}
