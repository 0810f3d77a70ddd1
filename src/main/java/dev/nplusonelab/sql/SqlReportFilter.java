package dev.nplusonelab.sql;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Opens a report when a request arrives and closes it when the response is complete, so
 * the count covers the controller, the view rendering and anything else the request ran.
 * <p>
 * The response is buffered, so that the final count can still go into headers after the
 * view has rendered: {@code X-Sql-Statements} for scripts and tests, and
 * {@code Server-Timing}, which browser developer tools show next to the request. An
 * endpoint marked {@link StreamedResponse} is not buffered: its statements are counted
 * and recorded all the same, but its headers leave before the count is known.
 */
class SqlReportFilter extends OncePerRequestFilter {

	static final String STATEMENTS_HEADER = "X-Sql-Statements";

	static final String REPORT_HEADER = "X-Sql-Report";

	/**
	 * Set before the body is written, by {@link StreamedResponse} or directly: the body
	 * is not buffered.
	 */
	static final String STREAMED_ATTRIBUTE = SqlReportFilter.class.getName() + ".streamed";

	private static final Logger logger = LoggerFactory.getLogger(SqlReportFilter.class);

	private final SqlCapture capture;

	private final SqlMetrics metrics;

	private final SqlDiagnostics diagnostics;

	private final @Nullable SqlRequestHistory history;

	private final SqlProperties properties;

	private final HistoryScope historyScope;

	SqlReportFilter(SqlCapture capture, SqlMetrics metrics, SqlDiagnostics diagnostics,
			@Nullable SqlRequestHistory history, SqlProperties properties) {
		this.capture = capture;
		this.metrics = metrics;
		this.diagnostics = diagnostics;
		this.history = history;
		this.properties = properties;
		this.historyScope = new HistoryScope(properties.historyExclude());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		RequestReport report = this.capture.begin(request.getMethod(), request.getRequestURI(),
				this.properties.latency(), this.properties.maxInjected());
		request.setAttribute(RequestReport.ATTRIBUTE, report);
		response.setHeader(REPORT_HEADER, Long.toString(report.id()));
		ReportResponse buffered = new ReportResponse(response, request);
		try {
			chain.doFilter(request, buffered);
		}
		finally {
			this.capture.end();
			report.complete(route(request, buffered.getStatus()), SqlMetrics.modeOf(request), buffered.getStatus(),
					System.nanoTime() - started);
			List<Finding> findings = this.diagnostics.findings(report);
			List<Violation> violations = this.diagnostics.violations(report, findings);
			this.metrics.record(report, findings, violations);
			if (this.history != null && this.historyScope.records(request)) {
				this.history.add(new SqlRequestHistory.Entry(report, findings, violations));
			}
			warn(report, findings, violations);
			if (this.properties.strict() && !violations.isEmpty() && !response.isCommitted()) {
				fail(buffered, violations);
			}
			if (!response.isCommitted()) {
				response.setHeader(STATEMENTS_HEADER, Integer.toString(report.statementCount()));
				response.setHeader("Server-Timing", String.format(Locale.ROOT, "sql;dur=%.3f;desc=\"%d statements\"",
						report.sqlTime().toNanos() / 1_000_000.0, report.statementCount()));
			}
			buffered.copyBodyToResponse();
		}
	}

	/**
	 * Buffers the body, unless the request was marked as streamed before the body was
	 * first asked for; then it hands out the real response's stream.
	 */
	static final class ReportResponse extends ContentCachingResponseWrapper {

		private final HttpServletRequest request;

		private boolean streamed;

		ReportResponse(HttpServletResponse response, HttpServletRequest request) {
			super(response);
			this.request = request;
		}

		private boolean streams() {
			if (!this.streamed && getContentSize() == 0
					&& Boolean.TRUE.equals(this.request.getAttribute(STREAMED_ATTRIBUTE))) {
				this.streamed = true;
			}
			return this.streamed;
		}

		@Override
		public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
			return streams() ? getResponse().getOutputStream() : super.getOutputStream();
		}

		@Override
		public java.io.PrintWriter getWriter() throws IOException {
			return streams() ? getResponse().getWriter() : super.getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			if (this.streamed) {
				getResponse().flushBuffer();
			}
			else {
				super.flushBuffer();
			}
		}

	}

	/** Once per request, so a log shows which route repeats itself, and how. */
	private static void warn(RequestReport report, List<Finding> findings, List<Violation> violations) {
		if (!findings.isEmpty() || !violations.isEmpty()) {
			logger.warn(SqlDiagnostics.warning(report, findings, violations));
		}
	}

	/**
	 * Strict mode: the page rendered, but an optimized request broke a rule, so it
	 * answers 500 with the reasons instead. Tests and development catch the regression
	 * before review does.
	 */
	private static void fail(ContentCachingResponseWrapper response, List<Violation> violations) throws IOException {
		response.resetBuffer();
		response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
		response.setContentType("text/plain;charset=UTF-8");
		StringBuilder body = new StringBuilder("Strict SQL mode: this optimized request broke ");
		body.append(violations.size()).append((violations.size() == 1) ? " rule" : " rules").append(":\n");
		violations.forEach((violation) -> body.append("- ").append(violation.message()).append('\n'));
		response.getWriter().write(body.toString());
		response.getWriter().flush();
	}

	/**
	 * The route template, never the raw path: a tag per book id would explode the metric.
	 */
	private static String route(HttpServletRequest request, int status) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (pattern != null) {
			return pattern.toString();
		}
		return (status == HttpStatus.NOT_FOUND.value()) ? "NOT_FOUND" : "UNKNOWN";
	}

}
