package dev.nplusonelab.api;

import java.time.LocalDate;
import java.util.List;

import dev.nplusonelab.store.Lazy;

/**
 * An author as the API writes it, with every book they wrote: the nested list that makes
 * a serializer expensive, since a few authors have hundreds of books.
 *
 * @param publisher the publisher's name
 * @param books every book of the author, newest first
 */
public record AuthorJson(long id, String name, Lazy<String> publisher, Lazy<List<BookRef>> books) {

	AuthorJson withBooks(List<BookRef> books) {
		return new AuthorJson(this.id, this.name, this.publisher, Lazy.of(List.copyOf(books)));
	}

	/** A book nested in an author. */
	public record BookRef(long id, String title, LocalDate publishedOn) {
	}

}
