package dev.nplusonelab.order;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.order.OrderRow.ItemLine;
import dev.nplusonelab.store.BookRepository;
import dev.nplusonelab.store.Customer;
import dev.nplusonelab.store.CustomerRepository;
import dev.nplusonelab.store.OrderItem;
import dev.nplusonelab.store.PurchaseOrder;
import dev.nplusonelab.store.PurchaseOrderRepository;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * DELIBERATE ANTI-PATTERN: the order list as a first version is often written with Spring
 * Data JDBC repositories. For N orders on a page with I active items it runs
 * {@code 1 + 2N + 2I} statements, plus one when a next page exists:
 * <ol>
 * <li>the page of orders (1). The order aggregate owns its items, so Spring Data JDBC
 * loads them with one statement per order (N), and also for the one extra row it reads to
 * learn whether a next page exists (+1), although that order is never shown;</li>
 * <li>the customer of each order (N);</li>
 * <li>the book of each active item, for its title (I), and the book aggregate owns its
 * tag links, so each book costs one more statement (I).</li>
 * </ol>
 * Cancelled items are loaded with the rest and dropped in Java afterwards, and the item
 * count is the {@code size()} of what is left.
 */
@Component
@Transactional(readOnly = true)
class NaiveOrderReader implements OrderReader {

	private final PurchaseOrderRepository orders;

	private final CustomerRepository customers;

	private final BookRepository books;

	NaiveOrderReader(PurchaseOrderRepository orders, CustomerRepository customers, BookRepository books) {
		this.orders = orders;
		this.customers = customers;
		this.books = books;
	}

	// tag::list[]
	@Override
	public ListPage<OrderRow> list(Paging paging) {
		Slice<PurchaseOrder> page = this.orders.findAllBy(paging.pageable(Sort.by("id")));
		return ListPage.of(page.map(this::row), paging);
	}

	private OrderRow row(PurchaseOrder order) {
		Customer customer = this.customers.findById(order.customer().getId()).orElseThrow();
		// Every item came with the order, cancelled ones too: filtered after loading.
		List<ItemLine> active = order.items()
			.stream()
			.filter((item) -> !item.cancelled())
			.sorted(Comparator.comparing(OrderItem::id))
			.map(this::line)
			.toList();
		return new OrderRow(order.id(), order.createdAt().atOffset(ZoneOffset.UTC), customer.id(), customer.name(),
				order.status(), order.total(), active.size(), active);
	}

	private ItemLine line(OrderItem item) {
		// The whole book, content and tag links included, for its title.
		String title = this.books.findById(item.book().getId()).orElseThrow().title();
		return new ItemLine(item.id(), title, item.quantity(), item.unitPrice());
	}
	// end::list[]

	@Override
	public ListPage<OrderRow> listAfter(long after, int size) {
		Slice<PurchaseOrder> page = this.orders.findByIdGreaterThan(after, Paging.first(size).pageable(Sort.by("id")));
		return ListPage.after(after, page.map(this::row));
	}

}
