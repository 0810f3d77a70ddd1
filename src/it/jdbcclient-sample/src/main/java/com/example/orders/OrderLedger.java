package com.example.orders;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The order list, twice: naive, looking each order's customer up on its own, and batched,
 * loading every customer the list needs in one more statement. Both return the same
 * lines. And one order's page, whose heading and body each read the order.
 */
@Component
class OrderLedger {

	private static final String ORDERS = """
			SELECT id, customer_id, total
			FROM purchase_order
			ORDER BY id
			""";

	private static final String ORDER = """
			SELECT id, customer_id, total
			FROM purchase_order
			WHERE id = ?
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

	private static final String PAID = """
			SELECT sum(amount)
			FROM payment
			WHERE order_id = ?
			""";

	/** Customers per statement in {@link #chunked}. */
	static final int CHUNK = 2;

	private final JdbcClient jdbc;

	OrderLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The N+1: the orders in one statement, then one statement per order. Customers with
	 * several orders are looked up once per order all the same, with the same id: the
	 * repeats are part of this N+1, not a separate problem.
	 */
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

	/**
	 * Deliberately naive: each order with what was paid of it, summed per order. Besides
	 * the N+1, each sum reads every payment, as no index leads with
	 * {@code payment.order_id}: the starter says so, and names the index.
	 */
	List<OrderPayments> payments() {
		return orders().stream()
			.map((order) -> new OrderPayments(order.id(), order.total(), paid(order.id())))
			.toList();
	}

	/**
	 * Batch+1: the customers loaded a few ids at a time, a chunk size meant to keep each
	 * statement small, which makes one statement per chunk of the list. Same lines as
	 * {@link #batched}, which binds every id at once.
	 */
	List<OrderLine> chunked() {
		List<Order> orders = orders();
		List<Long> ids = orders.stream().map(Order::customerId).distinct().toList();
		Map<Long, String> names = new HashMap<>();
		RowCallbackHandler name = (row) -> names.put(row.getLong("id"), row.getString("name"));
		for (int from = 0; from < ids.size(); from += CHUNK) {
			Long[] chunk = ids.subList(from, Math.min(from + CHUNK, ids.size())).toArray(Long[]::new);
			this.jdbc.sql(CUSTOMERS).param(chunk).query(name);
		}
		return orders.stream()
			.map((order) -> new OrderLine(order.id(), names.get(order.customerId()), order.total()))
			.toList();
	}

	/** An order page's heading, read on its own by a helper of the page. */
	String heading(long id) {
		Order order = this.jdbc.sql(ORDER).param(id).query(Order.class).optional().orElseThrow(OrderLedger::notFound);
		return "Order " + order.id() + ", " + order.total();
	}

	/**
	 * The body of an order's page. The duplicate: it reads the order again, with the same
	 * id as {@link #heading} and from another line, because nothing hands it the one the
	 * heading read. Passing that one on would save the statement.
	 */
	OrderLine line(long id) {
		Order order = this.jdbc.sql(ORDER).param(id).query(Order.class).single();
		return new OrderLine(order.id(), customerName(order.customerId()), order.total());
	}

	private List<Order> orders() {
		return this.jdbc.sql(ORDERS).query(Order.class).list();
	}

	/** Nothing for an order without payments: a sum of no rows is NULL. */
	private BigDecimal paid(long orderId) {
		return this.jdbc.sql(PAID).param(orderId).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
	}

	private String customerName(long id) {
		return this.jdbc.sql(CUSTOMER_NAME).param(id).query(String.class).single();
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	private record Order(long id, long customerId, BigDecimal total) {
	}

}
