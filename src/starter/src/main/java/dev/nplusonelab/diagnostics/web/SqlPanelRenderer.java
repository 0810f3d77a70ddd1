package dev.nplusonelab.diagnostics.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.IndexHint;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.detect.StatementSummary;
import dev.nplusonelab.diagnostics.detect.Violation;

/**
 * Writes the SQL panel as HTML: the bar the servlet filter puts before a page's last
 * {@code </body>}, and its body, which a history page can show on its own.
 * <p>
 * Both live in a declarative shadow root ({@code <template shadowrootmode="open">}) of a
 * {@code <nplusone-panel>} or {@code <nplusone-report>} element, with the panel's
 * stylesheet linked inside it: the page's stylesheets (Bootstrap's {@code pre} and
 * {@code code} rules, a reset, a classless theme) cannot reach the panel, and the panel's
 * rules cannot reach the page. It needs no script. Every value is escaped; there is no
 * inline script or style, so it works under a {@code default-src 'self'}
 * Content-Security-Policy. The stylesheet is served at {@value #STYLESHEET}.
 */
public class SqlPanelRenderer {

	/** The panel's stylesheet, within the application. */
	public static final String STYLESHEET = "/_nplusone/panel.css";

	private final PanelLinks links;

	private final boolean bytes;

	private final int maxStatements;

	private final BiFunction<HttpServletRequest, String, String> urls;

	/**
	 * @param links where EXPLAIN and the recent requests are
	 * @param bytes whether bytes are counted ({@code nplusone.result-set.bytes})
	 * @param maxStatements {@code nplusone.max-statements-per-request}, to say so when a
	 * request ran more
	 */
	public SqlPanelRenderer(PanelLinks links, boolean bytes, int maxStatements) {
		this(links, bytes, maxStatements, (request, url) -> url);
	}

	/**
	 * @param urls what the application does to every URL a page writes (Spring MVC's
	 * {@code RequestDataValueProcessor}, as a template engine would call it)
	 */
	public SqlPanelRenderer(PanelLinks links, boolean bytes, int maxStatements,
			BiFunction<HttpServletRequest, String, String> urls) {
		this.links = links;
		this.bytes = bytes;
		this.maxStatements = maxStatements;
		this.urls = urls;
	}

	/** The element that holds the panel, the bar pinned to the bottom of the window. */
	public static final String PANEL_ELEMENT = "nplusone-panel";

	/** The element that holds a report's body on a page of its own. */
	public static final String REPORT_ELEMENT = "nplusone-report";

	/** The link to the panel's stylesheet. */
	public String stylesheet(String contextPath) {
		return "<link rel=\"stylesheet\" href=\"" + escape(contextPath + STYLESHEET) + "\">";
	}

	/** Opens {@code element} and the shadow root the panel's own stylesheet styles. */
	private void open(StringBuilder html, String element, String contextPath) {
		html.append('<')
			.append(element)
			.append(">\n<template shadowrootmode=\"open\">")
			.append(stylesheet(contextPath))
			.append('\n');
	}

	private static void close(StringBuilder html, String element) {
		html.append("</template>\n</").append(element).append(">\n");
	}

	/**
	 * The bar with the panel for a page served to {@code request}: its links carry the
	 * context path and whatever the application adds to every link.
	 */
	public String panel(SqlDiagnostics.Panel panel, HttpServletRequest request) {
		return panel(panel, request.getContextPath(), linker(request));
	}

	/** The panel's body alone, for a page served to {@code request}. */
	public String body(SqlDiagnostics.Panel panel, HttpServletRequest request) {
		return body(panel, request.getContextPath(), linker(request));
	}

	/**
	 * The bar with the panel: a {@code <details id="sql-panel">} element in the shadow
	 * root of a {@code <nplusone-panel>}.
	 */
	public String panel(SqlDiagnostics.Panel panel, String contextPath) {
		return panel(panel, contextPath, (path) -> link(contextPath, path));
	}

