package dev.nplusonelab.mistake;

import dev.nplusonelab.system.Paging;

/**
 * What the deferred-column page reads; one implementation per mode, both returning the
 * same records.
 */
interface BlurbReader {

	BlurbPage list(Paging paging);

}
