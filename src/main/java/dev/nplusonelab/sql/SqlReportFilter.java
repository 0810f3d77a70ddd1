package dev.nplusonelab.sql;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
 * {@code Server-Timing}, which browser developer tools show next to the request.
 */
class SqlReportFilter extends OncePerRequestFilter {

	static final String STATEMENTS_HEADER = "X-Sql-Statements";

	static final String REPORT_HEADER = "X-Sql-Report";

	private final SqlCapture capture;

	private final SqlMetrics metrics;

	SqlReportFilter(SqlCapture capture, SqlMetrics metrics) {
		this.capture = capture;
		this.metrics = metrics;
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
		RequestReport report = this.capture.begin(request.getMethod(), request.getRequestURI());
		request.setAttribute(RequestReport.ATTRIBUTE, report);
		response.setHeader(REPORT_HEADER, Long.toString(report.id()));
		ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, buffered);
		}
		finally {
			this.capture.end();
			report.complete(route(request, buffered.getStatus()), mode(request), buffered.getStatus(),
					System.nanoTime() - started);
			this.metrics.record(report);
			if (!response.isCommitted()) {
				response.setHeader(STATEMENTS_HEADER, Integer.toString(report.statementCount()));
				response.setHeader("Server-Timing", String.format(Locale.ROOT, "sql;dur=%.3f;desc=\"%d statements\"",
						report.sqlTime().toNanos() / 1_000_000.0, report.statementCount()));
			}
			buffered.copyBodyToResponse();
		}
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

	private static String mode(HttpServletRequest request) {
		Object mode = request.getAttribute(SqlMetrics.MODE_ATTRIBUTE);
		return (mode != null) ? mode.toString() : "none";
	}

}
