package dev.nplusonelab.api;

import java.util.List;

import dev.nplusonelab.store.Lazy;

/**
 * A book as the API writes it. Its related values are {@link Lazy}: the naive reader
 * leaves them to be loaded while Jackson writes the response, the optimized one fills
 * them up front. Either way the JSON is the same.
 *
 * @param author the author's id and name
 * @param tags tag names, alphabetical
 * @param reviewCount how many reviews the book has
 */
public record BookJson(long id, String title, Lazy<AuthorRef> author, Lazy<List<String>> tags, Lazy<Long> reviewCount) {

	BookJson withTags(List<String> tags) {
		return new BookJson(this.id, this.title, this.author, Lazy.of(List.copyOf(tags)), this.reviewCount);
	}

	/** An author nested in a book. */
	public record AuthorRef(long id, String name) {
	}

}
