package dev.nplusonelab.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.nplusonelab.diagnostics.web.StreamedResponse;

@Controller
class ExportController {

	private final BookExport export;

	ExportController(BookExport export) {
		this.export = export;
	}

	/**
	 * Every book as CSV, written as it is read: {@code 2 × ceil(books / chunk)}
	 * statements.
	 */
	@StreamedResponse
	@GetMapping("/export/books.csv")
	void books(HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"books.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.export.writeTo(out);
		out.flush();
	}

}
