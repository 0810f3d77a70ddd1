package dev.nplusonelab.api;

import java.util.Optional;

import dev.nplusonelab.system.Paging;

/**
 * What the API reads; one implementation per mode, both returning records that write the
 * same JSON.
 */
public interface ApiReader {

	PageJson<BookJson> books(Paging paging);

	Optional<BookJson> book(long id);

	PageJson<AuthorJson> authors(Paging paging);

}
