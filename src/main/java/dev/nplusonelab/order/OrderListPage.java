package dev.nplusonelab.order;

import java.util.List;

import dev.nplusonelab.system.Paging;

/**
 * A page of the order list.
 *
 * @param hasNext whether another page follows; found by asking for one row more, not by
 * counting every order
 */
record OrderListPage(List<OrderRow> orders, Paging paging, boolean hasNext) {

	boolean isPastTheEnd() {
		return this.orders.isEmpty() && this.paging.page() > 0;
	}

}
