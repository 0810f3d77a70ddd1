package dev.nplusonelab.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;
import dev.nplusonelab.diagnostics.web.StatementBudget;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.diagnostics.test.ReportAssertions;
import dev.nplusonelab.sqlreport.MostStatements;
import dev.nplusonelab.system.PageProbe;

/**
 * Runs the detection tools on this application's own pages, as the detection page is
 * asked for: the pages are loaded over HTTP like any visit, and their reports are read
 * back from the request history.
 */
@Component
class LiveExamples {

	/** The page the assertions run on: small, so a failure's listing stays readable. */
	static final String LIST = "/books?size=10";

	static final String RENDERED = "/mistakes/deferred-column?mode=naive&size=20";

	/** How much of a failure message the page shows. */
	static final int SHOWN_LINES = 14;

	private final PageProbe probe;

	private final ObjectProvider<SqlRequestHistory> history;

	private final ObjectProvider<SqlDiagnostics> diagnostics;

	private final NPlusOneProperties properties;

	private final RequestMappingHandlerMapping mapping;

	private final MeterRegistry registry;

	private final MostStatements most;

	LiveExamples(PageProbe probe, ObjectProvider<SqlRequestHistory> history, ObjectProvider<SqlDiagnostics> diagnostics,
			NPlusOneProperties properties,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping, MeterRegistry registry,
			MostStatements most) {
		this.probe = probe;
		this.history = history;
		this.diagnostics = diagnostics;
		this.properties = properties;
		this.mapping = mapping;
		this.registry = registry;
		this.most = most;
	}

	Detection run() {
		Optional<RequestReport> optimized = report(LIST + "&mode=optimized");
		Optional<RequestReport> naive = report(LIST + "&mode=naive");
		Optional<RequestReport> rendered = report(RENDERED);
		return new Detection(assertion(LIST + "&mode=optimized", optimized), assertion(LIST + "&mode=naive", naive),
				naive.map(this::warning).orElse(null), rendered.map(LiveExamples::renderRun).orElse(null), budgets(),
				metrics(this.registry, this.most), this.properties.isStrict(), this.history.getIfAvailable() != null);
	}

	/** Loads a page and finds its report in the history, if the history is on. */
	private Optional<RequestReport> report(String path) {
		SqlRequestHistory requests = this.history.getIfAvailable();
		if (requests == null) {
			return Optional.empty();
		}
		PageProbe.Page page = this.probe.get(path);
		return Optional.ofNullable(page.report()).flatMap(requests::find).map(SqlRequestHistory.Entry::report);
	}

	private static @Nullable AssertionRun assertion(String path, Optional<RequestReport> report) {
		return report.map((ran) -> {
			try {
				ReportAssertions.assertThat(ran).ranAtMost(2).hasNoPotentialNPlusOne();
				return new AssertionRun(path, ran.statementCount(), true, List.of(), 0);
			}
			catch (AssertionError failure) {
				List<String> lines = String.valueOf(failure.getMessage()).lines().toList();
				return new AssertionRun(path, ran.statementCount(), false,
						lines.subList(0, Math.min(SHOWN_LINES, lines.size())), Math.max(0, lines.size() - SHOWN_LINES));
			}
		}).orElse(null);
	}

	private String warning(RequestReport report) {
		// A report came from the history, which exists only while the diagnostics do.
		SqlDiagnostics diagnostics = this.diagnostics.getObject();
		var findings = diagnostics.findings(report);
		return SqlDiagnostics.warning(report, findings, diagnostics.violations(report, findings));
	}

	private static RenderRun renderRun(RequestReport report) {
		long fromView = report.statements()
			.stream()
			.filter((statement) -> statement.phase() == StatementRecord.Phase.VIEW)
			.count();
		return new RenderRun(RENDERED, report.statementCount(), fromView);
	}

	/**
	 * Every endpoint that declares a budget, with the most statements it was seen run
	 * since the application started.
	 */
	private List<Budget> budgets() {
		List<Budget> budgets = new ArrayList<>();
		this.mapping.getHandlerMethods().forEach((info, method) -> {
			StatementBudget budget = method.getMethodAnnotation(StatementBudget.class);
			if (budget != null) {
				for (String route : routes(info)) {
					budgets.add(new Budget(route, budget.value(), largestSeen(this.most, route)));
				}
			}
		});
		budgets.sort(Comparator.comparing(Budget::route));
		return budgets;
	}

	private static List<String> routes(RequestMappingInfo info) {
		return (info.getPathPatternsCondition() != null)
				? List.copyOf(info.getPathPatternsCondition().getPatternValues()) : List.of();
	}

	/**
	 * Budgets hold for optimized requests; null when none ran. Never the metric's
	 * {@code max}: it covers the last two minutes only, and a budget that ran 2 would
	 * read 0 after an idle while.
	 */
	static @Nullable Integer largestSeen(MostStatements most, String route) {
		OptionalInt seen = most.of(route, "optimized");
		return seen.isPresent() ? seen.getAsInt() : null;
	}

	/**
	 * Requests and mean from the metric, which are totals since start; the most from
	 * {@link MostStatements} for the same reason as {@link #largestSeen}.
	 */
	static List<MetricRow> metrics(MeterRegistry registry, MostStatements most) {
		return registry.find("app.sql.statements")
			.summaries()
			.stream()
			.filter((summary) -> summary.count() > 0)
			.map((summary) -> row(summary, most))
			.sorted(Comparator.comparing(MetricRow::uri).thenComparing(MetricRow::mode))
			.toList();
	}

	private static MetricRow row(DistributionSummary summary, MostStatements most) {
		String uri = String.valueOf(summary.getId().getTag("uri"));
		String mode = String.valueOf(summary.getId().getTag("mode"));
		long seen = Math.max(most.of(uri, mode).orElse(0), (long) summary.max());
		return new MetricRow(uri, mode, summary.count(), summary.mean(), seen);
	}

	/**
	 * What the page shows.
	 *
	 * @param passing the assertion on an optimized page
	 * @param failing the same assertion on the naive page
	 * @param warning the WARN line the naive page logged
	 * @param render the statements a naive page ran while its view rendered
	 * @param budgets the endpoints' declared budgets
	 * @param metrics the statement counts recorded so far, by route and mode
	 * @param strict whether strict mode is on
	 * @param history whether the request history is on (the live runs need it)
	 */
	record Detection(@Nullable AssertionRun passing, @Nullable AssertionRun failing, @Nullable String warning,
			@Nullable RenderRun render, List<Budget> budgets, List<MetricRow> metrics, boolean strict,
			boolean history) {
	}

	record AssertionRun(String path, int statements, boolean passed, List<String> message, int moreLines) {
	}

	record RenderRun(String path, int statements, long fromView) {
	}

	record Budget(String route, int budget, @Nullable Integer largestSeen) {
	}

	/**
	 * @param most the most statements one request ran since the application started
	 */
	record MetricRow(String uri, String mode, long count, double mean, long most) {
	}

}
