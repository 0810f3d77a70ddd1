package com.example.bookshop;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BookController {

	private final BookCatalog catalog;

	BookController(BookCatalog catalog) {
		this.catalog = catalog;
	}

	/** Every book with its author, reviews and genre, row by row: 19 statements. */
	@GetMapping("/books")
	List<BookLine> books() {
		return this.catalog.rowByRow();
	}

	/** The same list in four statements. */
	@GetMapping("/books/batched")
	List<BookLine> batchedBooks() {
		return this.catalog.batched();
	}

	/** Every book with the copies sold, summed per book: 7 statements. */
	@GetMapping("/books/sales")
	List<BookSales> sales() {
		return this.catalog.sales();
	}

	/**
	 * One book, or a 404 answered as a response rather than an error dispatch, so that it
	 * carries the starter's headers too.
	 */
	@GetMapping("/books/{id}")
	ResponseEntity<BookPage> book(@PathVariable long id) {
		return ResponseEntity.of(this.catalog.page(id));
	}

}
