package dev.nplusonelab.mistake;

import java.time.LocalDate;
import java.util.List;

import dev.nplusonelab.system.Paging;

/**
 * A page of authors with the books they published recently, the same records in both
 * modes.
 */
record RecentBooksPage(List<AuthorRecentBooks> authors, Paging paging, boolean hasNext) {

	boolean isPastTheEnd() {
		return this.authors.isEmpty() && this.paging.page() > 0;
	}

	/**
	 * One author.
	 *
	 * @param recentBooks published on or after {@link RecentBooksReader#SINCE}, newest
	 * first; empty for an author with no recent book
	 */
	record AuthorRecentBooks(long id, String name, List<RecentBook> recentBooks) {

		AuthorRecentBooks withRecentBooks(List<RecentBook> recentBooks) {
			return new AuthorRecentBooks(this.id, this.name, List.copyOf(recentBooks));
		}

	}

	record RecentBook(long id, String title, LocalDate publishedOn) {
	}

}
