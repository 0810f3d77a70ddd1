package com.example.bookshop;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

/**
 * A book as JPA sees the {@code book} table, with ordinary associations. No page loads
 * it: it is here because such applications have it, and it gives the starter a mapping
 * whose JPA fixes would be wrong for the JDBC code that reads these rows.
 */
@Entity
class Book {

	@Id
	private Long id;

	private String title;

	@ManyToOne
	private Author author;

	@OneToMany(mappedBy = "book")
	private List<Review> reviews = new ArrayList<>();

	protected Book() {
	}

}