	private UnaryOperator<String> linker(HttpServletRequest request) {
		String contextPath = request.getContextPath();
		return (path) -> this.urls.apply(request, link(contextPath, path));
	}

	private String panel(SqlDiagnostics.Panel panel, String contextPath, UnaryOperator<String> links) {
		StatementSummary s = panel.summary();
		long nPlusOne = panel.potentialNPlusOne();
		StringBuilder html = new StringBuilder(4096 + 512 * s.lines().size());
		html.append("\n<!-- Every statement this request ran: the N+1 diagnostics. -->\n");
		open(html, PANEL_ELEMENT, contextPath);
		html.append("<details id=\"sql-panel\" class=\"sql-panel");
		if (nPlusOne > 0 || !panel.violations().isEmpty()) {
			html.append(" has-repeats");
		}
		html.append('"');
		attribute(html, "data-statements", Integer.toString(s.count()));
		attribute(html, "data-sql-millis", decimal(s.totalMillis(), 3, false));
		attribute(html, "data-injected-millis", decimal(panel.injectedMillis(), 3, false));
		attribute(html, "data-similar", Integer.toString(s.similarStatements()));
		attribute(html, "data-duplicates", Long.toString(panel.duplicateFindings()));
		attribute(html, "data-nplusone", Long.toString(nPlusOne));
		attribute(html, "data-violations", Integer.toString(panel.violations().size()));
		attribute(html, "data-rows", Long.toString(s.rows()));
		attribute(html, "data-bytes", Long.toString(s.bytes()));
		attribute(html, "data-report", Long.toString(panel.report().id()));
		SqlDiagnostics.SubRequests sub = panel.subRequests();
		attribute(html, "data-sub-requests", Integer.toString(sub.requests()));
		attribute(html, "data-sub-statements", Integer.toString(sub.statements()));
		html.append(">\n<summary>\n");
		html.append("<span class=\"sql-count\"><strong>")
			.append(s.count())
			.append("</strong> ")
			.append((s.count() == 1) ? "statement" : "statements")
			.append((sub.requests() > 0) ? " here" : "")
			.append("</span>\n");
		if (sub.requests() > 0) {
			span(html, "sql-sub", sub.statements() + " in " + requests(sub.requests()) + " it made");
		}
		html.append("<span class=\"sql-time\"><strong>")
			.append(decimal(s.totalMillis(), 2, true))
			.append("</strong> ms SQL</span>\n");
		if (panel.injectedMillis() > 0) {
			span(html, "sql-injected", "+ " + decimal(panel.injectedMillis(), 0, true) + " ms injected latency");
		}
		String capped = panel.latencyCapped();
		if (capped != null) {
			span(html, "sql-injected sql-latency-capped", capped);
		}
		span(html, "sql-rows",
				this.bytes ? s.rows() + " rows · ≈ " + s.readableBytes() + " read" : s.rows() + " rows read");
		if (nPlusOne > 0) {
			span(html, "badge-n1", nPlusOne + " potential N+1");
		}
		long duplicates = panel.duplicateFindings();
		if (duplicates > 0) {
			span(html, "sql-duplicates", duplicates + ((duplicates == 1) ? " duplicate" : " duplicates"));
		}
		if (!panel.violations().isEmpty()) {
			int violations = panel.violations().size();
			span(html, "badge-violation", violations + ((violations == 1) ? " violation" : " violations"));
		}
		if (s.count() > 0 && panel.findings().isEmpty()) {
			span(html, "sql-clean", "no repeated query");
		}
		span(html, "sql-toggle-hint", "SQL panel");
		html.append("</summary>\n");
		body(html, panel, links);
		html.append("</details>\n");
		close(html, PANEL_ELEMENT);
		return html.toString();
	}

	/**
	 * The panel's body alone: violations, findings, repeated queries and every statement,
	 * in the shadow root of a {@code <nplusone-report>}.
	 */
	public String body(SqlDiagnostics.Panel panel, String contextPath) {
		return body(panel, contextPath, (path) -> link(contextPath, path));
	}

