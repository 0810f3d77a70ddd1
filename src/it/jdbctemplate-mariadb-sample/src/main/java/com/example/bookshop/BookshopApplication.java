package com.example.bookshop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A bookshop on MariaDB whose pages read through hand-written {@code JdbcTemplate} and
 * {@code JdbcClient} DAOs, while JPA entities for the same tables sit on the classpath:
 * an application that knows nothing of the N+1 diagnostics beyond the starter on its
 * classpath.
 */
@SpringBootApplication
public class BookshopApplication {

	public static void main(String[] args) {
		SpringApplication.run(BookshopApplication.class, args);
	}

}
