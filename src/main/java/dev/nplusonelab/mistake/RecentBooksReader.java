package dev.nplusonelab.mistake;

import java.time.LocalDate;

import dev.nplusonelab.system.Paging;

/**
 * What the filter-after-prefetch page reads; one implementation per mode, both returning
 * the same records.
 */
interface RecentBooksReader {

	/** What counts as recent on this page: published in 2020 or later. */
	LocalDate SINCE = LocalDate.of(2020, 1, 1);

	RecentBooksPage list(Paging paging);

}
