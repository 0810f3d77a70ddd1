package dev.nplusonelab.mistake;

/** A book on the over-prefetching page, the same record in both modes. */
record Byline(long id, String title, String authorName) {

	/** What the page shows of it, measured like what it fetched. */
	long shownBytes() {
		return Footprint.NUMBER + this.title.length() + this.authorName.length();
	}

}
