package dev.nplusonelab.author;

import java.util.Optional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * What the author pages read; one implementation per mode, both returning the same
 * records.
 */
interface AuthorReader {

	ListPage<AuthorRow> list(Paging paging);

	Optional<AuthorDetail> detail(long id);

}
