package dev.nplusonelab.sqlreport;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dev.nplusonelab.diagnostics.web.DiagnosticsAccess;
import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.history.SqlExplainer;
import dev.nplusonelab.diagnostics.web.SqlPanelRenderer;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;
import dev.nplusonelab.diagnostics.capture.StatementRecord;

/**
 * The request history as pages, built on the starter's history: recent requests sortable
 * by statements or SQL time, one request's report (the panel's body, as the starter
 * writes it), and EXPLAIN ANALYZE of one of its statements. EXPLAIN only ever runs a
 * statement this application executed itself, looked up by report and position, and only
 * a SELECT, in a read-only transaction with a timeout: nothing a user sends becomes SQL.
 */
@Controller
// Both on: with the diagnostics off there is no history to show.
@ConditionalOnProperty(prefix = "nplusone", name = { "enabled", "history.enabled" }, havingValue = "true",
		matchIfMissing = true)
class SqlRequestsController {

	private final SqlRequestHistory history;

	private final NPlusOneProperties properties;

	private final SqlDiagnostics diagnostics;

	private final SqlPanelRenderer renderer;

	private final ObjectProvider<SqlExplainer> explainer;

	private final DiagnosticsAccess access;

	SqlRequestsController(SqlRequestHistory history, NPlusOneProperties properties, SqlDiagnostics diagnostics,
			SqlPanelRenderer renderer, ObjectProvider<SqlExplainer> explainer, DiagnosticsAccess access) {
		this.history = history;
		this.properties = properties;
		this.diagnostics = diagnostics;
		this.renderer = renderer;
		this.explainer = explainer;
		this.access = access;
	}

	@GetMapping("/sql/requests")
	String requests(@RequestParam(defaultValue = "recent") String sort, Model model, HttpServletRequest request) {
		allowed(request);
		SqlRequestHistory.Order order = SqlRequestHistory.Order.parse(sort)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"sort must be recent, statements or time."));
		model.addAttribute("requests", new Requests(order.value(), this.history.capacity(),
				this.history.list(order).stream().limit(200).toList()));
		return "sql/requests";
	}

	@GetMapping("/sql/requests/{id}")
	String request(@PathVariable long id, Model model, HttpServletRequest request) {
		allowed(request);
		SqlRequestHistory.Entry entry = entry(id);
		SqlDiagnostics.Panel panel = this.diagnostics.panel(entry.report(), entry.findings(), entry.violations());
		model.addAttribute("entry", entry);
		model.addAttribute("panel", panel);
		model.addAttribute("reportBody", this.renderer.body(panel, request));
		return "sql/request";
	}

	@GetMapping("/sql/requests/{id}/statements/{index}/explain")
	String explain(@PathVariable long id, @PathVariable int index, Model model, HttpServletRequest request) {
		allowed(request);
		SqlExplainer explainer = this.explainer.getIfAvailable();
		if (!this.properties.isExplain() || explainer == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "EXPLAIN is turned off (nplusone.explain).");
		}
		SqlRequestHistory.Entry entry = entry(id);
		StatementRecord statement = entry.report()
			.statement(index)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Request " + id + " has no statement #" + index + "."));
		if (!statement.isSelect()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Only a SELECT can be explained.");
		}
		SqlExplainer.Explanation explanation = explainer.explain(statement);
		String plan = explanation.supported() ? explanation.text() : explanation.message();
		model.addAttribute("explained", new Explained(entry, statement, plan));
		return "sql/explain";
	}

	/**
	 * The history is shown only where the panel is
	 * ({@code nplusone.web.allowed-addresses}).
	 */
	private void allowed(HttpServletRequest request) {
		if (!this.access.allows(request)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no page at this address.");
		}
	}

	private SqlRequestHistory.Entry entry(long id) {
		return this.history.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no stored request " + id
					+ ". The history keeps the last " + this.history.capacity() + " requests."));
	}

	record Requests(String sort, int capacity, List<SqlRequestHistory.Entry> entries) {
	}

	record Explained(SqlRequestHistory.Entry entry, StatementRecord statement, String plan) {
	}

}
