package dev.nplusonelab.book;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.store.Lazy;
import dev.nplusonelab.system.PageRecords;

/**
 * One book with everything around it, the same record in both modes. The large
 * {@code content} column is not part of it: the page never shows it.
 *
 * @param publisherName {@link Lazy}, as on the list: the naive page leaves it to the
 * template to load
 * @param editorName empty for books without an editor
 * @param reviewCount every review of the book, not only the latest ones
 * @param averageRating over every review, two decimals; empty without reviews
 * @param latestReviews the five newest reviews, newest first
 */
record BookDetail(long id, String title, String isbn, LocalDate publishedOn, BigDecimal price, String summary,
		long authorId, String authorName, Lazy<String> publisherName, String categoryName, @Nullable String editorName,
		List<String> tags, long reviewCount, @Nullable BigDecimal averageRating,
		List<ReviewLine> latestReviews) implements PageRecords {

	/** The book and the reviews it shows. */
	@Override
	public int recordCount() {
		return 1 + this.latestReviews.size();
	}

	BookDetail withTags(List<String> tags) {
		return new BookDetail(this.id, this.title, this.isbn, this.publishedOn, this.price, this.summary, this.authorId,
				this.authorName, this.publisherName, this.categoryName, this.editorName, List.copyOf(tags),
				this.reviewCount, this.averageRating, this.latestReviews);
	}

	BookDetail withLatestReviews(List<ReviewLine> latestReviews) {
		return new BookDetail(this.id, this.title, this.isbn, this.publishedOn, this.price, this.summary, this.authorId,
				this.authorName, this.publisherName, this.categoryName, this.editorName, this.tags, this.reviewCount,
				this.averageRating, List.copyOf(latestReviews));
	}

	/**
	 * A review as the page shows it.
	 *
	 * @param customerName {@link Lazy}: the naive page loads each reviewer from the
	 * template, the way a lazy {@code review.customer} association would
	 */
	record ReviewLine(long id, int rating, String body, Instant createdAt, Lazy<String> customerName) {
	}

}
