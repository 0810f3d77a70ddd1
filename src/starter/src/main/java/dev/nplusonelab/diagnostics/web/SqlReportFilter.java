package dev.nplusonelab.diagnostics.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.capture.Failures;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.detect.Violation;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;

/**
 * Opens a report when a request arrives and closes it when the response is complete, so
 * the count covers the controller, the view rendering and anything else the request ran.
 * <p>
 * The response of a request that may see the diagnostics is buffered, so that the final
 * count can still go into headers after the view has rendered ({@code X-Sql-Statements}
 * for scripts and tests, {@code Server-Timing} for browser developer tools) and an HTML
 * page can get the panel before its last {@code </body>}. A handler marked
 * {@link StreamedResponse} is not buffered: its statements are counted and recorded all
 * the same, but its headers leave before the count is known. Compressed, non-HTML and
 * very large bodies pass through untouched.
 * <p>
 * Only requests {@link DiagnosticsAccess} allows see the headers and the panel; metrics,
 * findings and the history are recorded for all. The response of any other request goes
 * out as the application writes it, unbuffered, unless strict mode may have to replace
 * it. A failure in any part of this is logged once and the response goes out as the
 * application made it.
 */
final class SqlReportFilter extends OncePerRequestFilter {

	static final String STATEMENTS_HEADER = "X-Sql-Statements";

	static final String REPORT_HEADER = "X-Sql-Report";

	/** How many requests this one made to the application on its behalf, if any. */
	static final String SUB_REQUESTS_HEADER = "X-Sql-Sub-Requests";

	/**
	 * The statements those requests ran, counted for them and not in X-Sql-Statements.
	 */
	static final String SUB_STATEMENTS_HEADER = "X-Sql-Sub-Statements";

	/**
	 * Set before the body is written, by {@link StreamedResponse} or directly: the body
	 * is not buffered.
	 */
	static final String STREAMED_ATTRIBUTE = SqlReportFilter.class.getName() + ".streamed";

