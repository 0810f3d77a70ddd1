package dev.nplusonelab.order;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.system.Keyset;
import dev.nplusonelab.system.Paging;

/**
 * A page of the order list.
 *
 * @param hasNext whether another page follows; found by asking for one row more, not by
 * counting every order
 * @param after for a keyset page ({@code ?after=}), the id the page starts after; null
 * for a numbered page
 */
record OrderListPage(List<OrderRow> orders, Paging paging, boolean hasNext, @Nullable Long after) {

	OrderListPage(List<OrderRow> orders, Paging paging, boolean hasNext) {
		this(orders, paging, hasNext, null);
	}

	/** The id the next keyset page starts after: the last one on this page. */
	public long nextAfter() {
		return Keyset.next(this.orders, OrderRow::id, this.after);
	}

	boolean isPastTheEnd() {
		return this.orders.isEmpty() && this.paging.page() > 0;
	}

}
