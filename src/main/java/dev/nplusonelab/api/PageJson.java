package dev.nplusonelab.api;

import java.util.List;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.PageRecords;

/**
 * A page of an API list as the API writes it: the JSON shape of a {@link ListPage}.
 *
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param hasNext whether another page follows
 * @param items the records of the page
 * @param <T> the record type
 */
public record PageJson<T>(int page, int size, boolean hasNext, List<T> items) implements PageRecords {

	public static <T> PageJson<T> of(ListPage<T> page) {
		return new PageJson<>(page.paging().page(), page.paging().size(), page.hasNext(), page.rows());
	}

	@Override
	public int recordCount() {
		return this.items.size();
	}

}
