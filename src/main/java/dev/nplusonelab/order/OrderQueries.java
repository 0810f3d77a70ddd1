package dev.nplusonelab.order;

import static dev.nplusonelab.store.Bookstore.ORDERS;
import static dev.nplusonelab.store.Bookstore.ORDER_CUSTOMER;
import static dev.nplusonelab.store.Bookstore.ORDER_ITEMS;
import static dev.nplusonelab.store.Bookstore.ORDER_ITEM_BOOK;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.nplusonelab.order.OrderRow.ItemLine;
import dev.nplusonelab.query.FetchPlan;
import dev.nplusonelab.query.Lateral;
import dev.nplusonelab.query.Prefetch;
import dev.nplusonelab.query.Select;

/** The fetch plan of the order list. */
final class OrderQueries {

	// tag::list-view[]
	/**
	 * Order and customer in one row; the database counts the active items, so no item is
	 * loaded to be counted.
	 */
	// tag::order-row[]
	private static final Select ORDER_ROW = Select.from(ORDERS)
		.columns("o.id", "o.created_at", "o.status", "o.total", "cu.id AS customer_id", "cu.name AS customer_name")
		.join(ORDER_CUSTOMER)
		.annotate(Lateral.over(ORDER_ITEMS, "items", "count(*) FILTER (WHERE NOT oi.cancelled) AS active_item_count"));

	// end::order-row[]

	private static final Select LIST_ROWS = ORDER_ROW.orderBy("o.id").paged();

	/**
	 * Only the active items of every order on the page, each joined to its book for the
	 * title, in one statement: cancelled items never leave the database.
	 */
	// tag::active-items[]
	private static final Prefetch<ItemLine> ACTIVE_ITEMS = Prefetch
		.of(ORDER_ITEMS, OrderQueries::itemLine, "oi.id", "b.title AS book_title", "oi.quantity", "oi.unit_price")
		.join(ORDER_ITEM_BOOK)
		.where("NOT oi.cancelled")
		.orderBy("oi.id");

	private static final FetchPlan<OrderRow> LIST_VIEW = FetchPlan.of(LIST_ROWS, OrderQueries::listRow, OrderRow::id)
		.prefetch(ACTIVE_ITEMS, OrderRow::withActiveItems);

	// end::active-items[]

	// end::list-view[]

	/** The same rows, a page after an order id, without OFFSET. */
	private static final FetchPlan<OrderRow> LIST_VIEW_AFTER = FetchPlan
		.of(ORDER_ROW.pagedAfter("o.id"), OrderQueries::listRow, OrderRow::id)
		.prefetch(ACTIVE_ITEMS, OrderRow::withActiveItems);

	private OrderQueries() {
	}

	/**
	 * Two statements whatever the page size: the orders with their customers and active
	 * item counts, then the active items with their book titles.
	 */
	static FetchPlan<OrderRow> forListView() {
		return LIST_VIEW;
	}

	/** Two statements for a keyset page at any depth. */
	static FetchPlan<OrderRow> forListViewAfter() {
		return LIST_VIEW_AFTER;
	}

	private static OrderRow listRow(ResultSet resultSet, int row) throws SQLException {
		return new OrderRow(resultSet.getLong("id"), utc(resultSet, "created_at"), resultSet.getLong("customer_id"),
				resultSet.getString("customer_name"), resultSet.getString("status"), resultSet.getBigDecimal("total"),
				resultSet.getLong("active_item_count"), List.of());
	}

	private static ItemLine itemLine(ResultSet resultSet, int row) throws SQLException {
		return new ItemLine(resultSet.getLong("id"), resultSet.getString("book_title"), resultSet.getInt("quantity"),
				resultSet.getBigDecimal("unit_price"));
	}

	/**
	 * The same instant the naive side reads, at the same offset, so the records are
	 * equal.
	 */
	private static OffsetDateTime utc(ResultSet resultSet, String column) throws SQLException {
		return resultSet.getObject(column, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
