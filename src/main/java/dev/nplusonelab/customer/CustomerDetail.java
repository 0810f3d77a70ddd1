package dev.nplusonelab.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.nplusonelab.store.Bookstore;
import dev.nplusonelab.system.PageRecords;

/**
 * One customer and three lists of their orders, each newest first, the same record in
 * both modes.
 *
 * @param joinedAt in UTC
 * @param orders every order
 * @param recentOrders the orders placed on or after {@link #RECENT_SINCE}
 * @param highValueOrders the orders whose total is over {@link #HIGH_VALUE}
 */
record CustomerDetail(long id, String name, String email, String city, OffsetDateTime joinedAt, List<OrderLine> orders,
		List<OrderLine> recentOrders, List<OrderLine> highValueOrders) implements PageRecords {

	/** The customer and the orders of the three lists. */
	@Override
	public int recordCount() {
		return 1 + this.orders.size() + this.recentOrders.size() + this.highValueOrders.size();
	}

	static final int RECENT_DAYS = 30;

	/**
	 * The start of the recent window: midnight UTC, {@value #RECENT_DAYS} days before the
	 * data set's today, never the real clock, so the window finds the same orders every
	 * day.
	 */
	static final OffsetDateTime RECENT_SINCE = Bookstore.TODAY.minusDays(RECENT_DAYS)
		.atStartOfDay()
		.atOffset(ZoneOffset.UTC);

	/** An order is of high value when its total is over this, strictly. */
	static final BigDecimal HIGH_VALUE = new BigDecimal("100.00");

	CustomerDetail withOrders(List<OrderLine> orders) {
		return new CustomerDetail(this.id, this.name, this.email, this.city, this.joinedAt, List.copyOf(orders),
				this.recentOrders, this.highValueOrders);
	}

	CustomerDetail withRecentOrders(List<OrderLine> recentOrders) {
		return new CustomerDetail(this.id, this.name, this.email, this.city, this.joinedAt, this.orders,
				List.copyOf(recentOrders), this.highValueOrders);
	}

	CustomerDetail withHighValueOrders(List<OrderLine> highValueOrders) {
		return new CustomerDetail(this.id, this.name, this.email, this.city, this.joinedAt, this.orders,
				this.recentOrders, List.copyOf(highValueOrders));
	}

	/** The first day of the recent window, for the page's headings. */
	public LocalDate recentSince() {
		return RECENT_SINCE.toLocalDate();
	}

	/** The high-value threshold, for the page's headings. */
	public BigDecimal highValue() {
		return HIGH_VALUE;
	}

	/**
	 * One order in a customer's lists.
	 *
	 * @param createdAt in UTC
	 * @param activeItemCount the items that are not cancelled, the ones the total adds up
	 */
	record OrderLine(long id, OffsetDateTime createdAt, String status, BigDecimal total, long activeItemCount) {
	}

}
