package dev.nplusonelab.book;

import java.util.List;

import dev.nplusonelab.system.Paging;

/**
 * A page of the book list.
 *
 * @param hasNext whether another page follows; found by asking for one row more, not by
 * counting every book
 */
record BookListPage(List<BookRow> books, Paging paging, boolean hasNext) {

	boolean isPastTheEnd() {
		return this.books.isEmpty() && this.paging.page() > 0;
	}

}
