package com.example.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.nplusonelab.diagnostics.web.StatementBudget;

/** JSON endpoints, each with a known number of statements. */
@RestController
class ShopController {

	private final JdbcClient jdbc;

	private final Reviews reviews;

	ShopController(JdbcClient jdbc, Reviews reviews) {
		this.jdbc = jdbc;
		this.reviews = reviews;
	}

	/** One statement: the join. */
	@GetMapping("/books")
	List<String> books() {
		return this.jdbc
			.sql("SELECT b.title || ' by ' || a.name FROM book b JOIN author a ON a.id = b.author_id "
					+ "ORDER BY b.id LIMIT 5")
			.query(String.class)
			.list();
	}

	/** The N+1: the books, then each book's author, one by one. */
	/**
	 * The classes of the responses the handler writes through: the filter's buffer or
	 * not.
	 */
	@GetMapping("/response-kind")
	String responseKind(HttpServletResponse response) {
		StringBuilder classes = new StringBuilder(response.getClass().getName());
		ServletResponse current = response;
		while (current instanceof ServletResponseWrapper wrapper) {
			current = wrapper.getResponse();
			classes.append(" > ").append(current.getClass().getName());
		}
		return classes.toString();
	}

	@GetMapping("/books/naive")
	List<String> naiveBooks() {
		List<Long> authors = this.jdbc.sql("SELECT author_id FROM book ORDER BY id LIMIT 5").query(Long.class).list();
		List<String> names = new ArrayList<>();
		for (Long author : authors) {
			names.add(this.jdbc.sql("SELECT name FROM author WHERE id = ?").param(author).query(String.class).single());
		}
		return names;
	}

	/** The N+1 over a to-many: each book's reviews, one book at a time. */
	@GetMapping("/books/reviews")
	List<Integer> reviews() {
		List<Long> books = this.jdbc.sql("SELECT id FROM book ORDER BY id LIMIT 4").query(Long.class).list();
		List<Integer> counts = new ArrayList<>();
		for (Long book : books) {
			counts.add(this.jdbc.sql("SELECT rating FROM review WHERE book_id = ?")
				.param(book)
				.query(Integer.class)
				.list()
				.size());
		}
		return counts;
	}

	/** The same statement twice with the same value: a duplicate. */
	@GetMapping("/twice")
	List<String> twice() {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			names.add(this.jdbc.sql("SELECT name FROM author WHERE id = ?").param(1L).query(String.class).single());
		}
		return names;
	}

	@GetMapping("/many")
	int many(@RequestParam int n) {
		int sum = 0;
		for (int i = 0; i < n; i++) {
			sum += this.jdbc.sql("SELECT ?").param(i).query(Integer.class).single();
		}
		return sum;
	}

	@StatementBudget(1)
	@GetMapping("/budget")
	int overBudget() {
		return this.jdbc.sql("SELECT 1").query(Integer.class).single()
				+ this.jdbc.sql("SELECT 2").query(Integer.class).single();
	}

	/** Half the work on Spring Boot's executor, through {@code @Async}. */
	@GetMapping("/async")
	int async() throws Exception {
		int here = this.jdbc.sql("SELECT count(*) FROM book").query(Integer.class).single();
		return here + this.reviews.countLater().get();
	}

	/** Eight statements in a parallel stream: some on the common pool. */
	@GetMapping("/parallel")
	int parallel() {
		return IntStream.range(0, 8)
			.parallel()
			.map((i) -> this.jdbc.sql("SELECT ?").param(i).query(Integer.class).single())
			.sum();
	}

	/** A statement on a thread the application starts itself. */
	@GetMapping("/raw-thread")
	int rawThread() throws InterruptedException {
		AtomicReference<Integer> result = new AtomicReference<>();
		Thread thread = new Thread(() -> result.set(this.jdbc.sql("SELECT 42").query(Integer.class).single()));
		thread.start();
		thread.join();
		return result.get();
	}

	/**
	 * Twelve books with their 2 KB content, read by the column's position, and then
	 * labelled by the query.
	 */
	@GetMapping("/large-by-index")
	int largeByIndex() {
		return this.jdbc.sql("SELECT id, content AS body FROM book ORDER BY id LIMIT 12")
			.query((row, n) -> row.getString(2).length())
			.list()
			.size();
	}

	/** Twelve books with their 2 KB content. */
	@GetMapping("/large")
	int large() {
		return this.jdbc.sql("SELECT id, content FROM book ORDER BY id LIMIT 12")
			.query((row, n) -> row.getString("content").length())
			.list()
			.size();
	}

}
