package com.example.bookshop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A review as JPA sees the {@code review} table; the pages count reviews with SQL. */
@Entity
class Review {

	@Id
	private Long id;

	@ManyToOne
	private Book book;

	private int rating;

	protected Review() {
	}

}
