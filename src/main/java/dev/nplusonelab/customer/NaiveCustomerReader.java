package dev.nplusonelab.customer;

import static dev.nplusonelab.customer.CustomerDetail.HIGH_VALUE;
import static dev.nplusonelab.customer.CustomerDetail.RECENT_SINCE;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.customer.CustomerDetail.OrderLine;
import dev.nplusonelab.store.CustomerRepository;
import dev.nplusonelab.store.PurchaseOrder;
import dev.nplusonelab.store.PurchaseOrderRepository;

/**
 * DELIBERATE ANTI-PATTERN: the customer page with one repository query per list. With A
 * orders in all, R of them recent and H of high value, it runs {@code 4 + A + R + H}
 * statements: the customer and the three lists (4), and because an order aggregate owns
 * its items, Spring Data JDBC loads the items of every order it returns with one
 * statement per order, in each list again (A + R + H), only for the page to count them.
 * An order that is both recent and of high value has its items loaded three times.
 */
@Component
@Transactional(readOnly = true)
class NaiveCustomerReader implements CustomerReader {

	private final CustomerRepository customers;

	private final PurchaseOrderRepository orders;

	NaiveCustomerReader(CustomerRepository customers, PurchaseOrderRepository orders) {
		this.customers = customers;
		this.orders = orders;
	}

	// tag::detail[]
	@Override
	public Optional<CustomerDetail> detail(long id) {
		return this.customers.findById(id).map((customer) -> {
			List<OrderLine> all = lines(this.orders.findByCustomerId(id));
			List<OrderLine> recent = lines(this.orders.findRecentByCustomerId(id, RECENT_SINCE.toInstant()));
			List<OrderLine> highValue = lines(this.orders.findByCustomerIdAndTotalGreaterThan(id, HIGH_VALUE));
			return new CustomerDetail(customer.id(), customer.name(), customer.email(), customer.city(),
					customer.joinedAt().atOffset(ZoneOffset.UTC), all, recent, highValue);
		});
	}

	private static List<OrderLine> lines(List<PurchaseOrder> orders) {
		return orders.stream().map(NaiveCustomerReader::line).toList();
	}

	private static OrderLine line(PurchaseOrder order) {
		// Every item was loaded with its order, only to be counted here.
		long active = order.items().stream().filter((item) -> !item.cancelled()).count();
		return new OrderLine(order.id(), order.createdAt().atOffset(ZoneOffset.UTC), order.status(), order.total(),
				active);
	}
	// end::detail[]

}
