package com.example.shop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import dev.nplusonelab.diagnostics.web.StreamedResponse;

/** Server-rendered pages, with a view that runs SQL itself. */
@Controller
class ShopPages {

	static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

	private final JdbcClient jdbc;

	ShopPages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One statement in the handler, one while the view renders. */
	@GetMapping("/page")
	ModelAndView page() {
		this.jdbc.sql("SELECT count(*) FROM book").query(Integer.class).single();
		View view = (model, request, response) -> {
			String title = this.jdbc.sql("SELECT title FROM book WHERE id = 1").query(String.class).single();
			html(response, "<h1>" + title + "</h1>");
		};
		return new ModelAndView(view);
	}

	/**
	 * The same page with a view found by its name ({@link ShopApplication#namedPage}),
	 * which the statement it runs is marked with.
	 */
	@GetMapping("/page/named")
	String namedPage() {
		this.jdbc.sql("SELECT count(*) FROM book").query(Integer.class).single();
		return "shop/page";
	}

	/** A page whose handler looks each book's author up on its own. */
	@GetMapping("/page/naive")
	ModelAndView naivePage() {
		for (Long author : this.jdbc.sql("SELECT author_id FROM book ORDER BY id LIMIT 4").query(Long.class).list()) {
			this.jdbc.sql("SELECT name FROM author WHERE id = ?").param(author).query(String.class).single();
		}
		return new ModelAndView((model, request, response) -> html(response, "<h1>Naive</h1>"));
	}

	/** A page of one statement. */
	@GetMapping("/page/clean")
	ModelAndView cleanPage() {
		this.jdbc.sql("SELECT count(*) FROM book").query(Integer.class).single();
		return new ModelAndView((model, request, response) -> html(response, "<h1>Clean</h1>"));
	}

	/** A value that would be markup, bound and shown in the panel as text. */
	@GetMapping("/hostile")
	ModelAndView hostile() {
		this.jdbc.sql("SELECT count(*) FROM author WHERE name = ?").param(HOSTILE).query(Integer.class).single();
		return new ModelAndView((model, request, response) -> html(response, "<h1>Hostile</h1>"));
	}

	@GetMapping(value = "/plain", produces = "text/plain")
	@ResponseBody
	String plain() {
		this.jdbc.sql("SELECT 1").query(Integer.class).single();
		return "plain </body>";
	}

	@StreamedResponse
	@GetMapping("/streamed")
	void streamed(HttpServletResponse response) throws IOException {
		this.jdbc.sql("SELECT 1").query(Integer.class).single();
		html(response, "<h1>Streamed</h1>");
		// What a streaming endpoint does as it goes: the headers leave with the first
		// bytes.
		response.flushBuffer();
	}

	@GetMapping("/compressed")
	void compressed(HttpServletResponse response) throws IOException {
		this.jdbc.sql("SELECT 1").query(Integer.class).single();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write("<html><body>zipped</body></html>".getBytes(StandardCharsets.UTF_8));
		}
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Content-Encoding", "gzip");
		response.getOutputStream().write(bytes.toByteArray());
	}

	/**
	 * A page in the charset asked for, with characters of more than one byte, an upper
	 * case end of body, and an earlier {@code </body>} in its text.
	 */
	@GetMapping("/charset")
	void charset(@RequestParam String name, HttpServletResponse response) throws IOException {
		this.jdbc.sql("SELECT 1").query(Integer.class).single();
		response.setContentType("text/html;charset=" + name);
		response.getWriter().write(CHARSET_PAGE);
	}

	static final String CHARSET_PAGE = "<!DOCTYPE html><html><head><title>Café</title></head><BODY>"
			+ "<p>Crème brûlée — 5 € ✓ 書店</p><pre>&lt;/body&gt; </body> in a comment</pre></BODY></html>";

	/** An HTML page of about 3 MB. */
	@GetMapping("/big")
	void big(HttpServletResponse response) throws IOException {
		this.jdbc.sql("SELECT 1").query(Integer.class).single();
		html(response, "<p>" + "x".repeat(3 * 1024 * 1024) + "</p>");
	}

	static void html(HttpServletResponse response, String content) throws IOException {
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter()
			.write("<!DOCTYPE html><html><head><title>Shop</title></head><body>" + content + "</body></html>");
	}

}
