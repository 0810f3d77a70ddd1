package com.example.bookshop;

import java.util.List;

/** One book's page: its heading, and the book with its author and tags. */
record BookPage(String heading, Details book) {

	record Details(long id, String title, String author, List<String> tags) {
	}

}
