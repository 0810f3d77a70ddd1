package dev.nplusonelab.store.seed;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Says where to browse and what the data set holds, once the application is ready. */
@Component
class StartupReport {

	private static final Logger logger = LoggerFactory.getLogger(StartupReport.class);

	private static final String SIZES = """
			SELECT current_setting('server_version') AS server_version,
			       (SELECT count(*) FROM book) AS books,
			       (SELECT count(*) FROM author) AS authors,
			       (SELECT count(*) FROM review) AS reviews,
			       (SELECT count(*) FROM orders) AS orders,
			       (SELECT count(*) FROM order_item) AS order_items
			""";

	private final JdbcClient jdbc;

	private final Environment environment;

	StartupReport(JdbcClient jdbc, Environment environment) {
		this.jdbc = jdbc;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		String port = this.environment.getProperty("local.server.port", "8080");
		Sizes sizes;
		try {
			sizes = this.jdbc.sql(SIZES).query(Sizes.class).single();
		}
		catch (DataAccessException ex) {
			// Counting a very large store on a cold cache can outlast the statement
			// timeout; that is no reason to stop an application that is ready.
			logger.warn("N+1 Lab is ready at http://localhost:{}/ (the bookstore could not be counted: {})", port,
					ex.getMostSpecificCause().getMessage());
			return;
		}
		logger.info("""

				N+1 Lab is ready at http://localhost:{}/ (started in {} s)
				  bookstore: {} books, {} authors, {} reviews, {} orders, {} order items
				  database:  PostgreSQL {}
				  try:       http://localhost:{}/books?mode=naive and then ?mode=optimized
				""", port, ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0, sizes.books(), sizes.authors(),
				sizes.reviews(), sizes.orders(), sizes.orderItems(), sizes.serverVersion(), port);
	}

	record Sizes(String serverVersion, long books, long authors, long reviews, long orders, long orderItems) {
	}

}
