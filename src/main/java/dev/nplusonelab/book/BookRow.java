package dev.nplusonelab.book;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.store.Lazy;
import dev.nplusonelab.system.Keyset;

/**
 * One line of the book list, the same record in both modes.
 *
 * @param publisherName {@link Lazy} because the naive page leaves it to the template to
 * load, the way an ORM's lazy association does; the optimized page fills it up front
 * @param editorName empty for books without an editor
 * @param averageRating rounded to two decimals; empty for books without reviews
 */
record BookRow(long id, String title, long authorId, String authorName, Lazy<String> publisherName, String categoryName,
		@Nullable String editorName, List<String> tags, long reviewCount,
		@Nullable BigDecimal averageRating) implements Keyset.Keyed {

	BookRow withTags(List<String> tags) {
		return new BookRow(this.id, this.title, this.authorId, this.authorName, this.publisherName, this.categoryName,
				this.editorName, List.copyOf(tags), this.reviewCount, this.averageRating);
	}

}
