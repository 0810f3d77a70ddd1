package dev.nplusonelab.diagnostics.detect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.capture.Failures;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

/**
 * What a report means: the detector's findings, and, for requests the
 * {@link SqlRuleScope} selects, the rules they broke. The servlet filter asks once a
 * request is complete, to log, count, keep and, in strict mode, fail it; tests ask about
 * any report.
 */
public class SqlDiagnostics {

	private final NPlusOneDetector detector;

	private final NPlusOneProperties properties;

	private final SqlRuleScope scope;

	/**
	 * Whether a potential N+1 breaks a rule too: only where something holds requests to
	 * it, strict mode or the application's own {@link SqlRuleScope}. Otherwise the
	 * finding says it all, and a rule that pointed to it would only say it twice.
	 */
	private final boolean nPlusOneRule;

	private final FindingLog log;

	private final @Nullable IndexHints indexHints;

	public SqlDiagnostics(NPlusOneDetector detector, NPlusOneProperties properties, SqlRuleScope scope) {
		this(detector, properties, scope, null);
	}

	/**
	 * @param indexes the DataSource whose metadata says which columns lead an index, for
	 * the findings' index hints ({@code nplusone.index-hints.enabled}); {@code null} for
	 * none
	 */
	public SqlDiagnostics(NPlusOneDetector detector, NPlusOneProperties properties, SqlRuleScope scope,
			@Nullable DataSource indexes) {
		this.indexHints = (indexes != null && properties.getIndexHints().isEnabled())
				? new IndexHints(indexes, properties.getIndexHints().getRefresh()) : null;
		this.detector = detector;
		this.properties = properties;
		this.scope = scope;
		this.nPlusOneRule = properties.isStrict() || scope != SqlRuleScope.EVERY_REQUEST;
		this.log = new FindingLog(properties.getLog().getInterval(), properties.getLog().getLevel());
	}

	/**
	 * Logs what a completed request shows that is due: a finding when first seen, then at
	 * most once per {@code nplusone.log.interval} ({@link FindingLog}).
	 */
	public void log(RequestReport report, List<Finding> findings, List<Violation> violations) {
		this.log.log(report, findings, violations);
	}

	public List<Finding> findings(RequestReport report) {
		String route = report.route();
		List<Finding> findings = this.detector.findings(report.statements(), route.startsWith("/") ? route : null);
		return (this.indexHints != null) ? this.indexHints.annotate(findings) : findings;
	}

	/** Rules broken by a request the rules apply to; none for any other. */
	public List<Violation> violations(RequestReport report, List<Finding> findings) {
		if (!Failures.guard("rule scope " + this.scope.getClass().getName(), () -> this.scope.appliesTo(report),
				false)) {
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
		for (int i = 0; i < findings.size() && this.nPlusOneRule; i++) {
			Finding finding = findings.get(i);
			if (finding.isNPlusOne()) {
				violations.add(new Violation(Violation.Rule.N_PLUS_ONE,
						"finding " + (i + 1) + ", the "
								+ ((finding.kind() == Finding.Kind.LOOP) ? "loop" : "potential N+1") + " from "
								+ finding.callSite(),
						finding));
			}
		}
		return List.copyOf(violations);
	}

	/**
	 * The requests the rules apply to, as a sentence subject: {@code this request}.
	 */
	public String ruleScope() {
		return Failures.guard("rule scope " + this.scope.getClass().getName(), this.scope::describe, "this request");
	}

	/**
	 * Where a request's injected latency stopped, or {@code null} when it never reached
	 * its cap.
	 */
	public static @Nullable String latencyCapped(RequestReport report) {
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
	 * Whether a request may ask for its own latency ({@code nplusone.request-latency}).
	 */
	public boolean requestLatencyEnabled() {
		return this.properties.isRequestLatency();
	}

	/**
	 * The block logged for a request with findings or broken rules: the route, the
	 * request's extra tags, the count, then one line per finding, numbered, and per
	 * broken rule, which points to its finding instead of repeating it.
	 */
	public static String warning(RequestReport report, List<Finding> findings, List<Violation> violations) {
		return FindingLog.block(report, findings, violations, findings, violations, (finding) -> "");
	}

	/** Whether HTML pages get the panel at all ({@code nplusone.panel.enabled}). */
	public boolean panelEnabled() {
		return this.properties.getPanel().isEnabled();
	}

	/** Everything the SQL panel shows, worked out now. */
	public Panel panel(RequestReport report) {
		List<Finding> findings = findings(report);
		return panel(report, findings, violations(report, findings));
	}

	/** The panel of a completed request, from the findings made when it completed. */
	public Panel panel(RequestReport report, List<Finding> findings, List<Violation> violations) {
		return panel(report, findings, violations, SubRequests.NONE);
	}

	/**
	 * The panel of a completed request that made requests of its own to this application:
	 * it says what they ran, apart from its own statements.
	 */
	public Panel panel(RequestReport report, List<Finding> findings, List<Violation> violations,
			SubRequests subRequests) {
		return new Panel(StatementSummary.of(report), findings, violations, report, this.properties.isParameters(),
				this.properties.isExplain() && this.properties.getHistory().isEnabled(), ruleScope(), subRequests);
	}

	/**
	 * What the requests a request made to this application on its behalf ran (a page
	 * loading another over HTTP), counted for them, never for the request itself.
	 *
	 * @param requests how many
	 * @param statements the statements they ran, together
	 * @param sqlTime the time those statements took
	 */
	public record SubRequests(int requests, int statements, Duration sqlTime) {

		/** A request that made none. */
		public static final SubRequests NONE = new SubRequests(0, 0, Duration.ZERO);

		/** What these and another request ran together. */
		public SubRequests plus(SubRequests other) {
			return new SubRequests(this.requests + other.requests, this.statements + other.statements,
					this.sqlTime.plus(other.sqlTime));
		}

	}

	/**
	 * The SQL panel's content.
	 *
	 * @param summary the statements, grouped
	 * @param findings potential N+1s first, then duplicates
	 * @param violations broken rules
	 * @param report the request
	 * @param showParameters whether bound values may be shown
	 * @param explainable whether statements can be explained
	 * @param ruleScope the requests the rules apply to, as a sentence subject
	 * @param subRequests what the requests it made to this application ran
	 */
	public record Panel(StatementSummary summary, List<Finding> findings, List<Violation> violations,
			RequestReport report, boolean showParameters, boolean explainable, String ruleScope,
			SubRequests subRequests) {

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
		 * or {@code null} when it never reached {@code nplusone.max-injected}.
		 */
		public @Nullable String latencyCapped() {
			return SqlDiagnostics.latencyCapped(this.report);
		}

	}

}
