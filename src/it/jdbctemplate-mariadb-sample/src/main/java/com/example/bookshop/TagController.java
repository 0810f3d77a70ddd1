package com.example.bookshop;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Tags added to a book, {@code count} of them at a time, then a redirect to the book's
 * page (303 See Other: the browser follows it with a GET).
 */
@RestController
class TagController {

	private static final int MOST_TAGS = 100;

	private final TagDao tags;

	TagController(TagDao tags) {
		this.tags = tags;
	}

	/**
	 * Deliberately naive: one INSERT per tag. From ten of them on, the starter reports
	 * unbatched writes; fewer, nothing. Never an N+1: a write is not a lookup per row.
	 */
	@PostMapping("/books/{id}/tags")
	ResponseEntity<Void> addOneByOne(@PathVariable long id, @RequestParam int count) {
		if (count < 1 || count > MOST_TAGS) {
			return ResponseEntity.badRequest().build();
		}
		this.tags.addOneByOne(id, names(count));
		return toBook(id);
	}

	/** The same tags as one JDBC batch: one execution, no finding. */
	@PostMapping("/books/{id}/tags/batched")
	ResponseEntity<Void> addInOneBatch(@PathVariable long id, @RequestParam int count) {
		if (count < 1 || count > MOST_TAGS) {
			return ResponseEntity.badRequest().build();
		}
		this.tags.addInOneBatch(id, names(count));
		return toBook(id);
	}

	@DeleteMapping("/books/{id}/tags")
	ResponseEntity<Void> deleteAll(@PathVariable long id) {
		this.tags.deleteAll(id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A tag's only constraint that a request can break is its book's foreign key: the
	 * book does not exist.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Void> noSuchBook() {
		return ResponseEntity.notFound().build();
	}

	private static List<String> names(int count) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> "tag-" + i).toList();
	}

	private static ResponseEntity<Void> toBook(long id) {
		URI book = UriComponentsBuilder.fromPath("/books/{id}").build(id);
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(book).build();
	}

}
