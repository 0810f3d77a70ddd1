package dev.nplusonelab.book;

import java.util.Optional;

import dev.nplusonelab.system.Paging;

/**
 * What the book pages read; one implementation per mode, both returning the same records.
 */
interface BookReader {

	BookListPage list(Paging paging);

	/** The {@code size} books after the book {@code after}, by id (keyset pagination). */
	BookListPage listAfter(long after, int size);

	Optional<BookDetail> detail(long id);

}
