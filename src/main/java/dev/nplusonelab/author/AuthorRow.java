package dev.nplusonelab.author;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of the author list, the same record in both modes.
 *
 * @param averageRating over every review of every book of the author, two decimals; empty
 * when there is no review
 * @param latestBookTitle the title of the most recently published book
 * @param latestBooks the three most recently published books, newest first
 */
record AuthorRow(long id, String name, String publisherName, long bookCount, @Nullable BigDecimal averageRating,
		@Nullable String latestBookTitle, List<BookLine> latestBooks) {

	AuthorRow withLatestBooks(List<BookLine> latestBooks) {
		return new AuthorRow(this.id, this.name, this.publisherName, this.bookCount, this.averageRating,
				this.latestBookTitle, List.copyOf(latestBooks));
	}

	record BookLine(long id, String title, LocalDate publishedOn) {
	}

}
