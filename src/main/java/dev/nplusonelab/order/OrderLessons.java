package dev.nplusonelab.order;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.nplusonelab.guide.Formula;
import dev.nplusonelab.guide.GuideEntry;
import dev.nplusonelab.guide.GuideEntry.Section;
import dev.nplusonelab.guide.Technique;
import dev.nplusonelab.query.PagePlan;
import dev.nplusonelab.store.Bookstore;

/** What the order list teaches. */
@Configuration(proxyBeanMethods = false)
class OrderLessons {

	@Bean
	Technique orderList() {
		return Technique.technique("order-list")
			.order(50)
			.page("/orders", "/orders")
			.title("Order list: a filtered prefetch into a named attribute, with a join inside it")
			.problem("Loading every item of every order only to drop the cancelled ones in Java, then looking up "
					+ "each order's customer and each item's book one by one, costs statements per order and per "
					+ "item, plus one for the order that only tells whether a next page exists.")
			.cost(Formula.of(1)
				.plus(2, "N", "orders on the page: the items and the customer of each")
				.plus(2, "T", "active items shown: the book and its tag links for each")
				.plus("P",
						"1 when another page follows: Spring Data JDBC reads one order past the page and loads "
								+ "its items"),
					2)
			.listLetters(OrderRow.class,
					(page) -> Map.of("N", (long) page.rows().size(), "T",
							page.rows().stream().mapToLong((order) -> order.activeItems().size()).sum(), "P",
							page.hasNext() ? 1L : 0L))
			.naiveCode(NaiveOrderReader.class, "list")
			.optimizedCode(OrderQueries.class, "list-view")
			.optimizedCode(OptimizedOrderReader.class, "list")
			.django("""
					orders = (Order.objects
					    .select_related("customer")
					    .annotate(active_item_count=Count("items", filter=Q(items__cancelled=False)))
					    .prefetch_related(Prefetch(
					        "items",
					        queryset=OrderItem.objects.filter(cancelled=False)
					                                  .select_related("book")
					                                  .order_by("id"),
					        to_attr="active_items"))
					    .order_by("id"))[offset:offset + size]
					# order.active_items is a plain list; order.items.all() would
					# still mean every item, and would run a new query""")
			.jpa("""
					// the customer: a fetch join on the page of orders
					List<Order> orders = em.createQuery(
					    "select o from Order o join fetch o.customer order by o.id", Order.class)
					  .setFirstResult(offset).setMaxResults(size).getResultList();
					// the active items: a second query. A WHERE on a JOIN FETCHed
					// collection would leave the managed collection incomplete, so
					// filter a query of the items instead (or use Hibernate's @Filter)
					List<OrderItem> active = em.createQuery(
					    "select i from OrderItem i join fetch i.book "
					    + "where i.order.id in :ids and i.cancelled = false order by i.id",
					    OrderItem.class)
					  .setParameter("ids", ids).getResultList();
					// group them by i.getOrder().getId() into the view model""")
			.build();
	}

	@Bean
	GuideEntry singleJoin() {
		return GuideEntry.entry("select-related-single", Section.SELECT_RELATED)
			.order(10)
			.title("Single: each order's customer")
			.problem("Every order row shows its customer's name, and a lookup per order is one statement per row.")
			.django("""
					Order.objects.select_related("customer")""")
			.ourCode(OrderQueries.class, "order-row")
			.jpa("""
					select o from Order o join fetch o.customer""")
			.shownOn("order-list")
			.saves("customer lookups", "joined into the orders statement", Bookstore.ORDER_CUSTOMER)
			.build();
	}

	@Bean
	GuideEntry filteredPrefetch() {
		return GuideEntry.entry("prefetch-filtered", Section.PREFETCH)
			.order(10)
			.title("A filtered prefetch: only the active items")
			.problem("Loading every item of every order and dropping the cancelled ones in Java reads rows the "
					+ "page never shows; the filter belongs in the prefetch's own statement.")
			.django("""
					Order.objects.prefetch_related(Prefetch(
					    "items",
					    queryset=OrderItem.objects.filter(cancelled=False).order_by("id"),
					    to_attr="active_items"))""")
			.ourCode(OrderQueries.class, "active-items")
			.jpa("""
					// not a WHERE on a JOIN FETCH (the collection would look complete);
					// a second query for the page's orders, grouped by order id:
					select i from OrderItem i
					where i.order.id in :orderIds and i.cancelled = false
					order by i.id""")
			.shownOn("order-list")
			.saves("item loads, order by order", "one statement for the active items of the page",
					Bookstore.ORDER_ITEMS)
			.build();
	}

	@Bean
	GuideEntry joinInsidePrefetch() {
		return GuideEntry.entry("prefetch-join-inside", Section.PREFETCH)
			.order(30)
			.title("A join inside the prefetch: each item's book")
			.problem("Prefetching the items fixes the statement per order, but looking up each item's book still "
					+ "costs a statement per item: the prefetch itself must join the book.")
			.django("""
					Order.objects.prefetch_related(Prefetch(
					    "items",
					    queryset=OrderItem.objects.select_related("book")))""")
			.ourCode(OrderQueries.class, "active-items")
			.jpa("""
					select i from OrderItem i join fetch i.book
					where i.order.id in :orderIds""")
			.shownOn("order-list")
			.saves("book lookups per item, with each book's tag links", "joined inside the items prefetch",
					Bookstore.ORDER_ITEM_BOOK, Bookstore.BOOK_TAGS)
			.build();
	}

	/** What the order list shows, for fixes that match its lesson. */
	@Bean
	PagePlan orderListPlan() {
		return PagePlan.of("/orders", OrderQueries.forListView());
	}

}
