package dev.nplusonelab.mistake;

/**
 * An author with their counts, on the count-by-loading page, the same record in both
 * modes.
 *
 * @param bookCount the books they wrote
 * @param reviewCount the reviews of all of those books
 */
record AuthorTally(long id, String name, long bookCount, long reviewCount) {

	/** What the page shows of it, measured like what it fetched. */
	long shownBytes() {
		return 3 * Footprint.NUMBER + this.name.length();
	}

}
