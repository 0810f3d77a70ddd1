package dev.nplusonelab.lab;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of the author-list workload: an author, the publisher, and every book with its
 * tags, newest first: two levels of to-many relations under each row.
 */
public record LabAuthor(long id, String name, String publisherName, List<Book> books) {

	public LabAuthor withBooks(List<Book> books) {
		return new LabAuthor(this.id, this.name, this.publisherName, List.copyOf(books));
	}

	/** A book of the author, with its tag names in alphabetical order. */
	public record Book(long id, String title, LocalDate publishedOn, BigDecimal price, List<String> tags) {

		public Book withTags(List<String> tags) {
			return new Book(this.id, this.title, this.publishedOn, this.price, List.copyOf(tags));
		}

	}

}
