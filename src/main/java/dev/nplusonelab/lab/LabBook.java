package dev.nplusonelab.lab;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of the book-list workload: what {@code /books} shows, the same record from
 * every strategy, so a run can check that they all loaded the same thing.
 *
 * @param tags tag names in alphabetical order
 * @param averageRating two decimals, empty without reviews
 */
public record LabBook(long id, String title, String authorName, String publisherName, String categoryName,
		@Nullable String editorName, List<String> tags, long reviewCount, @Nullable BigDecimal averageRating) {

	public LabBook withTags(List<String> tags) {
		return new LabBook(this.id, this.title, this.authorName, this.publisherName, this.categoryName, this.editorName,
				List.copyOf(tags), this.reviewCount, this.averageRating);
	}

}
