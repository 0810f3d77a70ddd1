package com.example.library;

import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An author with the titles of their books, loaded with the author. */
@Table("author")
public record Author(@Id Long id, String name, @MappedCollection(idColumn = "author_id") Set<Title> titles) {

	/** A row of the book table, owned by its author. */
	@Table("book")
	public record Title(String title) {
	}

}
