package dev.nplusonelab.mistake;

import java.util.List;

import dev.nplusonelab.system.Paging;

/** A page of the title-and-author list, the same records in both modes. */
record BylinePage(List<Byline> books, Paging paging, boolean hasNext) {

	boolean isPastTheEnd() {
		return this.books.isEmpty() && this.paging.page() > 0;
	}

	/** What the page shows, measured like what it fetched. */
	public Footprint shown() {
		return Footprint.of(this.books, Byline::shownBytes);
	}

	record Byline(long id, String title, String authorName) {

		long shownBytes() {
			return Footprint.NUMBER + this.title.length() + this.authorName.length();
		}

	}

}
