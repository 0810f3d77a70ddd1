package dev.nplusonelab.customer;

import static dev.nplusonelab.store.Bookstore.CUSTOMER;
import static dev.nplusonelab.store.Bookstore.CUSTOMER_ORDERS;
import static dev.nplusonelab.store.Bookstore.ORDER_ITEMS;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.nplusonelab.customer.CustomerDetail.OrderLine;
import dev.nplusonelab.query.FetchPlan;
import dev.nplusonelab.query.Lateral;
import dev.nplusonelab.query.Prefetch;
import dev.nplusonelab.query.Select;

/** The fetch plan of the customer page. */
final class CustomerQueries {

	// tag::list-view[]
	/**
	 * Each customer with their order count, total and latest order computed by the
	 * database, in the customer's own row: no order and no item leaves it.
	 */
	private static final Select LIST_ROWS = Select.from(CUSTOMER)
		.columns("cu.id", "cu.name", "cu.city")
		.annotate(Lateral.over(CUSTOMER_ORDERS, "order_stats", "count(*) AS order_count",
				"coalesce(sum(o.total), 0.00) AS total_spent", "max(o.created_at) AS last_order_at"))
		.orderBy("cu.id")
		.paged();

	private static final FetchPlan<CustomerRow> LIST_VIEW = FetchPlan.of(LIST_ROWS, CustomerQueries::listRow,
			CustomerRow::id);

	// end::list-view[]

	// tag::detail-view[]
	private static final Select DETAIL_ROW = Select.from(CUSTOMER)
		.columns("cu.id", "cu.name", "cu.email", "cu.city", "cu.joined_at")
		.where("cu.id = :id");

	/**
	 * A customer's orders, newest first, each with its active items counted by the
	 * database: the base that the three lists below filter.
	 */
	private static final Prefetch<OrderLine> ORDERS = Prefetch
		.of(CUSTOMER_ORDERS, CustomerQueries::orderLine, "o.id", "o.created_at", "o.status", "o.total")
		.annotate(Lateral.over(ORDER_ITEMS, "items", "count(*) AS active_item_count").where("NOT oi.cancelled"))
		.orderBy("o.created_at DESC", "o.id DESC");

	private static final Prefetch<OrderLine> RECENT_ORDERS = ORDERS.where("o.created_at >= :since");

	private static final Prefetch<OrderLine> HIGH_VALUE_ORDERS = ORDERS.where("o.total > :high_value");

	/**
	 * One relation, customer.orders, prefetched three times into three attributes, each
	 * with its own filter: one statement per list, none per order.
	 */
	private static final FetchPlan<CustomerDetail> DETAIL_VIEW = FetchPlan
		.of(DETAIL_ROW, CustomerQueries::detailRow, CustomerDetail::id)
		.prefetch(ORDERS, CustomerDetail::withOrders)
		.prefetch(RECENT_ORDERS, CustomerDetail::withRecentOrders)
		.prefetch(HIGH_VALUE_ORDERS, CustomerDetail::withHighValueOrders);

	// end::detail-view[]

	private CustomerQueries() {
	}

	/** One statement whatever the page size. */
	static FetchPlan<CustomerRow> forListView() {
		return LIST_VIEW;
	}

	/**
	 * Four statements however many orders the customer has: the customer, then one per
	 * list.
	 */
	static FetchPlan<CustomerDetail> forDetailView() {
		return DETAIL_VIEW;
	}

	/**
	 * The plan's parameters: the windows are bound values, never text in the statement.
	 */
	static Map<String, Object> detailParameters(long id) {
		return Map.of("id", id, "since", CustomerDetail.RECENT_SINCE, "high_value", CustomerDetail.HIGH_VALUE);
	}

	private static CustomerRow listRow(ResultSet resultSet, int row) throws SQLException {
		OffsetDateTime last = resultSet.getObject("last_order_at", OffsetDateTime.class);
		return new CustomerRow(resultSet.getLong("id"), resultSet.getString("name"), resultSet.getString("city"),
				resultSet.getLong("order_count"), resultSet.getBigDecimal("total_spent"),
				(last != null) ? last.withOffsetSameInstant(ZoneOffset.UTC) : null);
	}

	private static CustomerDetail detailRow(ResultSet resultSet, int row) throws SQLException {
		return new CustomerDetail(resultSet.getLong("id"), resultSet.getString("name"), resultSet.getString("email"),
				resultSet.getString("city"), utc(resultSet, "joined_at"), List.of(), List.of(), List.of());
	}

	private static OrderLine orderLine(ResultSet resultSet, int row) throws SQLException {
		return new OrderLine(resultSet.getLong("id"), utc(resultSet, "created_at"), resultSet.getString("status"),
				resultSet.getBigDecimal("total"), resultSet.getLong("active_item_count"));
	}

	/**
	 * The same instant the naive side reads, at the same offset, so the records are
	 * equal.
	 */
	private static OffsetDateTime utc(ResultSet resultSet, String column) throws SQLException {
		return resultSet.getObject(column, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
