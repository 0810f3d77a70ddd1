package com.example.shop;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Answers other than a 200 with a body, each after one statement: a redirect, an empty
 * 204, a 404 that Spring sends as an error, and an exception the application does not
 * handle.
 */
@RestController
class ShopResponses {

	private final JdbcClient jdbc;

	ShopResponses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/moved")
	void moved(HttpServletResponse response) throws Exception {
		count();
		response.sendRedirect("/books");
	}

	@GetMapping("/emptied")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void emptied() {
		count();
	}

	@GetMapping("/missing")
	void missing() {
		count();
		throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such book");
	}

	@GetMapping("/failing")
	void failing() {
		count();
		throw new IllegalStateException("The application failed");
	}

	private void count() {
		this.jdbc.sql("SELECT count(*) FROM book").query(Integer.class).single();
	}

}
