package dev.nplusonelab.mistake;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * What a page of the gallery reads: one implementation for the wrong version and one for
 * the right one, both returning the same records.
 *
 * @param <R> the record of one row of the page
 */
interface MistakeReader<R> {

	ListPage<R> list(Paging paging);

}
