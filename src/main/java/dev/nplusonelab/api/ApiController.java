package dev.nplusonelab.api;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.NotFoundException;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.diagnostics.web.StatementBudget;

/**
 * The JSON API. Each method returns records and Jackson writes them after it returned: in
 * naive mode that is when the queries run.
 */
@RestController
@RequestMapping("/api")
class ApiController {

	private final ApiReaders readers;

	ApiController(ApiReaders readers) {
		this.readers = readers;
	}

	@StatementBudget(2)
	@GetMapping("/books")
	PageJson<BookJson> books(Mode mode, Paging paging) {
		return PageJson.of(this.readers.get(mode).books(paging).orElsePastTheEnd("books"));
	}

	@StatementBudget(2)
	@GetMapping("/books/{id}")
	BookJson book(@PathVariable long id, Mode mode) {
		return this.readers.get(mode).book(id).orElseThrow(() -> new NotFoundException("book", id));
	}

	@StatementBudget(2)
	@GetMapping("/authors")
	PageJson<AuthorJson> authors(Mode mode, Paging paging) {
		return PageJson.of(this.readers.get(mode).authors(paging).orElsePastTheEnd("authors"));
	}

	/**
	 * Any other address under {@code /api}: a JSON 404 from this controller, so that a
	 * client of the API never gets the site's HTML page.
	 */
	@GetMapping("/**")
	ProblemDetail noSuchEndpoint() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"There is no API endpoint at this address. Try /api/books, /api/books/{id} or /api/authors.");
	}

	/**
	 * A write to any address under {@code /api}: the API only reads. Answered here, as a
	 * problem detail, rather than by the servlet container's error page.
	 */
	@RequestMapping(path = "/**",
			method = { RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE })
	ResponseEntity<ProblemDetail> readOnly() {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.allow(HttpMethod.GET, HttpMethod.HEAD)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, "The API only reads: use GET."));
	}

}
