package com.example.bookshop;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

/**
 * An author as JPA sees the {@code author} table. Only the author list reads it; the
 * other pages read the same table through {@link AuthorDao}, so the starter's Hibernate
 * mapping knows {@code Book.author} even where Hibernate issued nothing.
 */
@Entity
class Author {

	@Id
	private Long id;

	private String name;

	@OneToMany(mappedBy = "author")
	private List<Book> books = new ArrayList<>();

	protected Author() {
	}

	String getName() {
		return this.name;
	}

}
