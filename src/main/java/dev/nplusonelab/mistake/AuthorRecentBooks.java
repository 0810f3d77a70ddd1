package dev.nplusonelab.mistake;

import java.time.LocalDate;
import java.util.List;

/**
 * An author with the books they published recently, on the filter-after-prefetch page,
 * the same record in both modes.
 *
 * @param recentBooks published on or after {@link #SINCE}, newest first; empty for an
 * author with no recent book
 */
record AuthorRecentBooks(long id, String name, List<RecentBook> recentBooks) {

	/** What counts as recent on this page: published in 2020 or later. */
	static final LocalDate SINCE = LocalDate.of(2020, 1, 1);

	AuthorRecentBooks withRecentBooks(List<RecentBook> recentBooks) {
		return new AuthorRecentBooks(this.id, this.name, List.copyOf(recentBooks));
	}

	record RecentBook(long id, String title, LocalDate publishedOn) {
	}

}
