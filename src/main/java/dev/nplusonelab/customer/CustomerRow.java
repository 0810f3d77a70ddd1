package dev.nplusonelab.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One line of the customer list, the same record in both modes.
 *
 * @param orderCount how many orders the customer placed
 * @param totalSpent the sum of their orders' totals, 0.00 without orders
 * @param lastOrderAt when they placed their latest order, in UTC; null without orders
 */
record CustomerRow(long id, String name, String city, long orderCount, BigDecimal totalSpent,
		@Nullable OffsetDateTime lastOrderAt) {
}