	private String body(SqlDiagnostics.Panel panel, String contextPath, UnaryOperator<String> links) {
		StringBuilder html = new StringBuilder(4096 + 512 * panel.summary().lines().size());
		open(html, REPORT_ELEMENT, contextPath);
		body(html, panel, links);
		close(html, REPORT_ELEMENT);
		return html.toString();
	}

	private void body(StringBuilder html, SqlDiagnostics.Panel panel, UnaryOperator<String> links) {
		StatementSummary s = panel.summary();
		html.append("<div class=\"sql-body\">\n");
		if (!panel.violations().isEmpty()) {
			html.append("<section class=\"violations\">\n<h2>Rules ")
				.append(escape(panel.ruleScope()))
				.append(" broke</h2>\n<ul>");
			for (Violation violation : panel.violations()) {
				html.append("<li><span class=\"badge\">")
					.append(escape(violation.rule().name()))
					.append("</span> <span>")
					.append(escape(violation.message()))
					.append("</span></li>");
			}
			// A finding that breaks a rule is listed once, under Findings, with its
			// number.
			html.append("</ul>\n</section>\n");
		}
		if (!panel.findings().isEmpty()) {
			html.append("<section class=\"findings\">\n<h2>Findings</h2>\n<ol>\n");
			int number = 0;
			for (Finding finding : panel.findings()) {
				html.append("<li class=\"finding-")
					.append(finding.kind().name().toLowerCase(Locale.ROOT))
					.append("\">");
				html.append("<span class=\"number\">").append(++number).append(".</span> ");
				html.append("<strong>").append(escape(finding.label())).append("</strong> ");
				String from = (finding.kind() == Finding.Kind.DUPLICATE) ? finding.sitesText() : finding.callSite();
				String keys = (finding.kind() == Finding.Kind.N_PLUS_ONE
						&& finding.distinctParameterSets() < finding.count())
								? ", " + finding.distinctParameterSets()
										+ ((finding.distinctParameterSets() == 1) ? " distinct key" : " distinct keys")
								: (finding.kind() == Finding.Kind.BATCH_PLUS_ONE)
										? ", " + finding.distinctParameterSets() + " keys" : "";
				span(html, "muted", "from " + from + ", " + decimal(finding.millis(), 1, true) + " ms" + keys);
				Finding.Source source = finding.source();
				// A loop runs each of its statements once per row, not all of them.
				int perRow = (finding.kind() == Finding.Kind.LOOP) ? finding.distinctParameterSets() : finding.count();
				if (source != null) {
					html.append("<div class=\"finding-source\">")
						.append((source.rows() >= perRow) ? "for the " + source.rows()
								+ ((source.rows() == 1) ? " row" : " rows") + " of #" + source.index()
								: "after #" + source.index() + " (" + source.rows() + " rows)")
						.append("</div>\n");
				}
				if (finding.members().isEmpty()) {
					html.append("<pre class=\"sql\">")
						.append(escape(SqlFormatter.format(finding.sql())))
						.append("</pre>\n");
				}
				// A loop shows each statement it runs per row, with its own line.
				for (Finding member : finding.members()) {
					html.append("<div class=\"finding-member\">");
					span(html, "muted", member.callSite() + ", " + member.count() + " statements");
					html.append("<pre class=\"sql\">")
						.append(escape(SqlFormatter.format(member.sql())))
						.append("</pre>");
					IndexHint missing = member.indexHint();
					if (missing != null) {
						html.append("<div class=\"index-hint\">")
							.append(escape(String.valueOf(member.indexHintText())))
							.append(": <code>")
							.append(escape(missing.create()))
							.append("</code></div>");
					}
					html.append("</div>\n");
				}
				Finding.Suggestion suggestion = finding.suggestion();
				if (suggestion != null) {
					html.append("<div class=\"suggestion\">Fix: <strong>")
						.append(escape(suggestion.summary()))
						.append("</strong> with <code>")
						.append(escape(suggestion.code()))
						.append("</code></div>\n");
				}
				IndexHint hint = finding.indexHint();
				if (hint != null) {
					html.append("<div class=\"index-hint\">")
						.append(escape(String.valueOf(finding.indexHintText())))
						.append(": <code>")
						.append(escape(hint.create()))
						.append("</code></div>\n");
				}
				html.append("</li>\n");
			}
			html.append("</ol>\n</section>\n");
		}
		if (!s.groups().isEmpty()) {
			groups(html, s);
		}
		long id = panel.report().id();
		html.append("<section class=\"sql-all\">\n<h2>All statements, in order (").append(s.count()).append(")</h2>\n");
		SqlDiagnostics.SubRequests sub = panel.subRequests();
		if (s.count() == 0) {
			html.append("<p class=\"hint\">This request ran no SQL")
				.append((sub.requests() > 0) ? " of its own" : "")
				.append(".</p>\n");
		}
		if (sub.requests() > 0) {
			html.append("<p class=\"hint sql-sub\">The ")
				.append(requests(sub.requests()))
				.append(" it made to this application ran ")
				.append(sub.statements())
				.append((sub.statements() == 1) ? " statement" : " statements")
				.append(" in ")
				.append(decimal(sub.sqlTime().toNanos() / 1_000_000.0, 2, true))
				.append(" ms, counted for them, not here.</p>\n");
		}
		if (s.dropped() > 0) {
			html.append("<p class=\"hint sql-dropped\">")
				.append(s.dropped())
				.append((s.dropped() == 1) ? " more statement was" : " more statements were")
				.append(" counted but not kept: a request keeps ")
				.append(this.maxStatements)
				.append(" (nplusone.max-statements-per-request).</p>\n");
		}
		if (s.similarStatements() > 0) {
			html.append("<input type=\"checkbox\" class=\"only-repeated\" id=\"only-repeated-")
				.append(id)
				.append("\">\n<label class=\"only-repeated-label\" for=\"only-repeated-")
				.append(id)
				.append("\">show only repeated statements</label>\n");
		}
		html.append("<ol class=\"sql-lines\">\n");
		for (StatementSummary.Line line : s.lines()) {
			line(html, panel, line, links);
		}
		html.append("</ol>\n");
		String history = panel.explainable() ? this.links.history() : null;
		if (history != null) {
			html.append("<p class=\"hint\"><a href=\"")
				.append(escape(links.apply(history)))
				.append("\">Recent requests</a></p>\n");
		}
		html.append("</section>\n</div>\n");
	}

