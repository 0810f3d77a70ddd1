package dev.nplusonelab.order;

import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * What the order list reads; one implementation per mode, both returning the same
 * records.
 */
interface OrderReader {

	ListPage<OrderRow> list(Paging paging);

	/**
	 * The {@code size} orders after the order {@code after}, by id (keyset pagination).
	 */
	ListPage<OrderRow> listAfter(long after, int size);

}