	/** Charsets in which ASCII text is its own bytes and no other character uses them. */
	private static final Set<Charset> ASCII_COMPATIBLE = Set.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
			StandardCharsets.US_ASCII);

	private static final byte[] BODY_END = "</body>".getBytes(StandardCharsets.US_ASCII);

	private static final String BEST_MATCHING_PATTERN = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

	private final SqlCapture capture;

	private final SqlDiagnostics diagnostics;

	private final @Nullable SqlRequestHistory history;

	private final NPlusOneProperties properties;

	private final DiagnosticsAccess access;

	private final SqlPanelRenderer renderer;

	private final List<SqlReportTags> tags;

	private final Supplier<@Nullable MeterRegistry> registry;

	/** Told of each completed report; usually none, or the trace's. */
	private final List<SqlReportListener> listeners;

	private final HistoryScope historyScope;

	private final HistoryScope excluded;

	/** Which unwatched requests have their call sites found; none: all of them. */
	private final @Nullable CallSiteSampler callSites;

	private final byte @Nullable [] stylesheet;

	SqlReportFilter(SqlCapture capture, SqlDiagnostics diagnostics, @Nullable SqlRequestHistory history,
			NPlusOneProperties properties, DiagnosticsAccess access, SqlPanelRenderer renderer,
			List<SqlReportTags> tags, Supplier<@Nullable MeterRegistry> registry,
			@Nullable ManagementEndpoints management) {
		this(capture, diagnostics, history, properties, access, renderer, tags, registry, List.of(), management);
	}

	SqlReportFilter(SqlCapture capture, SqlDiagnostics diagnostics, @Nullable SqlRequestHistory history,
			NPlusOneProperties properties, DiagnosticsAccess access, SqlPanelRenderer renderer,
			List<SqlReportTags> tags, Supplier<@Nullable MeterRegistry> registry, List<SqlReportListener> listeners,
			@Nullable ManagementEndpoints management) {
		this.capture = capture;
		this.diagnostics = diagnostics;
		this.history = history;
		this.properties = properties;
		this.access = access;
		this.renderer = renderer;
		this.tags = List.copyOf(tags);
		this.registry = registry;
		this.listeners = List.copyOf(listeners);
		this.historyScope = new HistoryScope(properties.getHistory().getExclude(), management);
		this.excluded = new HistoryScope(properties.getWeb().getExclude());
		Duration sampleInterval = properties.getCallSites().getSampleInterval();
		this.callSites = (sampleInterval.isZero() || !properties.getCallSites().isEnabled()) ? null
				: new CallSiteSampler(sampleInterval);
		this.stylesheet = stylesheet();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.excluded.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.stylesheet != null
				&& HistoryScope.pathWithinApplication(request).equals(SqlPanelRenderer.STYLESHEET)) {
			serveStylesheet(response, this.stylesheet);
			return;
		}
		long started = System.nanoTime();
		boolean visible = Failures.guard("access check", () -> this.access.allows(request), false);
		RequestReport report = this.capture.begin(request.getMethod(), request.getRequestURI(),
				this.properties.getLatency(), this.properties.getMaxInjected());
		request.setAttribute(RequestReport.ATTRIBUTE, report);
		SqlRequestHistory history = this.history;
		if (history != null) {
			Failures.guard("history", () -> history.started(report.id()));
		}
		CallSiteSampler callSites = this.callSites;
		if (callSites != null && !visible && !this.properties.isStrict()) {
			// Asked at the first statement, by when the handler's route is usually known.
			report.sampleCallSites(() -> callSites.sample(request.getMethod() + " " + routeSoFar(request)));
		}
		// A report id is only sent where the history keeps the report, so that it
		// resolves.
		String id = (visible && this.history != null && this.historyScope.recordsPath(request))
				? Long.toString(report.id()) : null;
		// Nothing to add to what an unseen request answers, nothing to take back unless
		// strict: it is not buffered at all.
		ReportResponse buffered = (visible || this.properties.isStrict()) ? new ReportResponse(response, request, id)
				: null;
		boolean failed = false;
		try {
			chain.doFilter(request, (buffered != null) ? buffered : response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			failed = true;
			throw ex;
		}
		finally {
			this.capture.end();
			// Released whatever happens next: a request never leaves sub-requests held.
			List<SqlRequestHistory.Entry> children = (history != null)
					? Failures.guard("history", () -> history.completed(report.id()), List.of()) : List.of();
			try {
				complete(request, response, buffered, report, started, visible, failed, id, children);
			}
			catch (RuntimeException ex) {
				Failures.failed("request report", ex);
			}
			finally {
				if (buffered != null) {
					buffered.copyBodyToResponse();
				}
			}
		}
	}

	/**
	 * @param failed whether the application's chain threw: the container answers with its
	 * error page, a 500 unless the exception says otherwise, not the 200 the response
	 * still holds
	 * @param id the report id to send, if the history may keep the report
	 * @param children the requests it made to this application on its behalf
	 */
	private void complete(HttpServletRequest request, HttpServletResponse response, @Nullable ReportResponse buffered,
			RequestReport report, long started, boolean visible, boolean failed, @Nullable String id,
			List<SqlRequestHistory.Entry> children) throws IOException {
		int answered = (buffered != null) ? buffered.getStatus() : response.getStatus();
		int status = (failed && answered < 400) ? HttpStatus.INTERNAL_SERVER_ERROR.value() : answered;
		report.complete(route(request, status), status, System.nanoTime() - started);
		// Asked once the report is complete: a contributor sees the route and the
		// statements.
		report.tags(tags(request, report));
		this.capture.completed(report, request.getQueryString());
		List<Finding> findings = Failures.guard("N+1 detector", () -> this.diagnostics.findings(report), List.of());
		List<Violation> violations = Failures.guard("rules", () -> this.diagnostics.violations(report, findings),
				List.of());
		Failures.guard("metrics", () -> {
			MeterRegistry registry = this.registry.get();
			if (registry != null) {
				SqlMetrics.record(registry, report, findings, violations);
			}
		});
		for (SqlReportListener listener : this.listeners) {
			// A constant name: this runs on every request, and the logged stack trace
			// names the listener that failed.
			Failures.guard("report listener", () -> listener.completed(report, findings));
		}
		SqlRequestHistory.Entry entry = new SqlRequestHistory.Entry(report, query(request), findings, violations,
				children);
		SqlDiagnostics.SubRequests subRequests = entry.subRequests();
		boolean recorded = false;
		SqlRequestHistory history = this.history;
		if (history != null && this.historyScope.records(request)) {
			recorded = Failures.guard("history", () -> {
				history.add(entry, parent(request));
				return true;
			}, false);
		}
		else if (history != null) {
			// Not kept itself: what it made is kept as requests of their own.
			Failures.guard("history", () -> children.forEach(history::add));
		}
		Failures.guard("log", () -> this.diagnostics.log(report, findings, violations));
		if (buffered == null) {
			return;
		}
		boolean replaced = false;
		if (this.properties.isStrict() && !violations.isEmpty() && !response.isCommitted()) {
			fail(buffered, violations, visible);
			replaced = true;
		}
		if (visible && !response.isCommitted()) {
			response.setHeader(STATEMENTS_HEADER, Integer.toString(report.statementCount()));
			int count = report.statementCount();
			response.setHeader("Server-Timing", String.format(Locale.ROOT, "sql;dur=%.3f;desc=\"%d %s\"",
					report.sqlTime().toNanos() / 1_000_000.0, count, (count == 1) ? "statement" : "statements"));
			if (subRequests.requests() > 0) {
				response.setHeader(SUB_REQUESTS_HEADER, Integer.toString(subRequests.requests()));
				response.setHeader(SUB_STATEMENTS_HEADER, Integer.toString(subRequests.statements()));
				response.addHeader("Server-Timing",
						String.format(Locale.ROOT, "sql-sub;dur=%.3f;desc=\"%d in %d %s it made\"",
								subRequests.sqlTime().toNanos() / 1_000_000.0, subRequests.statements(),
								subRequests.requests(), (subRequests.requests() == 1) ? "request" : "requests"));
			}
			if (recorded && id != null) {
				response.setHeader(REPORT_HEADER, id);
			}
			if (!replaced && this.diagnostics.panelEnabled()) {
				Failures.guard("panel", () -> injectPanel(request, buffered,
						() -> this.diagnostics.panel(report, findings, violations, subRequests)));
			}
		}
	}

	/** The query string as it was sent, unless the history leaves query strings out. */
	private @Nullable String query(HttpServletRequest request) {
		return this.properties.getHistory().isQueryStrings() ? request.getQueryString() : null;
	}

	/**
	 * The report id the request names as the one it was made for; none if it names
	 * nothing, or not a number.
	 */
	static @Nullable Long parent(HttpServletRequest request) {
		String parent = request.getHeader(SqlRequestHistory.PARENT_HEADER);
		if (parent == null) {
			return null;
		}
		try {
			return Long.valueOf(parent);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private Map<String, String> tags(HttpServletRequest request, RequestReport report) {
		if (this.tags.isEmpty()) {
			return Map.of();
		}
		Map<String, String> tags = new LinkedHashMap<>();
		for (SqlReportTags contributor : this.tags) {
			Failures.guard("tags contributor " + contributor.getClass().getName(), () -> {
				for (Tag tag : contributor.tags(request, report)) {
					tags.put(tag.getKey(), tag.getValue());
				}
			});
		}
		return tags;
	}

	/**
	 * Puts the panel, with the link to its stylesheet inside its shadow root, before the
	 * last {@code </body>} of an HTML page. Streamed, compressed, non-HTML and large
	 * bodies are left alone.
	 */
	private void injectPanel(HttpServletRequest request, ReportResponse buffered,
			Supplier<SqlDiagnostics.Panel> panel) {
		String contentType = buffered.getContentType();
		if (buffered.getStatus() >= 400 && !this.properties.getPanel().isErrorPages()) {
			return;
		}
		if (buffered.streamed || contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("text/html")
				|| buffered.containsHeader("Content-Encoding") || "HEAD".equals(request.getMethod())
				|| buffered.getContentSize() == 0
				|| buffered.getContentSize() > this.properties.getPanel().getMaxSize().toBytes()) {
			return;
		}
		Charset charset = charset(buffered.getCharacterEncoding());
		byte[] content = buffered.getContentAsByteArray();
		if (ASCII_COMPATIBLE.contains(charset)) {
			// "</body>" is the same bytes in these, and in UTF-8 no byte of a longer
			// character can be mistaken for one of them: the page is spliced as it is,
			// not decoded and encoded again, which cost more than rendering the panel.
			int body = lastIndexOfIgnoreCase(content, BODY_END);
			if (body < 0) {
				return;
			}
			byte[] bar = this.renderer.panel(panel.get(), request).getBytes(charset);
			buffered.replaceBody(content, body, bar);
			return;
		}
		String page = new String(content, charset);
		int body = lastIndexOfIgnoreCase(page, "</body>", page.length());
		if (body < 0) {
			return;
		}
		String bar = this.renderer.panel(panel.get(), request);
		StringBuilder injected = new StringBuilder(page.length() + bar.length());
		injected.append(page, 0, body).append(bar).append(page, body, page.length());
		buffered.replaceBody(injected.toString().getBytes(charset));
	}

	private static int lowerCase(byte ascii) {
		return (ascii >= 'A' && ascii <= 'Z') ? ascii + ('a' - 'A') : ascii;
	}

	/** The index of the last {@code </body>} in any letter case, in ASCII bytes. */
	static int lastIndexOfIgnoreCase(byte[] content, byte[] tag) {
		for (int i = content.length - tag.length; i >= 0; i--) {
			int matched = 0;
			while (matched < tag.length && lowerCase(content[i + matched]) == tag[matched]) {
				matched++;
			}
			if (matched == tag.length) {
				return i;
			}
		}
		return -1;
	}

	private static Charset charset(@Nullable String name) {
		try {
			return (name != null) ? Charset.forName(name) : StandardCharsets.ISO_8859_1;
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	private static int lastIndexOfIgnoreCase(String text, String tag, int before) {
		for (int i = Math.min(before, text.length()) - tag.length(); i >= 0; i--) {
			if (text.regionMatches(true, i, tag, 0, tag.length())) {
				return i;
			}
		}
		return -1;
	}

	private static byte @Nullable [] stylesheet() {
		try (InputStream css = SqlReportFilter.class.getResourceAsStream("panel.css")) {
			return (css != null) ? StreamUtils.copyToByteArray(css) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static void serveStylesheet(HttpServletResponse response, byte[] css) throws IOException {
		response.setContentType("text/css;charset=UTF-8");
		response.setHeader("Cache-Control", "max-age=3600");
		response.setContentLength(css.length);
		response.getOutputStream().write(css);
	}

	/**
	 * Buffers the body, unless the request was marked as streamed before the body was
	 * first asked for; then it hands out the real response's stream.
	 */
	static final class ReportResponse extends ContentCachingResponseWrapper {

		private final HttpServletRequest request;

		/** The report id to send, if the history may keep the report. */
		private final @Nullable String id;

		private boolean streamed;

		/**
		 * A redirect or an error the application asked for, sent once the headers are
		 * set: sending either commits the response, and the container ignores headers set
		 * after it.
		 */
		private @Nullable Pending pending;

		/**
		 * The writer over the buffer. Spring's own flushes the encoder after every write,
		 * so that the buffer is always current; a template writes thousands of small
		 * strings, and that flushing cost more than rendering the page. This one gathers
		 * them without locking and encodes them in large pieces ({@link PageWriter}), and
		 * it is flushed only before the buffer is read, reset or copied out.
		 */
		private @Nullable PrintWriter writer;

		ReportResponse(HttpServletResponse response, HttpServletRequest request, @Nullable String id) {
			super(response);
			this.request = request;
			this.id = id;
		}

		private void flushWriter() {
			if (this.writer != null) {
				this.writer.flush();
			}
		}

		private boolean streams() {
			if (!this.streamed && getContentSize() == 0
					&& Boolean.TRUE.equals(this.request.getAttribute(STREAMED_ATTRIBUTE))) {
				this.streamed = true;
				// Its headers leave with its first bytes, before the count is known.
				if (this.id != null) {
					((HttpServletResponse) getResponse()).setHeader(REPORT_HEADER, this.id);
				}
			}
			return this.streamed;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			return streams() ? getResponse().getOutputStream() : super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (streams()) {
				return getResponse().getWriter();
			}
			if (this.writer == null) {
				this.writer = PageWriter.over(super.getOutputStream(), charset(getCharacterEncoding()));
			}
			return this.writer;
		}

		@Override
		public void flushBuffer() throws IOException {
			if (this.streamed) {
				getResponse().flushBuffer();
			}
			else {
				flushWriter();
				super.flushBuffer();
			}
		}

		@Override
		public void resetBuffer() {
			flushWriter();
			super.resetBuffer();
		}

		@Override
		public void reset() {
			flushWriter();
			super.reset();
		}

		@Override
		public byte[] getContentAsByteArray() {
			flushWriter();
			return super.getContentAsByteArray();
		}

		@Override
		public InputStream getContentInputStream() {
			flushWriter();
			return super.getContentInputStream();
		}

		@Override
		public int getContentSize() {
			flushWriter();
			return super.getContentSize();
		}

		@Override
		protected void copyBodyToResponse(boolean complete) throws IOException {
			flushWriter();
			Pending pending = this.pending;
			if (complete && pending != null) {
				this.pending = null;
				pending.send((HttpServletResponse) getResponse());
				return;
			}
			super.copyBodyToResponse(complete);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			sendRedirect(location, HttpServletResponse.SC_FOUND, true);
		}

		@Override
		public void sendRedirect(String location, int status) throws IOException {
			sendRedirect(location, status, true);
		}

		@Override
		public void sendRedirect(String location, boolean clearBuffer) throws IOException {
			sendRedirect(location, HttpServletResponse.SC_FOUND, clearBuffer);
		}

		/**
		 * Held until the report is complete, so that a redirect, which has no body, still
		 * gets the count in its headers; a streamed response redirects at once.
		 */
		@Override
		public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
			if (this.streamed || isCommitted()) {
				((HttpServletResponse) getResponse()).sendRedirect(location, status, clearBuffer);
				return;
			}
			hold(new Pending(status, location, clearBuffer, null));
		}

		@Override
		public void sendError(int status) throws IOException {
			sendError(status, null);
		}

		/**
		 * Held until the report is complete, like a redirect: the container answers with
		 * its error page once the request returns anyway, and the headers go with it.
		 */
		@Override
		public void sendError(int status, @Nullable String message) throws IOException {
			if (this.streamed || isCommitted()) {
				super.sendError(status, message);
				return;
			}
			hold(new Pending(status, null, true, message));
		}

		private void hold(Pending pending) {
			this.pending = pending;
			setStatus(pending.status());
		}

		/** Takes back what the application asked to send: strict mode answers instead. */
		void release() {
			this.pending = null;
		}

		/**
		 * A redirect ({@code location}) or an error ({@code message}) to send.
		 */
		private record Pending(int status, @Nullable String location, boolean clearBuffer, @Nullable String message) {

			void send(HttpServletResponse response) throws IOException {
				if (this.location != null) {
					response.sendRedirect(this.location, this.status, this.clearBuffer);
				}
				else if (this.message != null) {
					response.sendError(this.status, this.message);
				}
				else {
					response.sendError(this.status);
				}
			}

		}

		void replaceBody(byte[] body) {
			replaceBody(body, body.length, new byte[0]);
		}

		/** The page with {@code inserted} put in at {@code at}. */
		void replaceBody(byte[] page, int at, byte[] inserted) {
			try {
				resetBuffer();
				ServletOutputStream out = super.getOutputStream();
				out.write(page, 0, at);
				out.write(inserted);
				out.write(page, at, page.length - at);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * Strict mode: the page rendered, but the request broke a rule, so it answers 500
	 * with the reasons instead (to requests that may see them). Tests and development
	 * catch the regression before review does.
	 */
	private void fail(ReportResponse response, List<Violation> violations, boolean visible) throws IOException {
		response.release();
		response.resetBuffer();
		response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
		response.setContentType("text/plain;charset=UTF-8");
		StringBuilder body = new StringBuilder("Strict SQL mode: ").append(this.diagnostics.ruleScope())
			.append(" broke ")
			.append(violations.size())
			.append((violations.size() == 1) ? " rule" : " rules");
		if (visible) {
			body.append(":\n");
			violations.forEach((violation) -> body.append("- ").append(violation.fullMessage()).append('\n'));
		}
		else {
			body.append(".\n");
		}
		response.getWriter().write(body.toString());
		response.getWriter().flush();
	}

	/**
	 * The route template once the handler is chosen; before that (a statement run by a
	 * servlet filter), the path.
	 */
	private static String routeSoFar(HttpServletRequest request) {
		Object pattern = request.getAttribute(BEST_MATCHING_PATTERN);
		return (pattern != null) ? pattern.toString() : HistoryScope.pathWithinApplication(request);
	}

	/**
	 * The route template, never the raw path: a tag per id would explode the metric.
	 */
	private static String route(HttpServletRequest request, int status) {
		Object pattern = request.getAttribute(BEST_MATCHING_PATTERN);
		if (pattern != null) {
			return pattern.toString();
		}
		return (status == HttpStatus.NOT_FOUND.value()) ? "NOT_FOUND" : "UNKNOWN";
	}

}
