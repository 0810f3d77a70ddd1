package dev.nplusonelab.book;

import java.util.Optional;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * What the book pages read; one implementation per mode, both returning the same records.
 */
interface BookReader {

	ListPage<BookRow> list(Paging paging);

	/** The {@code size} books after the book {@code after}, by id (keyset pagination). */
	ListPage<BookRow> listAfter(long after, int size);

	Optional<BookDetail> detail(long id);

}
