package dev.nplusonelab.system;

/**
 * The view model of a data page: what the page renders inside {@code #records}, filled by
 * either mode and equal in both. The page shows a digest of it, so that anyone can see
 * that naive and optimized rendered the same data.
 */
public interface PageRecords {

	/** How many records the page shows: the rows of a list, or 1 for one item. */
	int recordCount();

}
