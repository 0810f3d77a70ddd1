package dev.nplusonelab.diagnostics.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.nplusonelab.diagnostics.web.DiagnosticsAccess;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.IndexHint;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.history.SqlExplainer;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.diagnostics.detect.Violation;

/**
 * {@code /actuator/sqlrequests}: recent requests with their statement counts and
 * findings, newest first or {@code ?sort=statements|time}, and the statements that ran on
 * no request's behalf; {@code /actuator/sqlrequests/{id}} is one request's full report,
 * and {@code /actuator/sqlrequests/{id}/{index}} the EXPLAIN ANALYZE plan of one of its
 * SELECTs (PostgreSQL only). Like the panel, it answers only requests that
 * {@link DiagnosticsAccess} allows; anyone else gets a 404.
 */
@WebEndpoint(id = "sqlrequests")
public class SqlRequestsEndpoint {

	private static final int MAX_LIMIT = 1000;

	private final SqlRequestHistory history;

	private final SqlCapture capture;

	private final boolean showParameters;

	private final ObjectProvider<SqlExplainer> explainer;

	private final ObjectProvider<DiagnosticsAccess> access;

	public SqlRequestsEndpoint(SqlRequestHistory history, SqlCapture capture, boolean showParameters,
			ObjectProvider<SqlExplainer> explainer, ObjectProvider<DiagnosticsAccess> access) {
		this.history = history;
		this.capture = capture;
		this.showParameters = showParameters;
		this.explainer = explainer;
		this.access = access;
	}

	@ReadOperation
	public @Nullable Requests requests(@Nullable String sort, @Nullable Integer limit) {
		if (!allowed()) {
			return null;
		}
		SqlRequestHistory.Order order = (sort != null) ? SqlRequestHistory.Order.parse(sort)
			.orElseThrow(() -> new InvalidEndpointRequestException("sort must be recent, statements or time",
					"Unknown sort"))
				: SqlRequestHistory.Order.RECENT;
		int max = (limit != null) ? limit : 50;
		if (max < 1 || max > MAX_LIMIT) {
			throw new InvalidEndpointRequestException("limit must be from 1 to " + MAX_LIMIT, "Bad limit");
		}
		List<Line> lines = this.history.list(order).stream().limit(max).map(Line::of).toList();
		return new Requests(order.value(), this.history.capacity(), this.capture.unattributedStatements(), lines);
	}

	@ReadOperation
	public @Nullable Detail request(@Selector long id) {
		if (!allowed()) {
			return null;
		}
		return this.history.find(id).map((entry) -> Detail.of(entry, this.showParameters)).orElse(null);
	}

	@ReadOperation
	public @Nullable Explained explain(@Selector long id, @Selector int index) {
		SqlExplainer explainer = this.explainer.getIfAvailable();
		if (explainer == null || !allowed()) {
			return null;
		}
		SqlRequestHistory.Entry entry = this.history.find(id).orElse(null);
		StatementRecord statement = (entry != null) ? entry.report().statement(index).orElse(null) : null;
		if (statement == null) {
			return null;
		}
		if (!statement.isSelect()) {
			throw new InvalidEndpointRequestException("Only a SELECT can be explained", "Not a SELECT");
		}
		SqlExplainer.Explanation explanation = explainer.explain(statement);
		return new Explained(id, index, statement.sql(), explanation.database(), explanation.supported(),
				explanation.plan(), explanation.message());
	}

	/**
	 * Whether the request being served may see the history: only over HTTP, and only from
	 * an allowed address.
	 */
	private boolean allowed() {
		DiagnosticsAccess access = this.access.getIfAvailable();
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (access == null || !(attributes instanceof ServletRequestAttributes servlet)) {
			return false;
		}
		HttpServletRequest request = servlet.getRequest();
		return access.allows(request);
	}

	/**
	 * @param unattributedStatements statements since start-up that ran on no request's
	 * behalf (start-up, scheduled work, threads the application started itself)
	 */
	public record Requests(String sort, int capacity, long unattributedStatements, List<Line> requests) {
	}

	/**
	 * One request in the list; its tags ({@code SqlReportTags}) are fields of their own.
	 *
	 * @param query its query string as it was sent, if it had one and the history keeps
	 * them ({@code nplusone.history.query-strings})
	 * @param statements the statements it ran itself
	 * @param subRequests how many requests it made to this application on its behalf, and
	 * they in turn
	 * @param subRequestStatements the statements those ran, not part of
	 * {@code statements}
	 * @param children the requests it made, each with its own
	 * @param latencyCapped whether its injected latency reached
	 * {@code nplusone.max-injected}
	 * @param firstUndelayedStatement the first statement that then ran without delay
	 * @param droppedStatements statements counted but not kept
	 */
	public record Line(long id, Instant startedAt, String method, String route, @Nullable String query, int status,
			int statements, int droppedStatements, double sqlMillis, double injectedMillis, boolean latencyCapped,
			@Nullable Integer firstUndelayedStatement, long potentialNPlusOne, int violations, int subRequests,
			int subRequestStatements, List<Line> children, @JsonAnyGetter Map<String, String> tags) {

		static Line of(SqlRequestHistory.Entry entry) {
			RequestReport report = entry.report();
			SqlDiagnostics.SubRequests sub = entry.subRequests();
			return new Line(report.id(), report.startedAt(), report.method(), report.route(), entry.query(),
					report.status(), report.statementCount(), report.droppedStatementCount(),
					report.sqlTime().toNanos() / 1e6, report.injectedTime().toNanos() / 1e6, report.latencyCapped(),
					report.firstUndelayed(), entry.potentialNPlusOne(), entry.violations().size(), sub.requests(),
					sub.statements(), entry.children().stream().map(Line::of).toList(), report.tags());
		}

	}

