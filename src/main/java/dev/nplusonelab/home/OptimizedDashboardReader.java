package dev.nplusonelab.home;

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
		return new Dashboard(HomeQueries.newBooks().list(this.jdbc), HomeQueries.bestSellers().list(this.jdbc),
				HomeQueries.recentOrders().list(this.jdbc), HomeQueries.latestReviews().list(this.jdbc));
	}
	// end::dashboard[]

}
