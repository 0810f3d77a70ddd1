package dev.nplusonelab.api;

import java.util.Optional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * What the API reads; one implementation per mode, both returning records that write the
 * same JSON.
 */
public interface ApiReader {

	ListPage<BookJson> books(Paging paging);

	Optional<BookJson> book(long id);

	ListPage<AuthorJson> authors(Paging paging);

}