	private void line(StringBuilder html, SqlDiagnostics.Panel panel, StatementSummary.Line line,
			UnaryOperator<String> links) {
		StatementRecord statement = line.statement();
		html.append("<li class=\"")
			.append((line.group() > 0) ? "group-" + (line.group() % 8) : "single")
			.append(line.duplicate() ? " duplicate" : "")
			.append("\">\n<div class=\"sql-line-head\">\n");
		span(html, "index", "#" + statement.index());
		span(html, "ms", decimal(statement.millis(), 3, true) + " ms");
		share(html, statement.millis(), panel.summary().totalMillis());
		if (line.group() > 0) {
			span(html, "badge", "S" + line.group());
		}
		if (line.duplicate()) {
			span(html, "badge duplicate", "duplicate");
		}
		if (statement.keys() > 0) {
			span(html, "badge batch", "batch: " + statement.keys() + " keys");
		}
		if (statement.batchSize() > 1) {
			span(html, "badge batch", "batch of " + statement.batchSize());
		}
		if (statement.phase() == StatementRecord.Phase.VIEW) {
			span(html, "badge view",
					(statement.view() != null) ? "from the view " + statement.view() : "from the view");
		}
		if (!statement.thread().equals(panel.report().thread())) {
			span(html, "badge thread", "on thread " + statement.thread());
		}
		long rows = statement.fetched().rows();
		span(html, "rows", rows + ((rows == 1) ? " row" : " rows"));
		span(html, "site", statement.callSite());
		String explain = (panel.explainable() && statement.isSelect() && statement.database().explainable())
				? this.links.explain(panel.report().id(), statement.index()) : null;
		if (explain != null) {
			html.append("<a class=\"explain\" href=\"").append(escape(links.apply(explain))).append("\">EXPLAIN</a>\n");
		}
		html.append("</div>\n<pre class=\"sql\">").append(escape(statement.sql())).append("</pre>\n");
		if (panel.showParameters()) {
			for (List<String> set : statement.parameters()) {
				if (!set.isEmpty()) {
					html.append("<div class=\"params\"><span class=\"label\">params</span> <code>")
						.append(escape(String.join(", ", set)))
						.append("</code></div>\n");
				}
			}
		}
		html.append("</li>\n");
	}

