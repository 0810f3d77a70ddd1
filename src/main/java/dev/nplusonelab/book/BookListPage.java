package dev.nplusonelab.book;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.system.Keyset;
import dev.nplusonelab.system.Paging;

/**
 * A page of the book list.
 *
 * @param hasNext whether another page follows; found by asking for one row more, not by
 * counting every book
 * @param after for a keyset page ({@code ?after=}), the id the page starts after; null
 * for a numbered page
 */
record BookListPage(List<BookRow> books, Paging paging, boolean hasNext, @Nullable Long after) {

	BookListPage(List<BookRow> books, Paging paging, boolean hasNext) {
		this(books, paging, hasNext, null);
	}

	/** The id the next keyset page starts after: the last one on this page. */
	public long nextAfter() {
		return Keyset.next(this.books, BookRow::id, this.after);
	}

	boolean isPastTheEnd() {
		return this.books.isEmpty() && this.paging.page() > 0;
	}

}
