package dev.nplusonelab.mistake;

import java.util.List;

/**
 * A book with its tags on the batch-too-small page, the same record in both modes.
 *
 * @param tags the names of its tags, in the order {@code Bookstore.TAG_NAMES} sorts them;
 * empty for a book without any
 */
record TaggedBook(long id, String title, List<String> tags) {

	TaggedBook withTags(List<String> tags) {
		return new TaggedBook(this.id, this.title, List.copyOf(tags));
	}

}
