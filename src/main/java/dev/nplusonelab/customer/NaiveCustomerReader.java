package dev.nplusonelab.customer;

import static dev.nplusonelab.customer.CustomerDetail.HIGH_VALUE;
import static dev.nplusonelab.customer.CustomerDetail.RECENT_SINCE;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.customer.CustomerDetail.OrderLine;
import dev.nplusonelab.store.Customer;
import dev.nplusonelab.store.CustomerRepository;
import dev.nplusonelab.store.PurchaseOrder;
import dev.nplusonelab.store.PurchaseOrderRepository;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * DELIBERATE ANTI-PATTERN: the customer pages with repository calls per customer and per
 * list.
 * <p>
 * The list runs {@code 1 + N + R} statements for N customers with R orders in all: the
 * page of customers, then every order of each customer, only to count them, add up their
 * totals and pick the latest (N); and because an order aggregate owns its items, Spring
 * Data JDBC loads the items of each of those orders with a statement of its own (R),
 * although the list shows none of them.
 * <p>
 * The detail page has one repository query per list. With A orders in all, R of them
 * recent and H of high value, it runs {@code 4 + A + R + H} statements: the customer and
 * the three lists (4), and because an order aggregate owns its items, Spring Data JDBC
 * loads the items of every order it returns with one statement per order, in each list
 * again (A + R + H), only for the page to count them. An order that is both recent and of
 * high value has its items loaded three times.
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

	// tag::list[]
	@Override
	public ListPage<CustomerRow> list(Paging paging) {
		Slice<Customer> page = this.customers.findAllBy(paging.pageable(Sort.by("id")));
		return ListPage.of(page.map(this::row), paging);
	}

	private CustomerRow row(Customer customer) {
		// Every order, with every item of it, for a count, a sum and a date.
		List<PurchaseOrder> placed = this.orders.findByCustomerId(customer.id());
		BigDecimal spent = placed.stream().map(PurchaseOrder::total).reduce(new BigDecimal("0.00"), BigDecimal::add);
		OffsetDateTime last = placed.stream()
			.map(PurchaseOrder::createdAt)
			.max(Comparator.naturalOrder())
			.map((at) -> at.atOffset(ZoneOffset.UTC))
			.orElse(null);
		return new CustomerRow(customer.id(), customer.name(), customer.city(), placed.size(), spent, last);
	}
	// end::list[]

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
