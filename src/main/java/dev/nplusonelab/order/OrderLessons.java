package dev.nplusonelab.order;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.nplusonelab.guide.Formula;
import dev.nplusonelab.guide.Technique;

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

}
