package dev.nplusonelab.sql;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/sqlrequests}: recent requests with their statement counts and
 * findings, newest first or {@code ?sort=statements|time};
 * {@code /actuator/sqlrequests/{id}} is one request's full report.
 */
@Endpoint(id = "sqlrequests")
public class SqlRequestsEndpoint {

	private static final int MAX_LIMIT = 1000;

	private final SqlRequestHistory history;

	private final boolean showParameters;

	SqlRequestsEndpoint(SqlRequestHistory history, boolean showParameters) {
		this.history = history;
		this.showParameters = showParameters;
	}

	@ReadOperation
	public Requests requests(@Nullable String sort, @Nullable Integer limit) {
		SqlRequestHistory.Order order = (sort != null) ? SqlRequestHistory.Order.parse(sort)
			.orElseThrow(() -> new InvalidEndpointRequestException("sort must be recent, statements or time",
					"Unknown sort"))
				: SqlRequestHistory.Order.RECENT;
		int max = (limit != null) ? limit : 50;
		if (max < 1 || max > MAX_LIMIT) {
			throw new InvalidEndpointRequestException("limit must be from 1 to " + MAX_LIMIT, "Bad limit");
		}
		List<Line> lines = this.history.list(order).stream().limit(max).map(Line::of).toList();
		return new Requests(order.value(), this.history.capacity(), lines);
	}

	@ReadOperation
	public @Nullable Detail request(@Selector long id) {
		return this.history.find(id).map((entry) -> Detail.of(entry, this.showParameters)).orElse(null);
	}

	public record Requests(String sort, int capacity, List<Line> requests) {
	}

	/**
	 * One request in the list.
	 *
	 * @param latencyCapped whether its injected latency reached
	 * {@code lab.sql.max-injected}
	 * @param firstUndelayedStatement the first statement that then ran without delay
	 */
	public record Line(long id, Instant startedAt, String method, String route, String mode, int status, int statements,
			double sqlMillis, double injectedMillis, boolean latencyCapped, @Nullable Integer firstUndelayedStatement,
			long potentialNPlusOne, int violations) {

		static Line of(SqlRequestHistory.Entry entry) {
			RequestReport report = entry.report();
			return new Line(report.id(), report.startedAt(), report.method(), report.route(), report.mode(),
					report.status(), report.statementCount(), report.sqlTime().toNanos() / 1e6,
					report.injectedTime().toNanos() / 1e6, report.latencyCapped(), report.firstUndelayed(),
					entry.potentialNPlusOne(), entry.violations().size());
		}

	}

	public record Detail(Line summary, String path, List<String> findings, List<String> violations,
			List<Statement> statements) {

		static Detail of(SqlRequestHistory.Entry entry, boolean showParameters) {
			return new Detail(Line.of(entry), entry.report().path(),
					entry.findings().stream().map(Finding::message).toList(),
					entry.violations().stream().map(Violation::message).toList(),
					entry.report()
						.statements()
						.stream()
						.map((statement) -> Statement.of(statement, showParameters))
						.toList());
		}

	}

	public record Statement(int index, String sql, @Nullable List<List<String>> parameters, double millis, long rows,
			int keys, String callSite, String phase) {

		static Statement of(StatementRecord statement, boolean showParameters) {
			return new Statement(statement.index(), statement.sql(), showParameters ? statement.parameters() : null,
					statement.millis(), statement.fetched().rows(), statement.keys(), statement.callSite(),
					statement.phase().name().toLowerCase(java.util.Locale.ROOT));
		}

	}

}
