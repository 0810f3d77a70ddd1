package dev.nplusonelab.browser;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * Pages of somebody else's application, for the browser test of the panel: each styled by
 * one popular stylesheet, as its own pages would be, with the usual elements those
 * stylesheets restyle ({@code pre}, {@code code}, tables, badges, buttons, lists). The
 * page runs a lookup per row, so the panel has a finding, parameters and a fix to show.
 * Test code only: it is scanned into the lab's test context and never shipped.
 */
@Controller
class ForeignPages {

	/** The stylesheets, unpacked by the build under test-classes/static/foreign. */
	static final Map<String, String> STYLESHEETS = Map.of("bootstrap3", "/foreign/bootstrap3/bootstrap.min.css",
			"bootstrap5", "/foreign/bootstrap5/bootstrap.min.css", "tailwind",
			"/foreign/tailwind/package/preflight.css", "pico", "/foreign/pico/pico.classless.min.css");

	private final JdbcClient jdbc;

	ForeignPages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping(path = "/test/foreign/{theme}", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String page(@PathVariable String theme) {
		String stylesheet = STYLESHEETS.get(theme);
		if (stylesheet == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		StringBuilder rows = new StringBuilder();
		List<Book> books = this.jdbc.sql("SELECT id, title, author_id FROM book ORDER BY id LIMIT 5")
			.query(Book.class)
			.list();
		for (Book book : books) {
			// A lookup per row, on purpose: the finding the panel shows.
			String author = this.jdbc.sql("SELECT name FROM author WHERE id = ?")
				.param(book.authorId())
				.query(String.class)
				.single();
			rows.append("<tr><td>")
				.append(HtmlUtils.htmlEscape(book.title()))
				.append("</td><td>")
				.append(HtmlUtils.htmlEscape(author))
				.append("</td></tr>");
		}
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>A page of another application</title>
				<link rel="stylesheet" href="%s">
				</head>
				<body>
				<main class="container" id="host">
				<h1 id="host-title">Books <span class="badge" id="host-badge">5</span></h1>
				<p class="lead" id="host-lead">This page belongs to another application, with its own stylesheet.</p>
				<table class="table table-striped" id="host-table">
				<thead><tr><th>Title</th><th>Author</th></tr></thead>
				<tbody>%s</tbody>
				</table>
				<pre id="host-pre"><code>SELECT id, title FROM book ORDER BY id</code></pre>
				<p id="host-paragraph">Inline <code id="host-code">code</code> and a
				<button class="btn btn-primary" id="host-button" type="button">button</button>.</p>
				<ul id="host-list"><li>first</li><li>second</li></ul>
				</main>
				</body>
				</html>
				""".formatted(stylesheet, rows);
	}

	record Book(long id, String title, long authorId) {
	}

}
