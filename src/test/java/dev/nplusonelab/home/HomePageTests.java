package dev.nplusonelab.home;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.guide.Guide;
import dev.nplusonelab.guide.Technique;
import dev.nplusonelab.Formulas;

import static org.assertj.core.api.Assertions.assertThat;

@LabTest
class HomePageTests {

	private static final String ITEMS_OF_NEWEST_ORDERS = """
			SELECT count(*)
			FROM order_item
			WHERE order_id IN (SELECT id FROM orders ORDER BY created_at DESC, id DESC LIMIT :orders)
			""";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private NaiveDashboardReader naive;

	@Autowired
	private OptimizedDashboardReader optimized;

	@Autowired
	private Guide guide;

	private Pages pages;

	@BeforeEach
	void pages() {
		this.pages = new Pages(this.mvc);
	}

	@Test
	void naiveDashboardRunsHundredsOfStatements() {
		long items = this.jdbc.sql(ITEMS_OF_NEWEST_ORDERS)
			.param("orders", DashboardReader.RECENT_ORDERS)
			.query(Long.class)
			.single();
		int statements = this.pages.visit("/?mode=naive").statements();

		assertThat(statements).isEqualTo(Formulas.naive(this.guide, "dashboard", "B", DashboardReader.NEW_BOOKS, "S",
				DashboardReader.BEST_SELLERS, "P", DashboardReader.RECENT_ORDERS, "T", items, "R",
				DashboardReader.LATEST_REVIEWS));
		assertThat(statements).isGreaterThan(200);
	}

	@Test
	void optimizedDashboardRunsSixStatements() {
		assertThat(this.pages.visit("/?mode=optimized").statements()).isEqualTo(6);
		assertThat(this.pages.visit("/").statements()).isEqualTo(6);
	}

	@Test
	void bothModesGiveTheSameDashboard() {
		Dashboard expected = this.naive.read();

		assertThat(this.optimized.read()).isEqualTo(expected);
		assertThat(expected.newBooks()).hasSize(DashboardReader.NEW_BOOKS);
		assertThat(expected.bestSellers()).hasSize(DashboardReader.BEST_SELLERS);
		assertThat(expected.recentOrders()).hasSize(DashboardReader.RECENT_ORDERS);
		assertThat(expected.latestReviews()).hasSize(DashboardReader.LATEST_REVIEWS);
	}

	@Test
	void bothModesRenderIdenticalRecords() {
		assertThat(this.pages.visit("/?mode=optimized").records()).isEqualTo(this.pages.visit("/?mode=naive").records())
			.isNotBlank();
	}

	/** A newcomer sees where to start before four lists of twenty rows. */
	@Test
	void startHereComesBeforeTheDashboardLists() {
		var document = this.pages.visit("/").document();
		var order = document.select("#start-here, #records, .start-here a.card");

		assertThat(order.get(0).id()).isEqualTo("start-here");
		assertThat(order.get(order.size() - 1).id()).isEqualTo("records");
		assertThat(document.select(".start-here a.card").eachAttr("href")).contains("/guide", "/detection");
	}

	@Test
	void theHomePageLinksToEveryLesson() {
		var links = this.pages.visit("/").document().select("a[href]").eachAttr("href");

		for (Technique technique : this.guide.all()) {
			if (!technique.route().equals("/")) {
				assertThat(links).as(technique.key()).contains(technique.href());
			}
		}
	}

}
