package dev.nplusonelab.sql;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The request history as pages: recent requests sortable by statements or SQL time, one
 * request's report, and EXPLAIN ANALYZE of one of its statements. EXPLAIN only ever runs
 * a statement this application executed itself, looked up by report and position, and
 * only a SELECT, in a read-only transaction with a timeout: nothing a user sends becomes
 * SQL.
 */
@Controller
@ConditionalOnBooleanProperty(name = "lab.sql.history", matchIfMissing = true)
class SqlRequestsController {

	private static final String READ_ONLY_TIMEOUT = """
			SET LOCAL statement_timeout = '5s'
			""";

	private final SqlRequestHistory history;

	private final SqlProperties properties;

	private final SqlDiagnostics diagnostics;

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	SqlRequestsController(SqlRequestHistory history, SqlProperties properties, SqlDiagnostics diagnostics,
			JdbcClient jdbc, TransactionTemplate transactions) {
		this.history = history;
		this.properties = properties;
		this.diagnostics = diagnostics;
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	@GetMapping("/sql/requests")
	String requests(@RequestParam(defaultValue = "recent") String sort, Model model) {
		SqlRequestHistory.Order order = SqlRequestHistory.Order.parse(sort)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"sort must be recent, statements or time."));
		model.addAttribute("requests", new Requests(order.value(), this.history.capacity(),
				this.history.list(order).stream().limit(200).toList()));
		return "sql/requests";
	}

	@GetMapping("/sql/requests/{id}")
	String request(@PathVariable long id, Model model) {
		SqlRequestHistory.Entry entry = entry(id);
		model.addAttribute("entry", entry);
		model.addAttribute("panel", this.diagnostics.panel(entry.report(), entry.findings(), entry.violations()));
		return "sql/request";
	}

	@GetMapping("/sql/requests/{id}/statements/{index}/explain")
	String explain(@PathVariable long id, @PathVariable int index, Model model) {
		if (!this.properties.explain()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "EXPLAIN is turned off (lab.sql.explain).");
		}
		SqlRequestHistory.Entry entry = entry(id);
		List<StatementRecord> statements = entry.report().statements();
		if (index < 1 || index > statements.size()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Request " + id + " has no statement #" + index + ".");
		}
		StatementRecord statement = statements.get(index - 1);
		if (!statement.isSelect()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Only a SELECT can be explained.");
		}
		List<String> plan = this.readOnly.execute((status) -> {
			this.jdbc.sql(READ_ONLY_TIMEOUT).update();
			return this.jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())
				.params(statement.values())
				.query(String.class)
				.list();
		});
		model.addAttribute("explained", new Explained(entry, statement, String.join("\n", plan)));
		return "sql/explain";
	}

	private SqlRequestHistory.Entry entry(long id) {
		return this.history.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no stored request " + id
					+ ". The history keeps the last " + this.history.capacity() + " requests."));
	}

	record Requests(String sort, int capacity, List<SqlRequestHistory.Entry> entries) {
	}

	record Explained(SqlRequestHistory.Entry entry, StatementRecord statement, @Nullable String plan) {
	}

}