	/**
	 * One request's full report.
	 *
	 * @param findings what the detector found, numbered from 1 in this order
	 * @param violations the rules it broke, each pointing to its finding where one broke
	 * it
	 */
	public record Detail(Line summary, String path, @Nullable String latencyCapped, List<FindingView> findings,
			List<ViolationView> violations, List<Statement> statements) {

		static Detail of(SqlRequestHistory.Entry entry, boolean showParameters) {
			List<Finding> findings = entry.findings();
			return new Detail(Line.of(entry), entry.report().path(), SqlDiagnostics.latencyCapped(entry.report()),
					findings.stream().map(FindingView::of).toList(),
					entry.violations().stream().map((violation) -> ViolationView.of(violation, findings)).toList(),
					entry.report()
						.statements()
						.stream()
						.map((statement) -> Statement.of(statement, showParameters))
						.toList());
		}

	}

	/**
	 * A finding as JSON.
	 *
	 * @param kind {@code n_plus_one}, {@code loop}, {@code batch_plus_one},
	 * {@code duplicate}, {@code unbatched_writes} or {@code large_values}
	 * @param message the line the log and the panel show
	 * @param count how many statements (values, for large values)
	 * @param distinct how many distinct keys a potential N+1 looked up or batches loaded,
	 * rounds a loop ran, or statements a duplicate repeated
	 * @param sites every line that issued them, with how often
	 * @param source the position of the list a potential N+1 ran for, if known
	 * @param fix the fix, if one is named
	 * @param column the column large values were read from; none for the other kinds
	 * @param members the potential N+1s of a loop, in the order each round runs them;
	 * empty for the other kinds
	 * @param batchSize the most keys one of the batches loaded; none for the other kinds
	 * @param index the column the statements filter on that no index leads, if the
	 * database's metadata says so
	 */
	public record FindingView(String kind, String message, String sql, int count, int distinct, List<Site> sites,
			@Nullable Integer source, @Nullable Fix fix, @Nullable String column, List<FindingView> members,
			@Nullable Integer batchSize, @Nullable MissingIndex index) {

		static FindingView of(Finding finding) {
			Finding.Suggestion suggestion = finding.suggestion();
			return new FindingView(finding.kind().name().toLowerCase(Locale.ROOT), finding.message(), finding.sql(),
					finding.count(), finding.distinctParameterSets(),
					finding.sites().stream().map((site) -> new Site(site.callSite(), site.runs())).toList(),
					(finding.source() != null) ? finding.source().index() : null,
					(suggestion != null) ? new Fix(suggestion.summary(), suggestion.code(), suggestion.text()) : null,
					finding.column(), finding.members().stream().map(FindingView::of).toList(),
					(finding.kind() == Finding.Kind.BATCH_PLUS_ONE) ? finding.batchSize() : null,
					MissingIndex.of(finding));
		}

	}

	/**
	 * A missing index as JSON.
	 *
	 * @param table the table, as the database names it
	 * @param column the column no index leads
	 * @param text what it costs, in words
	 * @param create the statement that adds the index
	 */
	public record MissingIndex(String table, String column, String text, String create) {

		static @Nullable MissingIndex of(Finding finding) {
			IndexHint hint = finding.indexHint();
			return (hint != null) ? new MissingIndex(hint.table(), hint.column(),
					String.valueOf(finding.indexHintText()), hint.create()) : null;
		}

	}

	/** A line that issued statements of a finding, and how many. */
	public record Site(String callSite, int runs) {
	}

	/**
	 * A fix as JSON.
	 *
	 * @param summary the fix in words
	 * @param code the code or SQL that does it
	 * @param text both, as the message shows them
	 */
	public record Fix(String summary, String code, String text) {
	}

	/**
	 * A broken rule as JSON.
	 *
	 * @param finding the number of the finding that broke it, if one did
	 */
	public record ViolationView(String rule, String message, @Nullable Integer finding) {

		static ViolationView of(Violation violation, List<Finding> findings) {
			int index = (violation.finding() != null) ? findings.indexOf(violation.finding()) : -1;
			return new ViolationView(violation.rule().name().toLowerCase(Locale.ROOT), violation.message(),
					(index >= 0) ? index + 1 : null);
		}

	}

	/**
	 * One statement as JSON.
	 *
	 * @param issuer the code that sent it: {@code hibernate}, {@code spring_data_jdbc},
	 * {@code jdbc}, {@code other}, or {@code unknown} with call sites off
	 * @param database the database product it ran on, as its driver names it
	 * @param stack the call site, then the lines of application code that led to it,
	 * nearest first, as the panel shows them
	 * @param view the view that was rendering when it ran, if the application named one
	 */
	public record Statement(int index, String sql, @Nullable List<List<String>> parameters, double millis, long rows,
			int keys, String callSite, String phase, String thread, String issuer, String database, List<String> stack,
			@Nullable String view) {

		static Statement of(StatementRecord statement, boolean showParameters) {
			return new Statement(statement.index(), statement.sql(), showParameters ? statement.parameters() : null,
					statement.millis(), statement.fetched().rows(), statement.keys(), statement.callSite(),
					statement.phase().name().toLowerCase(Locale.ROOT), statement.thread(),
					statement.issuer().name().toLowerCase(Locale.ROOT), statement.database().label(), statement.stack(),
					statement.view());
		}

	}

	/**
	 * EXPLAIN of one stored statement.
	 *
	 * @param supported whether the database can explain it here (PostgreSQL only)
	 * @param plan the plan, a line per element
	 * @param message why there is no plan
	 */
	public record Explained(long request, int index, String sql, String database, boolean supported, List<String> plan,
			@Nullable String message) {
	}

}
