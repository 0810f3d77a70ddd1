package com.example.library;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Data JDBC aggregates over the shop's tables, for the suggestions that name them:
 * an author owns the titles of their books, and a book refers to its author by id.
 */
@SpringBootApplication
public class LibraryApplication {

}
