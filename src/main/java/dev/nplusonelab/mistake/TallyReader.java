package dev.nplusonelab.mistake;

import dev.nplusonelab.system.Paging;

/**
 * What the count-by-loading page reads; one implementation per mode, both returning the
 * same records.
 */
interface TallyReader {

	TallyPage list(Paging paging);

}
