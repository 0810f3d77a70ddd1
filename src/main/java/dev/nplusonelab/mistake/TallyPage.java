package dev.nplusonelab.mistake;

import java.util.List;

import dev.nplusonelab.system.Paging;

/** A page of authors with their counts, the same records in both modes. */
record TallyPage(List<AuthorTally> authors, Paging paging, boolean hasNext) {

	boolean isPastTheEnd() {
		return this.authors.isEmpty() && this.paging.page() > 0;
	}

	/** What the page shows, measured like what it fetched. */
	public Footprint shown() {
		return Footprint.of(this.authors, AuthorTally::shownBytes);
	}

	/**
	 * One author.
	 *
	 * @param bookCount the books they wrote
	 * @param reviewCount the reviews of all of those books
	 */
	record AuthorTally(long id, String name, long bookCount, long reviewCount) {

		long shownBytes() {
			return 3 * Footprint.NUMBER + this.name.length();
		}

	}

}