	private static String requests(int requests) {
		return requests + ((requests == 1) ? " request" : " requests");
	}

	/**
	 * Every query once, the repeated ones first: how often it ran, its share of the
	 * request's SQL time, its text laid out a clause per line, and the stack of the code
	 * that ran it.
	 */
	private static void groups(StringBuilder html, StatementSummary s) {
		Map<String, List<StatementRecord>> members = new HashMap<>();
		for (StatementSummary.Line line : s.lines()) {
			members.computeIfAbsent(line.statement().fingerprint(), (key) -> new ArrayList<>()).add(line.statement());
		}
		html.append("<section class=\"sql-queries\">\n<h2>Queries (")
			.append(s.groups().size())
			.append(")</h2>\n")
			.append("<p class=\"hint\">Each query once, the most run first, with its share of the request's SQL time. ")
			.append("<em>Similar</em>: the same SQL with different parameters, typically once ")
			.append("per row; values written into the SQL and <code>IN (?, ?)</code> lists of any length count ")
			.append("as the same SQL, as for the findings. <em>Duplicate</em>: the same SQL text with the same ")
			.append("parameters, an answer asked for twice.</p>\n")
			.append("<table class=\"sql-groups\">\n<thead><tr><th>group</th><th class=\"num\">runs</th>")
			.append("<th class=\"num\">duplicates</th><th class=\"num\">ms and share</th><th>SQL</th></tr></thead>\n")
			.append("<tbody>\n");
		for (StatementSummary.Group group : s.groups()) {
			html.append("<tr class=\"")
				.append(group.similar() ? "group-" + (group.number() % 8) : "single")
				.append("\"><td>");
			if (group.similar()) {
				html.append("<span class=\"badge\">S").append(group.number()).append("</span>");
			}
			html.append("</td><td class=\"num\" data-label=\"runs\">")
				.append(group.count())
				.append("</td><td class=\"num\" data-label=\"duplicates\">")
				.append(group.duplicates())
				.append("</td><td class=\"num\" data-label=\"ms\">")
				.append(decimal(group.totalMillis(), 2, true))
				.append('\n');
			share(html, group.totalMillis(), s.totalMillis());
			html.append("</td><td><pre class=\"sql\">")
				.append(escape(SqlFormatter.format(group.sql())))
				.append("</pre>\n");
			stacks(html, members.getOrDefault(group.fingerprint(), List.of()));
			html.append("</td></tr>\n");
		}
		html.append("</tbody>\n</table>\n</section>\n");
	}

