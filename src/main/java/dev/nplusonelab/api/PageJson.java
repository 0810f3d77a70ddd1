package dev.nplusonelab.api;

import java.util.List;

import dev.nplusonelab.system.Paging;

/**
 * A page of an API list.
 *
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param hasNext whether another page follows
 * @param items the records of the page
 * @param <T> the record type
 */
public record PageJson<T>(int page, int size, boolean hasNext, List<T> items) {

	static <T> PageJson<T> of(Paging paging, boolean hasNext, List<T> items) {
		return new PageJson<>(paging.page(), paging.size(), hasNext, List.copyOf(items));
	}

	boolean isPastTheEnd() {
		return this.items.isEmpty() && this.page > 0;
	}

}
