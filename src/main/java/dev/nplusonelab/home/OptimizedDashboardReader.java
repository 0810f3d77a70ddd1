package dev.nplusonelab.home;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The dashboard from four fetch plans: six statements in all. */
@Component
@Transactional(readOnly = true)
class OptimizedDashboardReader implements DashboardReader {

	private final JdbcClient jdbc;

	OptimizedDashboardReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::dashboard[]
	@Override
	public Dashboard read() {
		return new Dashboard(HomeQueries.newBooks().list(this.jdbc, Map.of()),
				HomeQueries.bestSellers().list(this.jdbc, Map.of()),
				HomeQueries.recentOrders().list(this.jdbc, Map.of()),
				HomeQueries.latestReviews().list(this.jdbc, Map.of()));
	}
	// end::dashboard[]

}
