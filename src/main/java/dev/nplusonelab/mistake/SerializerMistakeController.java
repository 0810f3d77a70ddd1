package dev.nplusonelab.mistake;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.nplusonelab.api.ApiReaders;
import dev.nplusonelab.api.AuthorJson;
import dev.nplusonelab.api.PageJson;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.diagnostics.web.StatementBudget;

/**
 * The serializer mistake, shown on a page: the {@code /api/authors} payload, read by the
 * API's own readers and written by the application's {@link JsonMapper}, the one the API
 * answers with. In naive mode the statements run inside {@code writeValueAsString}, one
 * or more per nested value, and the panel counts them.
 * <p>
 * Not a {@link Mistake}: there are no rows to list and page through, only the first
 * authors, and the statements to count run while the payload is written, so the page
 * shows that text rather than records.
 */
@Controller
class SerializerMistakeController {

	/** Small by default: in naive mode five authors already write hundreds of books. */
	private static final String DEFAULT_SIZE = "5";

	private final ApiReaders readers;

	private final JsonMapper json;

	SerializerMistakeController(ApiReaders readers, JsonMapper json) {
		this.readers = readers;
		this.json = json;
	}

	@StatementBudget(2)
	@GetMapping("/mistakes/serializer")
	String serializer(Mode mode, @RequestParam(defaultValue = DEFAULT_SIZE) int size, Model model) {
		Paging paging = Paging.first(size);
		PageJson<AuthorJson> authors = PageJson.of(this.readers.get(mode).authors(paging));
		model.addAttribute("paging", paging);
		model.addAttribute("authors", authors);
		model.addAttribute("payload", this.json.writerWithDefaultPrettyPrinter().writeValueAsString(authors));
		return "mistakes/serializer";
	}

}
