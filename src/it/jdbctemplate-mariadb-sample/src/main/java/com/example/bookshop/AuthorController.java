package com.example.bookshop;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one page that goes through JPA: the authors' names, in one statement that Hibernate
 * issues. Its statement is reported as Hibernate's; the other pages' are plain JDBC.
 */
@RestController
class AuthorController {

	private final AuthorRepository authors;

	AuthorController(AuthorRepository authors) {
		this.authors = authors;
	}

	@GetMapping("/authors")
	List<String> authors() {
		return this.authors.findAll(Sort.by("name")).stream().map(Author::getName).toList();
	}

}
