package dev.nplusonelab.mistake;

import dev.nplusonelab.system.Paging;

/**
 * What the over-prefetching page reads; one implementation per mode, both returning the
 * same records.
 */
interface BylineReader {

	BylinePage list(Paging paging);

}
