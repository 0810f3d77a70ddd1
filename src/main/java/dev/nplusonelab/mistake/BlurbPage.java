package dev.nplusonelab.mistake;

import java.util.List;

import dev.nplusonelab.store.Lazy;
import dev.nplusonelab.system.Paging;

/** A page of the title-and-summary list, the same records in both modes. */
record BlurbPage(List<Blurb> books, Paging paging, boolean hasNext) {

	boolean isPastTheEnd() {
		return this.books.isEmpty() && this.paging.page() > 0;
	}

	/**
	 * One book.
	 *
	 * @param summary {@link Lazy} because the wrong version does not load it: reading it
	 * runs a query, from the template, like a deferred column of an ORM
	 */
	record Blurb(long id, String title, Lazy<String> summary) {
	}

}
