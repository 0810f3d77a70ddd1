package dev.nplusonelab.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import dev.nplusonelab.system.Keyset;

/**
 * One line of the order list, the same record in both modes.
 *
 * @param createdAt in UTC
 * @param total the sum of the active items, as stored on the order
 * @param activeItemCount how many items are not cancelled
 * @param activeItems the items that are not cancelled, by id; cancelled items never reach
 * the view
 */
record OrderRow(long id, OffsetDateTime createdAt, long customerId, String customerName, String status,
		BigDecimal total, long activeItemCount, List<ItemLine> activeItems) implements Keyset.Keyed {

	OrderRow withActiveItems(List<ItemLine> activeItems) {
		return new OrderRow(this.id, this.createdAt, this.customerId, this.customerName, this.status, this.total,
				this.activeItemCount, List.copyOf(activeItems));
	}

	record ItemLine(long id, String bookTitle, int quantity, BigDecimal unitPrice) {
	}

}