	/**
	 * The stacks that ran a group's statements, each once with how many it ran, and the
	 * view that was rendering, if one was.
	 */
	private static void stacks(StringBuilder html, List<StatementRecord> statements) {
		Map<String, List<StatementRecord>> byStack = new LinkedHashMap<>();
		for (StatementRecord statement : statements) {
			String view = statement.view();
			byStack
				.computeIfAbsent(String.join("\n", statement.stack()) + '\u0000' + ((view != null) ? view : ""),
						(key) -> new ArrayList<>())
				.add(statement);
		}
		if (byStack.isEmpty()) {
			return;
		}
		html.append("<details class=\"stack\"><summary>")
			.append((byStack.size() == 1) ? "stack" : byStack.size() + " stacks")
			.append("</summary>\n");
		for (List<StatementRecord> same : byStack.values()) {
			StatementRecord first = same.get(0);
			html.append("<div class=\"stack-entry\">");
			if (byStack.size() > 1) {
				span(html, "muted", (same.size() == 1) ? "1 run" : same.size() + " runs");
			}
			if (first.view() != null) {
				html.append("<p class=\"stack-view\">while the view <code>")
					.append(escape(first.view()))
					.append("</code> rendered</p>\n");
			}
			else if (first.phase() == StatementRecord.Phase.VIEW) {
				html.append("<p class=\"stack-view\">while the view rendered</p>\n");
			}
			html.append("<ol class=\"stack-lines\">");
			for (String line : first.stack()) {
				html.append("<li><code>").append(escape(line)).append("</code></li>");
			}
			html.append("</ol></div>\n");
		}
		html.append("</details>\n");
	}

	/**
	 * A share of the request's SQL time as a bar and as text: the bar's width is one of a
	 * fixed set of classes, {@code w0}, {@code w1} for a sliver and {@code w5} to
	 * {@code w100} in steps of 5, since the panel has no inline style (a strict
	 * Content-Security-Policy forbids it).
	 */
	static void share(StringBuilder html, double millis, double totalMillis) {
		double percent = (totalMillis > 0 && millis > 0) ? Math.min(100, 100 * millis / totalMillis) : 0;
		long step = Math.round(percent / 5) * 5;
		if (step == 0 && percent > 0) {
			// Some time, however little, is not none.
			step = 1;
		}
		String text = (percent > 0 && percent < 1) ? "<1%" : Math.round(percent) + "%";
		html.append("<span class=\"share\"><span class=\"bar w")
			.append(step)
			.append("\" aria-hidden=\"true\"></span>")
			.append(escape(text))
			.append("<span class=\"visually-hidden\"> of the SQL time</span></span>\n");
	}

	private static String link(String contextPath, String path) {
		return path.startsWith("/") ? contextPath + path : path;
	}

	private static void span(StringBuilder html, String cssClass, String text) {
		html.append("<span class=\"").append(cssClass).append("\">").append(escape(text)).append("</span>\n");
	}

	private static void attribute(StringBuilder html, String name, String value) {
		html.append(' ').append(name).append("=\"").append(escape(value)).append('"');
	}

	/**
	 * {@code 1234.5678} with {@code decimals} decimals, and thousands separated: what
	 * {@code String.format(Locale.ROOT, "%,.3f", value)} writes, rounded half up from the
	 * shortest decimal that reads back as the value, without parsing a format for each of
	 * the dozen numbers of every panel.
	 */
	static String decimal(double value, int decimals, boolean grouped) {
		if (!Double.isFinite(value) || value < 0 || (value == 0 && 1 / value < 0)) {
			return String.format(Locale.ROOT, grouped ? "%,." + decimals + "f" : "%." + decimals + "f", value);
		}
		String plain = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
		if (!grouped) {
			return plain;
		}
		int point = plain.indexOf('.');
		int integer = (point >= 0) ? point : plain.length();
		if (integer <= 3) {
			return plain;
		}
		StringBuilder out = new StringBuilder(plain.length() + integer / 3);
		int lead = (integer % 3 == 0) ? 3 : integer % 3;
		out.append(plain, 0, lead);
		for (int i = lead; i < integer; i += 3) {
			out.append(',').append(plain, i, i + 3);
		}
		return out.append(plain, integer, plain.length()).toString();
	}

	/** Text and attribute values, escaped for HTML. */
	static String escape(@Nullable String text) {
		if (text == null) {
			return "";
		}
		StringBuilder escaped = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String replacement = switch (c) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '"' -> "&quot;";
				case '\'' -> "&#39;";
				default -> null;
			};
			if (replacement != null) {
				if (escaped == null) {
					escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
				}
				escaped.append(replacement);
			}
			else if (escaped != null) {
				escaped.append(c);
			}
		}
		return (escaped != null) ? escaped.toString() : text;
	}

}
