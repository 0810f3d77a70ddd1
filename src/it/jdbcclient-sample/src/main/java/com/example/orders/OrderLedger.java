package com.example.orders;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order list, twice: naive, looking each order's customer up on its own, and batched,
 * loading every customer the list needs in one more statement. Both return the same
 * lines.
 */
@Component
class OrderLedger {

	private static final String ORDERS = """
			SELECT id, customer_id, total
			FROM purchase_order
			ORDER BY id
			""";

	private static final String CUSTOMER_NAME = """
			SELECT name
			FROM customer
			WHERE id = ?
			""";

	private static final String CUSTOMERS = """
			SELECT id, name
			FROM customer
			WHERE id = ANY(?)
			""";

	private final JdbcClient jdbc;

	OrderLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The N+1: the orders in one statement, then one statement per order. */
	List<OrderLine> naive() {
		return orders().stream()
			.map((order) -> new OrderLine(order.id(), customerName(order.customerId()), order.total()))
			.toList();
	}

	/**
	 * The orders, then their customers in one statement, whatever the number of orders.
	 */
	List<OrderLine> batched() {
		List<Order> orders = orders();
		Long[] ids = orders.stream().map(Order::customerId).distinct().toArray(Long[]::new);
		Map<Long, String> names = new HashMap<>();
		if (ids.length > 0) {
			this.jdbc.sql(CUSTOMERS)
				.param(ids)
				.query((RowCallbackHandler) (row) -> names.put(row.getLong("id"), row.getString("name")));
		}
		return orders.stream()
			.map((order) -> new OrderLine(order.id(), names.get(order.customerId()), order.total()))
			.toList();
	}

	private List<Order> orders() {
		return this.jdbc.sql(ORDERS).query(Order.class).list();
	}

	private String customerName(long id) {
		return this.jdbc.sql(CUSTOMER_NAME).param(id).query(String.class).single();
	}

	private record Order(long id, long customerId, BigDecimal total) {
	}

}
