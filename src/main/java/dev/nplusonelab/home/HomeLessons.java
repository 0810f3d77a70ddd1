package dev.nplusonelab.home;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.nplusonelab.guide.Formula;
import dev.nplusonelab.guide.Technique;
import dev.nplusonelab.query.PagePlan;

/** What the home page teaches. */
@Configuration(proxyBeanMethods = false)
class HomeLessons {

	@Bean
	Technique dashboard() {
		return Technique.technique("dashboard")
			.order(0)
			.page("/", "/")
			.title("One page, four short lists")
			.problem("Each list on a dashboard looks cheap on its own, but every lookup per row adds up, and a page "
					+ "of a few short lists runs hundreds of statements.")
			.cost(Formula.of(4)
				.plus(5, "B",
						"new books: the author, the tag names, the reviews to average and, from the template, "
								+ "the publisher of each, and the tag links of each")
				.plus(3, "S", "best sellers: the tag links, the author and the publisher of each")
				.plus(2, "P", "recent orders: the items and the customer of each")
				.plus(2, "T", "items of those orders: the book and its tag links for each")
				.plus(3, "R", "latest reviews: the book, its tag links and the customer of each"), 6)
			.letters(Dashboard.class,
					(dashboard) -> Map.of("B", (long) dashboard.newBooks().size(), "S",
							(long) dashboard.bestSellers().size(), "P", (long) dashboard.recentOrders().size(), "T",
							dashboard.recentOrders().stream().mapToLong((order) -> order.bookTitles().size()).sum(),
							"R", (long) dashboard.latestReviews().size()))
			.naiveCode(NaiveDashboardReader.class, "dashboard")
			.optimizedCode(HomeQueries.class, "dashboard-view")
			.optimizedCode(OptimizedDashboardReader.class, "dashboard")
			.django("""
					new_books = (Book.objects.select_related("author__publisher")
					    .prefetch_related("tags")
					    .annotate(average_rating=Avg("reviews__rating"))
					    .order_by("-published_on", "-id")[:20])
					best_sellers = (Book.objects.select_related("author__publisher")
					    .order_by("-sales", "id")[:20])
					recent_orders = (Order.objects.select_related("customer")
					    .prefetch_related(Prefetch("items",
					        queryset=OrderItem.objects.select_related("book").order_by("id")))
					    .order_by("-created_at", "-id")[:15])
					latest_reviews = (Review.objects.select_related("book", "customer")
					    .order_by("-created_at", "-id")[:20])""")
			.jpa("""
					// one JPQL query per list, with fetch joins for the to-one relations,
					// setMaxResults(n) for the size, a DTO projection for the average rating,
					// and @BatchSize (or default_batch_fetch_size) for the tags and the items""")
			.build();
	}

	/**
	 * What the dashboard shows, for fixes that match its lesson: two of its lists read
	 * books, so each plan says which naive list it replaces.
	 */
	@Bean
	PagePlan newBooksPlan() {
		return new PagePlan("/", HomeQueries.newBooks(), HomeRepository.NEWEST_BOOKS);
	}

	@Bean
	PagePlan bestSellersPlan() {
		return new PagePlan("/", HomeQueries.bestSellers(), HomeRepository.BEST_SELLING_BOOKS);
	}

	@Bean
	PagePlan recentOrdersPlan() {
		return PagePlan.of("/", HomeQueries.recentOrders());
	}

	@Bean
	PagePlan latestReviewsPlan() {
		return PagePlan.of("/", HomeQueries.latestReviews());
	}

}
