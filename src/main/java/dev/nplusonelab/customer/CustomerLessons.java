package dev.nplusonelab.customer;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.nplusonelab.guide.Formula;
import dev.nplusonelab.guide.GuideEntry;
import dev.nplusonelab.guide.GuideEntry.Section;
import dev.nplusonelab.guide.Technique;
import dev.nplusonelab.query.PagePlan;
import dev.nplusonelab.store.Bookstore;

/** What the customer page teaches. */
@Configuration(proxyBeanMethods = false)
class CustomerLessons {

	@Bean
	Technique customerList() {
		return Technique.technique("customer-list")
			.order(55)
			.page("/customers", "/customers")
			.title("Customer list: order counts, totals and the latest order, computed in SQL")
			.problem("Loading every order of every customer on the page to count them, add up their totals and find "
					+ "the latest costs a statement per customer, and Spring Data JDBC adds one per order for the "
					+ "items that come with it, which the list never shows.")
			.cost(Formula.of(1)
				.plus("N", "customers on the page, whose orders are loaded to be counted")
				.plus("R", "orders of those customers, whose items Spring Data JDBC loads one order at a time"), 1)
			.listLetters(CustomerRow.class,
					(page) -> Map.of("N", (long) page.rows().size(), "R",
							page.rows().stream().mapToLong(CustomerRow::orderCount).sum()))
			.naiveCode(NaiveCustomerReader.class, "list")
			.optimizedCode(CustomerQueries.class, "list-view")
			.optimizedCode(OptimizedCustomerReader.class, "list")
			.django("""
					customers = (Customer.objects
					    .annotate(order_count=Count("orders"),
					              total_spent=Coalesce(Sum("orders__total"), Decimal("0.00")),
					              last_order_at=Max("orders__created_at"))
					    .order_by("id"))[offset:offset + size]""")
			.jpa("""
					// a DTO projection: the database counts, adds up and picks the latest
					select new CustomerRow(c.id, c.name, c.city, count(o),
					                       coalesce(sum(o.total), 0), max(o.createdAt))
					from Customer c left join Order o on o.customer = c
					group by c.id, c.name, c.city
					order by c.id""")
			.build();
	}

	@Bean
	Technique customerOrders() {
		return Technique.technique("customer-orders")
			.order(60)
			.page("/customers/{id}", "/customers/1")
			.title("One customer, three lists of orders: several prefetches of one relation")
			.problem("Three repository queries for three lists of one customer's orders look cheap, but each "
					+ "order they return loads its items with a statement of its own, again in every list it "
					+ "appears in, only so that the page can count them.")
			.cost(Formula.of(4)
				.plus("A", "orders in the list of all orders, each loading its items")
				.plus("R", "orders of the last 30 days, each loading its items again")
				.plus("H", "orders over 100, each loading its items again"), 4)
			.letters(CustomerDetail.class,
					(customer) -> Map.of("A", (long) customer.orders().size(), "R",
							(long) customer.recentOrders().size(), "H", (long) customer.highValueOrders().size()))
			.naiveCode(NaiveCustomerReader.class, "detail")
			.optimizedCode(CustomerQueries.class, "detail-view")
			.optimizedCode(OptimizedCustomerReader.class, "detail")
			.django("""
					newest = Order.objects.annotate(
					    active_item_count=Count("items", filter=Q(items__cancelled=False))
					).order_by("-created_at", "-id")
					since = datetime(2026, 10, 2, tzinfo=timezone.utc)
					customer = (Customer.objects
					    .prefetch_related(
					        Prefetch("orders", queryset=newest, to_attr="all_orders"),
					        Prefetch("orders", queryset=newest.filter(created_at__gte=since),
					                 to_attr="recent_orders"),
					        Prefetch("orders", queryset=newest.filter(total__gt=100),
					                 to_attr="high_value_orders"))
					    .get(pk=customer_id))     # 4 queries, whatever the number of orders
					# to_attr lets one relation be prefetched three times: without it,
					# Django rejects the second Prefetch of the same lookup""")
			.jpa("""
					// A fetched collection can be loaded only once per entity, and never
					// filtered safely, so each list is its own query, with the item count
					// as a subquery in a DTO projection (or an entity graph per list):
					String lines = "select new OrderLine(o.id, o.createdAt, o.status, o.total,"
					    + " (select count(i) from OrderItem i where i.order = o and i.cancelled = false))"
					    + " from Order o where o.customer.id = :id";
					List<OrderLine> all = em.createQuery(
					    lines + " order by o.createdAt desc, o.id desc", OrderLine.class)...;
					List<OrderLine> recent = em.createQuery(
					    lines + " and o.createdAt >= :since order by o.createdAt desc, o.id desc", ...)...;
					List<OrderLine> highValue = em.createQuery(
					    lines + " and o.total > 100 order by o.createdAt desc, o.id desc", ...)...;""")
			.build();
	}

	@Bean
	GuideEntry severalPrefetches() {
		return GuideEntry.entry("prefetch-several", Section.PREFETCH)
			.order(40)
			.title("Several prefetches of one relation, each into its own attribute")
			.problem("Three lists of one customer's orders (all, recent, over 100) are three views of one relation; "
					+ "without a name for each, they overwrite one another or get loaded order by order.")
			.django("""
					Customer.objects.prefetch_related(
					    Prefetch("orders", queryset=newest, to_attr="all_orders"),
					    Prefetch("orders", queryset=newest.filter(created_at__gte=since),
					             to_attr="recent_orders"),
					    Prefetch("orders", queryset=newest.filter(total__gt=100),
					             to_attr="high_value_orders"))""")
			.ourCode(CustomerQueries.class, "detail-view")
			.jpa("""
					// one query per list, each with its own WHERE, into its own DTO list:
					select new OrderLine(o.id, o.createdAt, o.status, o.total)
					from Order o where o.customer.id = :id and o.createdAt >= :since
					order by o.createdAt desc, o.id desc""")
			.shownOn("customer-orders")
			.saves("item loads, order by order, in each list", "the items counted inside each list's statement",
					Bookstore.ORDER_ITEMS)
			.build();
	}

	/** What the customer pages show, for fixes that match their lessons. */
	@Bean
	PagePlan customerListPlan() {
		return PagePlan.of("/customers", CustomerQueries.forListView());
	}

	@Bean
	PagePlan customerDetailPlan() {
		return PagePlan.of("/customers/{id}", CustomerQueries.forDetailView());
	}

}
